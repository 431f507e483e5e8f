// A config.json that exists but cannot be read (here: a directory in its place, EISDIR;
// in the field: EACCES, EIO) must be reported like any broken config (CONFIG_CORRUPT, naming the file, "do
// not delete it"), as main/api/result.ts documents ("config.json unreadable or invalid; left untouched"),
// not as an anonymous INTERNAL error that tells the shop to just start again.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE, loadConfig } from '../../../main/config/config';
import { startApp } from '../../../main/startup/start-app';
import { failureOf, tempDir } from '../store/fixtures';

describe('unreadable config.json', () => {
  it('loadConfig throws CONFIG_CORRUPT naming the file when config.json cannot be read', async () => {
    const dir = tempDir();
    const file = path.join(dir, CONFIG_FILE);
    fs.mkdirSync(file);
    const f = await failureOf(() => loadConfig(dir));
    expect(f.code).toBe('CONFIG_CORRUPT');
    expect(f.detail?.file).toBe(file);
  });

  it('startApp shows the CONFIG_CORRUPT page with the file, and leaves the folder as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, CONFIG_FILE);
    fs.mkdirSync(file);
    const started = await startApp({ dataDir: dir, log: () => undefined });
    if ('host' in started) await started.host.close();
    expect(started).toMatchObject({ failure: { code: 'CONFIG_CORRUPT', file } });
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.existsSync(path.join(dir, 'pos.sqlite'))).toBe(false);
  });
});
