// The shop's business time zone in config.json (`store.timeZone`): optional, so a file written before it
// existed still loads (Asia/Shanghai); an IANA name Intl knows is kept; an unknown one refuses the file (or the
// settings screen's save) with a reason naming the setting and the value, and nothing is rewritten.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_FILE, DEFAULT_CONFIG, loadConfig } from '../../../main/config/config';
import { PREVIOUS_CONFIG_FILE, saveConfig } from '../../../main/config/config-store';
import { businessTimeZone } from '../../../main/config/time-zone';
import { cleanup, tempDir } from '../../support/temp-host';
import { failureOf } from '../store/fixtures';

let dir: string;
beforeEach(() => {
  dir = tempDir('cpos-config-tz-');
});
afterEach(cleanup);

/** config.json as a shop has it: written by hand or by an older version. */
function writeConfig(store: Record<string, unknown>): string {
  const text = JSON.stringify({ ...DEFAULT_CONFIG, store: { ...DEFAULT_CONFIG.store, ...store } }, null, 2);
  fs.writeFileSync(path.join(dir, CONFIG_FILE), text);
  return text;
}

describe('store.timeZone in config.json', () => {
  it('an older file without it loads, in Asia/Shanghai', () => {
    writeConfig({});
    const config = loadConfig(dir);
    expect(config.store.timeZone).toBeUndefined();
    expect(businessTimeZone(config)).toBe('Asia/Shanghai');
  });

  it('an IANA name is kept and is the business time zone', () => {
    writeConfig({ timeZone: 'Europe/London' });
    expect(businessTimeZone(loadConfig(dir))).toBe('Europe/London');
  });

  it('an unknown zone refuses the file with the setting and the value named, leaving it untouched', async () => {
    const text = writeConfig({ timeZone: 'Mars/Olympus' });
    const e = await failureOf(() => loadConfig(dir));
    expect(e.code).toBe('CONFIG_CORRUPT');
    expect(e.message).toContain('store.timeZone: unknown time zone "Mars/Olympus"');
    expect(e.detail?.['issues']).toEqual([
      'store.timeZone: unknown time zone "Mars/Olympus": give an IANA name such as "Asia/Shanghai"',
    ]);
    expect(fs.readFileSync(path.join(dir, CONFIG_FILE), 'utf8')).toBe(text);
  });

  it('a save from the settings screen: an unknown zone is refused on its path, a known one saved', async () => {
    const before = loadConfig(dir);
    const e = await failureOf(() =>
      saveConfig(dir, { ...before, store: { ...before.store, timeZone: 'Mars/Olympus' } }),
    );
    expect(e.code).toBe('SETTINGS_INVALID');
    expect(e.detail?.['issues']).toEqual([expect.stringMatching(/^store\.timeZone: unknown time zone/)]);
    expect(fs.existsSync(path.join(dir, PREVIOUS_CONFIG_FILE))).toBe(false);

    const saved = saveConfig(dir, { ...before, store: { ...before.store, timeZone: 'America/New_York' } });
    expect(saved.changes).toEqual([{ path: 'store.timeZone', from: null, to: 'America/New_York' }]);
    expect(businessTimeZone(loadConfig(dir))).toBe('America/New_York');
  });
});
