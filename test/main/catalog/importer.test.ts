// The app's catalog import runs in a worker thread: while a large file is checked and written, the host keeps
// answering scans and status, and timers keep firing; a bad file's reasons come back from the worker exactly
// as the import itself reports them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import { importCatalogCsv } from '../../../main/catalog/csv-import';
import { DEMO } from '../../../main/catalog/demo';
import { withCheckDigit } from '../../../main/catalog/gtin';
import { createHost } from '../../../main/host';
import type { Host } from '../../../main/host-types';
import { openDatabase } from '../../../main/store/db';
import { STORE_FILE } from '../../../main/store/files';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function trainingHost(): Promise<{ host: Host; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-import-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const host = await createHost({ dataDir, trainingMode: true, log: () => undefined });
  cleanups.push(() => host.close());
  return { host, dataDir };
}

function bigCsv(rows: number): string {
  const lines = ['sku,name,name_en,price,tax_category,barcodes'];
  for (let i = 0; i < rows; i++) {
    const code = withCheckDigit(`68${String(i).padStart(10, '0')}`);
    lines.push(`IMP-${i},"进口商品${i} 500ml",Imported ${i},${(i % 90) + 1}.50,std,${code}`);
  }
  return lines.join('\n');
}

it('a large import leaves the event loop free: scans and status are answered and timers fire before it ends', async () => {
  const { host } = await trainingHost();
  const count = async (): Promise<number> => {
    const r = await host.dispatch('catalog.search', { query: 'IMP-9999', limit: 5 });
    return r.ok ? r.value.length : -1;
  };
  expect(await count()).toBe(0);

  let settled = false;
  let ticks = 0;
  const timer = setInterval(() => {
    if (!settled) ticks++;
  }, 5);
  cleanups.push(() => clearInterval(timer));
  const importing = host.dispatch('catalog.importCsv', { csv: bigCsv(10_000) }).finally(() => {
    settled = true;
  });

  let answeredMeanwhile = 0;
  while (!settled) {
    const scan = await host.dispatch('cart.scan', { code: DEMO.cola.barcode });
    const status = await host.dispatch('status.get', {});
    expect([scan, status].filter((r) => !r.ok)).toEqual([]);
    if (!settled) answeredMeanwhile++;
    await sleep(10);
  }
  const result = await importing;
  expect(result).toEqual({ ok: true, value: { imported: 10_000, updated: 0 } });
  // The old import ran inside dispatch on this thread: nothing else ran until it returned.
  expect(answeredMeanwhile).toBeGreaterThanOrEqual(3);
  expect(ticks).toBeGreaterThanOrEqual(10);
  // The search index is refreshed after the worker's commit.
  expect(await count()).toBe(1);
}, 60_000);

it("a bad file's reasons come back from the worker as CSV_INVALID, line by line, exactly as the import reports them", async () => {
  const { host, dataDir } = await trainingHost();
  const csv = [
    'sku,name,price,tax_category,barcodes',
    'A1,"两行\r\n名字",1.00,std,',
    'A2,坏价格,12.345,std,',
    `A3,抢码,1.00,std,${DEMO.cola.barcode}`,
    'A1,重复,1.00,std,',
    'A4,税,1.00,vat99,',
  ].join('\r\n');
  const answer = await host.dispatch('catalog.importCsv', { csv });

  const db = openDatabase(path.join(dataDir, STORE_FILE));
  cleanups.push(() => db.close());
  const direct = await importCatalogCsv(db, csv, { now: () => new Date(), currency: 'CNY' }).catch(
    (e: unknown) => e,
  );
  expect(direct).toBeInstanceOf(PosFailure);
  const f = direct as PosFailure;
  expect(answer).toEqual({ ok: false, error: { code: 'CSV_INVALID', message: f.message, detail: f.detail } });
  expect(f.detail).toEqual({
    total: 4,
    errors: [
      { line: 4, column: 'price', reason: expect.stringContaining('3 decimal places') },
      {
        line: 5,
        column: 'barcodes',
        reason: `barcode ${DEMO.cola.barcode} already belongs to SKU "${DEMO.cola.sku}" in the catalog`,
      },
      { line: 6, column: 'sku', reason: 'SKU "A1" is already on line 2' },
      { line: 7, column: 'tax_category', reason: expect.stringContaining('unknown tax category "vat99"') },
    ],
  });
  // Nothing was written.
  expect(db.prepare("SELECT count(*) AS n FROM products WHERE sku LIKE 'A_'").get()).toEqual({ n: 0 });
});
