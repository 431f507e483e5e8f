// The recon.* channels through the host: a fetch from the gateway reconciles the day; a file import needs a
// manager's approval, is journalled, and a refused file keeps nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, failure, openShop } from '../payments/fixtures';
import { loadConfig } from '../../../main/config/config';
import { configuredClient } from '../../../main/gateway/connection';
import { openDatabase } from '../../../main/store/db';
import { APPROVAL, cardSale, refOf, today } from '../../support/recon-shop';

/** a shop with one card sale today, and that day */
async function dayWithACardSale() {
  const shop = await openShop();
  const sale = await cardSale(shop);
  return { shop, h: shop.host, sale, day: today() };
}

describe('recon.* channels', () => {
  it('fetches and reconciles a day, imports a file with an approval, refuses a garbled one', async () => {
    const { shop, h, day } = await dayWithACardSale();
    const fetched = await call(h, 'recon.fetch', { day });
    expect(fetched.rows).toBe(1);
    expect((await call(h, 'recon.day', { day })).imports).toEqual([
      expect.objectContaining({ source: 'gateway', fileName: null, rows: 1 }),
    ]);

    const bytes = Buffer.from('not a bill\n').toString('base64');
    const input = { day, fileName: 'bill.csv', bytes, format: 'wechat' as const };
    expect(
      (await failure(h, 'recon.import', { ...input, approval: { operatorCode: '900', pin: '0000' } })).code,
    ).toBe('APPROVAL_DENIED');
    const refused = await failure(h, 'recon.import', { ...input, approval: APPROVAL });
    expect(refused).toMatchObject({
      code: 'SETTLEMENT_INVALID',
      detail: { line: 1, reason: 'unknown-layout' },
    });
    expect((await call(h, 'recon.day', { day })).imports).toHaveLength(1);

    const imported = () => {
      const db = openDatabase(path.join(shop.dataDir, 'pos.sqlite'), { readonly: true });
      try {
        return db.prepare(`SELECT count(*) AS n FROM journal WHERE kind = 'settlement.imported'`).get();
      } finally {
        db.close();
      }
    };
    expect(imported()).toEqual({ n: 0 });

    // The gateway's own settlement saved as a JSON file: imported in place of the fetched one, journalled.
    const client = configuredClient({
      config: loadConfig(shop.dataDir),
      dataDir: shop.dataDir,
      now: () => new Date(),
    });
    const s = await client.settlement(day);
    client.close();
    if (s.kind !== 'ok') throw new Error(s.kind);
    const file = Buffer.from(JSON.stringify(s.value, null, 2)).toString('base64');
    const view = await call(h, 'recon.import', {
      ...{ day, fileName: 'settlement.json', bytes: file, format: 'gateway-json' },
      approval: APPROVAL,
    });
    expect(view.imports).toEqual([
      expect.objectContaining({ source: 'gateway', fileName: 'settlement.json', rows: 1 }),
    ]);
    expect(imported()).toEqual({ n: 1 });
  });

  it('recon.export writes the fetched day as CSV under exports/; a day with nothing reconciled is refused', async () => {
    const { shop, h, sale, day } = await dayWithACardSale();
    await call(h, 'recon.fetch', { day });
    const out = await call(h, 'recon.export', { day, format: 'csv' });
    expect(path.dirname(out.path)).toBe(path.join(shop.dataDir, 'exports'));
    expect(path.basename(out.path)).toBe(`recon-${day}-T01.csv`);
    const text = fs.readFileSync(out.path, 'utf8');
    expect(text).toContain(refOf(sale));
    expect(text).toMatch(/^matched,/m);
    expect(await failure(h, 'recon.export', { day: '2020-01-01', format: 'pdf' })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
