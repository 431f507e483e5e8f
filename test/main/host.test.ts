// The whole service graph through host.dispatch, on a real SQLite file: a cash sale from scan to commit,
// idempotency, stale carts, crash-restored carts, and startup failures that leave files untouched.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CartView, Input, Channel, SaleView, BootstrapView, ProductView } from '../../main/api/contract';
import { verifyJournal } from '../../main/audit/journal';
import { DEMO, demoScaleLabel } from '../../main/catalog/demo';
import { createHost } from '../../main/host';
import type { Host } from '../../main/host-types';
import { startApp } from '../../main/startup/start-app';
import { cleanup, tempDir as tempFolder } from '../support/temp-host';
import { call } from '../support/host-call';

const hosts: Host[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  await cleanup();
});
const tempDir = (): string => tempFolder('pos-host-');
const silent = (): void => undefined;
async function host(dataDir = tempDir()): Promise<Host> {
  const h = await createHost({ dataDir, log: silent });
  hosts.push(h);
  return h;
}
async function failure<C extends Channel>(h: Host, channel: C, input: Input<C>): Promise<string> {
  const r = await h.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return r.error.code;
}

describe('a complete cash sale', () => {
  it('scan, pinyin search, weighed item, quantity, order discount, cash with change', async () => {
    const dataDir = tempDir();
    const h = await host(dataDir);
    const boot = await call(h, 'app.bootstrap', {});
    expect(boot.status.trainingMode).toBe(true);
    expect(boot.cart.lines).toEqual([]);

    let cart: CartView = await call(h, 'cart.scan', { code: DEMO.cola.barcode });
    expect(cart.lines[0]?.sku).toBe(DEMO.cola.sku);

    const found: readonly ProductView[] = await call(h, 'catalog.search', { query: 'kkkl' });
    expect(found.map((p) => p.sku)).toContain(DEMO.cola500.sku);
    cart = await call(h, 'cart.addProduct', {
      productId: found.find((p) => p.sku === DEMO.cola500.sku)?.id ?? '',
    });
    const line500 = cart.lines.find((l) => l.sku === DEMO.cola500.sku);
    cart = await call(h, 'cart.setQuantity', { lineId: line500?.lineId ?? '', qtyMilli: 3000 });
    expect(cart.lines.find((l) => l.sku === DEMO.cola500.sku)?.qtyMilli).toBe(3000);

    cart = await call(h, 'cart.scan', { code: demoScaleLabel('apples', 1235) });
    const apples = cart.lines.find((l) => l.sku === DEMO.apples.sku);
    expect(apples?.qtyMilli).toBe(1235);
    expect(apples?.grossMinor).toBe(1581); // 12.80/kg x 1.235 kg = 15.808 -> 15.81

    cart = await call(h, 'cart.setOrderDiscount', { discount: { kind: 'percent', bp: 1000 } });
    // 3.00 + 3 x 3.50 + 15.81 = 29.31; 10 % off = 2.93 -> 26.38
    expect(cart.totals.grossMinor).toBe(2931);
    expect(cart.totals.orderDiscountMinor).toBe(293);
    expect(cart.totals.totalMinor).toBe(2638);

    const sale: SaleView = await call(h, 'sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: 5000,
    });
    expect(sale.totals.totalMinor).toBe(2638);
    expect(sale.tenders).toEqual([
      {
        kind: 'cash',
        amountMinor: 2638,
        tenderedMinor: 5000,
        changeMinor: 2362,
        reference: null,
        brand: null,
        last4: null,
        authCode: null,
        storedOffline: false,
      },
    ]);
    expect(sale.lines).toEqual(cart.lines);
    expect(sale.totals.taxes).toEqual(cart.totals.taxes);
    expect(sale.training).toBe(true);

    // A new, empty cart afterwards; the sale is the last one.
    expect((await call(h, 'cart.get', {})).lines).toEqual([]);
    // What the tender answered is exactly what the store reads back (reprints, retries, reports).
    expect(await call(h, 'sale.last', {})).toEqual(sale);
    expect(await call(h, 'sale.get', { saleId: sale.saleId })).toEqual(sale);
    await h.close();

    // What is on disk: one sale, its lines, tender, journal entry and outbox row, chain intact.
    const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    expect(count(`SELECT count(*) n FROM sales`)).toBe(1);
    expect(count(`SELECT count(*) n FROM sale_lines WHERE sale_id = '${sale.saleId}'`)).toBe(3);
    expect(count(`SELECT count(*) n FROM tenders WHERE sale_id = '${sale.saleId}'`)).toBe(1);
    expect(count(`SELECT count(*) n FROM outbox WHERE ref = '${sale.saleId}' AND state = 'pending'`)).toBe(1);
    expect(
      count(`SELECT count(*) n FROM journal WHERE kind = 'sale.completed' AND ref = '${sale.saleId}'`),
    ).toBe(1);
    expect(count(`SELECT sum(total_minor) n FROM sale_lines`)).toBe(2638);
    expect(verifyJournal(db)).toMatchObject({ ok: true });
    db.close();
  });

  it('a retried tender returns the same sale, never a second one', async () => {
    const h = await host();
    const cart = await call(h, 'cart.scan', { code: DEMO.water.barcode });
    const input = { cartId: cart.cartId, cartVersion: cart.version, tenderedMinor: 200 };
    const [a, b] = await Promise.all([call(h, 'sale.tenderCash', input), call(h, 'sale.tenderCash', input)]);
    const c = await call(h, 'sale.tenderCash', input);
    expect(b.saleId).toBe(a.saleId);
    expect(c.saleId).toBe(a.saleId);
    expect(c.receiptNo).toBe(a.receiptNo);
  });

  it('commits a long cart whole and in order (lines are written in chunks of 64)', async () => {
    const dir = tempDir();
    const h = await host(dir);
    let cart: CartView | null = null;
    // Each weighed label is its own line, so 130 scans make 130 lines: two full chunks and a partial one.
    for (let g = 1; g <= 130; g++)
      cart = await call(h, 'cart.scan', { code: demoScaleLabel('apples', g * 10) });
    if (!cart) throw new Error('no cart');
    const sale = await call(h, 'sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: cart.totals.totalMinor,
    });
    expect(sale.lines).toHaveLength(130);
    await h.close();
    const db = new Database(path.join(dir, 'pos.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare('SELECT line_no, line_id, qty_milli FROM sale_lines WHERE sale_id = ? ORDER BY line_no')
        .all(sale.saleId) as { line_no: number; line_id: string; qty_milli: number }[];
      expect(rows.map((r) => r.line_no)).toEqual(Array.from({ length: 130 }, (_, i) => i + 1));
      expect(rows.map((r) => r.line_id)).toEqual(cart.lines.map((l) => l.lineId));
      expect(rows.map((r) => r.qty_milli)).toEqual(cart.lines.map((l) => l.qtyMilli));
    } finally {
      db.close();
    }
  });

  it('lists past sales newest first, pages by cursor, and finds one by part of its receipt number', async () => {
    const h = await host();
    const made: SaleView[] = [];
    for (let i = 0; i < 5; i++) {
      const cart = await call(h, 'cart.scan', { code: DEMO.water.barcode });
      made.push(
        await call(h, 'sale.tenderCash', {
          cartId: cart.cartId,
          cartVersion: cart.version,
          tenderedMinor: 500,
        }),
      );
    }
    const first = await call(h, 'sale.history', { limit: 2 });
    expect(first.map((r) => r.receiptNo)).toEqual([made[4]?.receiptNo, made[3]?.receiptNo]);
    expect(first[0]).toMatchObject({ lineCount: 1, totalMinor: made[4]?.totals.totalMinor, training: true });
    const second = await call(h, 'sale.history', { limit: 2, after: first[1]?.cursor });
    expect(second.map((r) => r.receiptNo)).toEqual([made[2]?.receiptNo, made[1]?.receiptNo]);
    const rest = await call(h, 'sale.history', { limit: 10, after: second[1]?.cursor });
    expect(rest.map((r) => r.receiptNo)).toEqual([made[0]?.receiptNo]);

    const no = made[2]?.receiptNo ?? '';
    const found = await call(h, 'sale.history', { query: no.slice(-3) });
    expect(found.map((r) => r.saleId)).toContain(made[2]?.saleId);
    // LIKE wildcards are not a way to list everything.
    expect(await call(h, 'sale.history', { query: '%' })).toHaveLength(5);
    expect(await call(h, 'sale.history', { query: 'ZZZ' })).toEqual([]);
    expect(await h.dispatch('sale.history', { after: 'no-separator' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
  });

  it('refuses a tender for a stale cart version, an empty cart, or too little cash', async () => {
    const h = await host();
    const empty = await call(h, 'cart.get', {});
    expect(
      await failure(h, 'sale.tenderCash', {
        cartId: empty.cartId,
        cartVersion: empty.version,
        tenderedMinor: 0,
      }),
    ).toBe('CART_EMPTY');
    const v1 = await call(h, 'cart.scan', { code: DEMO.cola.barcode });
    const v2 = await call(h, 'cart.scan', { code: DEMO.cola.barcode });
    expect(v2.lines[0]?.qtyMilli).toBe(2000); // the same piece item scanned twice bumps the quantity
    expect(
      await failure(h, 'sale.tenderCash', {
        cartId: v1.cartId,
        cartVersion: v1.version,
        tenderedMinor: 1000,
      }),
    ).toBe('CART_STALE');
    expect(
      await failure(h, 'sale.tenderCash', { cartId: v2.cartId, cartVersion: v2.version, tenderedMinor: 599 }),
    ).toBe('TENDER_INSUFFICIENT');
    expect(await call(h, 'sale.last', {})).toBeNull();
  });

  it('gives clear errors for bad barcodes and bad edits, and changes nothing', async () => {
    const h = await host();
    const before = await call(h, 'cart.scan', { code: DEMO.cola.barcode });
    expect(await failure(h, 'cart.scan', { code: '6901000000119' })).toBe('BARCODE_MALFORMED'); // bad check digit
    expect(await failure(h, 'cart.scan', { code: 'abc' })).toBe('BARCODE_MALFORMED');
    expect(await failure(h, 'cart.scan', { code: '6901234567892' })).toBe('BARCODE_UNKNOWN');
    expect(await failure(h, 'cart.scan', { code: '134567890123456789' })).toBe('BARCODE_MALFORMED'); // a WeChat pay code
    const line = before.lines[0]?.lineId ?? '';
    expect(await failure(h, 'cart.setQuantity', { lineId: line, qtyMilli: 1500 })).toBe('QUANTITY_INVALID');
    expect(
      await failure(h, 'cart.setLineDiscount', { lineId: line, discount: { kind: 'amount', minor: 301 } }),
    ).toBe('DISCOUNT_INVALID');
    expect(await failure(h, 'cart.removeLine', { lineId: 'nope' })).toBe('LINE_NOT_FOUND');
    expect(await call(h, 'cart.get', {})).toEqual(before);
  });

  it('keeps the open cart across a restart', async () => {
    const dataDir = tempDir();
    const h1 = await createHost({ dataDir, log: silent });
    await call(h1, 'cart.scan', { code: DEMO.milk.barcode });
    const cart = await call(h1, 'cart.setLineDiscount', {
      lineId: (await call(h1, 'cart.get', {})).lines[0]?.lineId ?? '',
      discount: { kind: 'amount', minor: 50 },
    });
    await h1.close();
    const h2 = await host(dataDir);
    const boot: BootstrapView = await call(h2, 'app.bootstrap', {});
    expect(boot.cart).toEqual(cart);
  });

  it('journals a cleared cart and persists the language choice', async () => {
    const dataDir = tempDir();
    const h = await createHost({ dataDir, log: silent });
    await call(h, 'cart.scan', { code: DEMO.bread.barcode });
    const cleared = await call(h, 'cart.clear', {});
    expect(cleared.lines).toEqual([]);
    await call(h, 'settings.setLocale', { locale: 'en' });
    await h.close();
    const h2 = await host(dataDir);
    expect((await call(h2, 'app.bootstrap', {})).locale).toBe('en');
    const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
    expect(db.prepare(`SELECT count(*) n FROM journal WHERE kind = 'cart.abandoned'`).get()).toEqual({
      n: 1,
    });
    db.close();
  });
});

describe('startup failures keep the files intact', () => {
  it('a corrupt config.json is reported, not replaced', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'config.json'), '{ "trainingMode": tru');
    const r = await startApp({ dataDir, log: silent });
    expect('failure' in r && r.failure.code).toBe('CONFIG_CORRUPT');
    expect(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')).toBe('{ "trainingMode": tru');
  });

  it('a corrupt database is reported and kept byte for byte', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'pos.sqlite');
    const junk = Buffer.from('SQLite format 3\0' + 'garbage'.repeat(1000));
    fs.writeFileSync(file, junk);
    const r = await startApp({ dataDir, log: silent });
    expect('failure' in r && r.failure.code).toBe('STORAGE_CORRUPT');
    expect('failure' in r && r.failure.file).toBe(file);
    expect(fs.readFileSync(file).equals(junk)).toBe(true);
  });
});

describe('journal check at start', () => {
  it('shows a storage error in the status when the journal was tampered with, and keeps selling', async () => {
    const dataDir = tempDir();
    const h1 = await createHost({ dataDir, log: silent });
    const cart = await call(h1, 'cart.scan', { code: DEMO.cola.barcode });
    await call(h1, 'sale.tenderCash', { cartId: cart.cartId, cartVersion: cart.version, tenderedMinor: 300 });
    await h1.close();
    const raw = new Database(path.join(dataDir, 'pos.sqlite'));
    raw.exec(
      `DROP TRIGGER journal_no_update; UPDATE journal SET body = replace(body, '300', '1') WHERE kind = 'sale.completed'`,
    );
    raw.close();
    const h2 = await host(dataDir);
    const status = await call(h2, 'status.get', {});
    expect(status.storage.state).toBe('error');
    expect(status.storage.detail).toMatch(/journal broken at entry 1/);
    expect((await call(h2, 'cart.scan', { code: DEMO.cola.barcode })).lines).toHaveLength(1);
  });
});

describe('config validation at start', () => {
  it('refuses an unknown currency in config.json as CONFIG_CORRUPT and keeps the file', async () => {
    const dataDir = tempDir();
    const h = await createHost({ dataDir, log: silent });
    await h.close();
    const file = path.join(dataDir, 'config.json');
    const text = fs.readFileSync(file, 'utf8').replace('"CNY"', '"XQZ"');
    fs.writeFileSync(file, text);
    const r = await startApp({ dataDir, log: silent });
    expect('failure' in r && r.failure.code).toBe('CONFIG_CORRUPT');
    expect('failure' in r && r.failure.message).toMatch(/XQZ/);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});
