// config.json is the only record of a live shop's settings (training off, its tax rates, its gateway). If it
// goes missing while pos.sqlite holds that shop's sales, the next start is not a first start: it stops with
// CONFIG_MISSING and changes nothing, instead of writing the defaults (training mode on, default VAT rates) and
// selling on with them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Channel, Input, Output } from '../../../main/api/contract';
import { CONFIG_FILE, DEFAULT_CONFIG } from '../../../main/config/config';
import { startApp } from '../../../main/startup/start-app';
import { tempDir } from '../store/fixtures';
import { seedCatalog } from '../../support/catalog-import';
import { addStaffOnFile, readyToSell } from '../../support/signed-in-till';

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
    // It has sold something.
    const h = first.host;
    const ok = async <C extends Channel>(channel: C, payload: Input<C>): Promise<Output<C>> => {
      const r = await h.dispatch(channel, payload);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    };
    await seedCatalog(dir, 'sku,name,price,tax_category,barcodes\nCOLA,Cola,3.50,std,6901234567892\n');
    addStaffOnFile(dir);
    await readyToSell(h);
    const cart = await ok('cart.scan', { code: '6901234567892' });
    await ok('sale.tenderCash', { cartId: cart.cartId, cartVersion: cart.version, tenderedMinor: 500 });
    await h.close();

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

  it('a store with no sale yet (the staff CLI added the first manager) is still a first start', async () => {
    const dir = tempDir();
    const made = await startApp({ dataDir: dir, log: () => undefined });
    if (!('host' in made)) throw new Error(made.failure.message);
    await made.host.close();
    fs.rmSync(path.join(dir, CONFIG_FILE));
    const again = await startApp({ dataDir: dir, log: () => undefined });
    if (!('host' in again)) throw new Error(`refused: ${again.failure.code}`);
    await again.host.close();
    expect(fs.existsSync(path.join(dir, CONFIG_FILE))).toBe(true);
  });
});
