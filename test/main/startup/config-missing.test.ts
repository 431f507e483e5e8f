// config.json is the only record of a live shop's settings (training off, its tax rates, its gateway). If it
// goes missing while pos.sqlite holds that shop's sales, the next start is not a first start: it stops with
// CONFIG_MISSING and changes nothing, instead of writing the defaults (training mode on, default VAT rates) and
// selling on with them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { CONFIG_FILE, DEFAULT_CONFIG } from '../../../main/config/config';
import { startApp } from '../../../main/startup/start-app';
import { tempDir } from '../store/fixtures';

describe('config.json missing next to an existing database', () => {
  it('does not switch a live till to training mode nor overwrite its tax rates', async () => {
    const dir = tempDir();
    const file = path.join(dir, CONFIG_FILE);
    // A live shop: training off, its own standard rate.
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...DEFAULT_CONFIG,
        trainingMode: false,
        taxCategories: [{ id: 'std', name: '标准税率', nameEn: 'Standard', rateBp: 1000 }],
      }),
    );
    const first = await startApp({ dataDir: dir, log: () => undefined });
    if (!('host' in first)) throw new Error(`first start failed: ${first.failure.message}`);
    await first.host.close();

    fs.rmSync(file); // lost: deleted by a cleaner, quarantined, or a damaged directory entry

    const second = await startApp({ dataDir: dir, log: () => undefined });
    expect(second).toMatchObject({ failure: { code: 'CONFIG_MISSING', file } });
    expect(fs.existsSync(file)).toBe(false); // no defaults written in its place
    const db = new Database(path.join(dir, 'pos.sqlite'), { readonly: true });
    const std = db.prepare(`SELECT rate_bp FROM tax_categories WHERE id = 'std'`).get() as {
      rate_bp: number;
    };
    db.close();
    expect(std.rate_bp).toBe(1000);
  });
});
