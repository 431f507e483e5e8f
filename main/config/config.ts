// The install-time configuration: `config.json` in the data folder. Written with defaults on first start
// (training mode on, CNY, price-inclusive), never rewritten when it exists: a broken file is reported with
// a clear error and left exactly as it is, because it may be the only record of the shop's settings.
import fs from 'node:fs';
import path from 'node:path';
import { assertCurrency } from '../api/money';
import { PosFailure } from '../api/result';
import { ConfigSchema, DEFAULT_CONFIG, type PosConfig } from './config-schema';
import { gatewayConfigProblem } from './gateway-config';
import { STORE_FILE } from '../store/files';

export { ConfigSchema, DEFAULT_CONFIG, DEFAULT_TAX_CATEGORIES, type PosConfig } from './config-schema';

export const CONFIG_FILE = 'config.json';

/**
 * Reads `dataDir/config.json`; on a first start creates it with defaults. Throws PosFailure: CONFIG_CORRUPT
 * (unreadable or invalid; left untouched), CONFIG_MISSING (absent while `store.holdsSales()`: a live shop's
 * settings are never replaced by training-mode defaults).
 */
export function loadConfig(
  dataDir: string,
  overrides: Partial<Pick<PosConfig, 'trainingMode'>> = {},
  store: { readonly holdsSales?: () => boolean } = {},
): PosConfig {
  const file = path.join(dataDir, CONFIG_FILE);
  if (!fs.existsSync(file)) {
    // A store made before the first start (the staff CLI adding the first manager) is still a first start.
    if (store.holdsSales?.() === true) {
      throw new PosFailure(
        'CONFIG_MISSING',
        `${file} is missing, but ${path.join(dataDir, STORE_FILE)} already holds this till's sales; restore the settings file`,
        { file },
      );
    }
    const fresh = { ...DEFAULT_CONFIG, ...overrides };
    writeFileAtomic(file, JSON.stringify(fresh, null, 2) + '\n');
    return fresh;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    // A directory in its place, no permission, a read error: still the settings file, still left untouched.
    throw new PosFailure('CONFIG_CORRUPT', `${file} cannot be read: ${(e as Error).message}`, { file });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PosFailure('CONFIG_CORRUPT', `${file} is not valid JSON: ${(e as Error).message}`, { file });
  }
  return { ...validateConfig(raw, file), ...overrides };
}

/**
 * The one check of a settings object, for config.json at start and for a change saved from the settings screen:
 * the schema, then the currency. Throws PosFailure CONFIG_CORRUPT naming the file and up to five problems.
 */
export function validateConfig(raw: unknown, file: string): PosConfig {
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new PosFailure('CONFIG_CORRUPT', `${file} has invalid settings: ${issues.join('; ')}`, {
      file,
      issues,
    });
  }
  try {
    assertCurrency(parsed.data.currency);
  } catch (e) {
    throw new PosFailure('CONFIG_CORRUPT', `${file}: ${(e as Error).message}`, { file });
  }
  const { gateway, trainingMode } = parsed.data;
  const gatewayProblem = gateway ? gatewayConfigProblem(gateway, trainingMode) : null;
  if (gatewayProblem !== null) throw new PosFailure('CONFIG_CORRUPT', `${file}: ${gatewayProblem}`, { file });
  return parsed.data;
}

/** Write-to-temp, fsync, rename: a power cut leaves either the old file or the new one, never half. */
export function writeFileAtomic(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
