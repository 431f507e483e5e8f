// Changing config.json from the app (the settings screen, leaving training mode). The new settings pass the
// same check as config.json at start (validateConfig); the file in place is kept beside it as
// config.previous.json before the new one replaces it, each write atomic, so a bad change can be undone by
// hand and a power cut leaves one whole file or the other.
import fs from 'node:fs';
import path from 'node:path';
import { PosFailure } from '../api/result';
import { makePrivateFiles } from '../store/file-modes';
import { CONFIG_FILE, validateConfig, writeFileAtomic, type PosConfig } from './config';

export const PREVIOUS_CONFIG_FILE = 'config.previous.json';

/** One changed setting, for the journal: the dotted path and the JSON values before and after. */
export interface ConfigChange {
  readonly path: string;
  readonly from: unknown;
  readonly to: unknown;
}

export interface SavedConfig {
  readonly config: PosConfig;
  readonly changes: readonly ConfigChange[];
}

/**
 * Validates `next`, keeps the current file as config.previous.json and writes `next` in its place. Throws
 * SETTINGS_INVALID (with `detail.issues`) for invalid settings, before anything is written; NOTHING_CHANGED
 * when `next` equals what is on disk.
 */
export function saveConfig(dataDir: string, next: unknown): SavedConfig {
  const file = path.join(dataDir, CONFIG_FILE);
  const config = checkSettings(next, file);
  const currentText = fs.readFileSync(file, 'utf8');
  const changes = configChanges(JSON.parse(currentText) as unknown, config);
  if (changes.length === 0) throw new PosFailure('NOTHING_CHANGED', 'The settings are unchanged', {});
  const previous = path.join(dataDir, PREVIOUS_CONFIG_FILE);
  writeFileAtomic(previous, currentText);
  writeFileAtomic(file, JSON.stringify(config, null, 2) + '\n');
  makePrivateFiles(previous, file); // the shop's settings are the till user's alone, whatever the umask
  return { config, changes };
}

/** config.json's check of settings coming from the screen: refused as SETTINGS_INVALID with each issue. */
export function checkSettings(next: unknown, file: string): PosConfig {
  try {
    return validateConfig(next, file);
  } catch (e) {
    if (!(e instanceof PosFailure) || e.code !== 'CONFIG_CORRUPT') throw e;
    // The same check as at start; to the screen it is a change refused, not a broken file.
    throw new PosFailure('SETTINGS_INVALID', e.message.replace(`${file} has `, ''), {
      issues: e.detail?.['issues'] ?? [],
    });
  }
}

/** Every leaf that differs between two settings objects (arrays compare whole: a tax table is one setting). */
export function configChanges(before: unknown, after: unknown): ConfigChange[] {
  const a = leaves(before);
  const b = leaves(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((p) => JSON.stringify(a.get(p)) !== JSON.stringify(b.get(p)))
    .map((p) => ({ path: p, from: a.get(p) ?? null, to: b.get(p) ?? null }));
}

function leaves(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}
