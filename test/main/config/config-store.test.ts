import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import { CONFIG_FILE, loadConfig } from '../../../main/config/config';
import { PREVIOUS_CONFIG_FILE, configChanges, saveConfig } from '../../../main/config/config-store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpos-config-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const failure = (f: () => unknown): PosFailure => {
  try {
    f();
  } catch (e) {
    if (e instanceof PosFailure) return e;
    throw e;
  }
  throw new Error('expected a PosFailure');
};

describe('saveConfig', () => {
  it('writes the new settings, keeps the old file as config.previous.json and lists what changed', () => {
    const before = loadConfig(dir);
    const beforeText = fs.readFileSync(path.join(dir, CONFIG_FILE), 'utf8');
    const next = { ...before, store: { ...before.store, name: '新店', terminalId: 'T02' } };
    const saved = saveConfig(dir, next);
    expect(saved.changes).toEqual([
      { path: 'store.name', from: before.store.name, to: '新店' },
      { path: 'store.terminalId', from: 'T01', to: 'T02' },
    ]);
    expect(fs.readFileSync(path.join(dir, PREVIOUS_CONFIG_FILE), 'utf8')).toBe(beforeText);
    expect(loadConfig(dir).store.name).toBe('新店');
    for (const f of [CONFIG_FILE, PREVIOUS_CONFIG_FILE]) {
      expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
    }
    // no temporary file is left behind
    expect(fs.readdirSync(dir).sort()).toEqual([CONFIG_FILE, PREVIOUS_CONFIG_FILE].sort());
  });

  it('refuses invalid settings with the schema’s reasons and writes nothing', () => {
    const before = loadConfig(dir);
    const beforeText = fs.readFileSync(path.join(dir, CONFIG_FILE), 'utf8');
    const bad = { ...before, currency: 'yuan', store: { ...before.store, terminalId: 'no spaces allowed' } };
    const e = failure(() => saveConfig(dir, bad));
    expect(e.code).toBe('SETTINGS_INVALID');
    const issues = e.detail?.['issues'] as string[];
    expect(issues.some((i) => i.startsWith('currency:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('store.terminalId:'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, CONFIG_FILE), 'utf8')).toBe(beforeText);
    expect(fs.existsSync(path.join(dir, PREVIOUS_CONFIG_FILE))).toBe(false);
  });

  it('refuses an unknown currency code that has the right shape', () => {
    const before = loadConfig(dir);
    expect(failure(() => saveConfig(dir, { ...before, currency: 'ZZZ' })).code).toBe('SETTINGS_INVALID');
  });

  it('answers NOTHING_CHANGED for the settings already on file', () => {
    const before = loadConfig(dir);
    expect(failure(() => saveConfig(dir, before)).code).toBe('NOTHING_CHANGED');
    expect(fs.existsSync(path.join(dir, PREVIOUS_CONFIG_FILE))).toBe(false);
  });
});

describe('configChanges', () => {
  it('compares leaves, arrays whole, and reports added and removed settings as null on the other side', () => {
    expect(
      configChanges(
        { a: 1, tax: [{ id: 'std', rateBp: 1300 }], gone: true, n: { x: 'same' } },
        { a: 2, tax: [{ id: 'std', rateBp: 1300 }], added: 'y', n: { x: 'same' } },
      ),
    ).toEqual([
      { path: 'a', from: 1, to: 2 },
      { path: 'added', from: null, to: 'y' },
      { path: 'gone', from: true, to: null },
    ]);
  });
});
