// The app's catalog import from the UI (importer.ts): a chosen file is staged in the data folder's temp area,
// previewed in a worker (encoding, every row checked, what it changes, every error by line, nothing written),
// imported in a worker with progress events, cancelled cleanly between write transactions, and selling goes
// on meanwhile. Approval and journal: handlers.test.ts; the rules of the rows: csv-import.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import iconv from 'iconv-lite';
import { afterEach, expect, it } from 'vitest';
import type { ImportProgress } from '../../../main/api/contract';
import { DEMO } from '../../../main/catalog/demo';
import { withCheckDigit } from '../../../main/catalog/gtin';
import { createCatalogImporter, IMPORT_TEMP_DIR } from '../../../main/catalog/importer';
import { openDatabase } from '../../../main/store/db';
import { STORE_FILE } from '../../../main/store/files';
import { TRAINING_APPROVAL, importThroughHost, previewFile } from '../../support/catalog-import';
import { cleanup, startHost } from '../../support/temp-host';

afterEach(cleanup);

function bigCsv(rows: number): string {
  const lines = ['sku,name,name_en,price,tax_category,barcodes'];
  for (let i = 0; i < rows; i++) {
    const code = withCheckDigit(`68${String(i).padStart(10, '0')}`);
    lines.push(`IMP-${i},"进口商品${i} 500ml",Imported ${i},${(i % 90) + 1}.50,std,${code}`);
  }
  return lines.join('\n');
}

const count = (dataDir: string, sql: string): number => {
  const db = openDatabase(path.join(dataDir, STORE_FILE));
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

it('a GBK file from Chinese Excel is previewed: encoding, first rows, what each changes, counts; nothing written', async () => {
  const host = await startHost({ trainingMode: true });
  const csv = [
    'sku,name,name_en,price,tax_category,barcodes',
    `${DEMO.cola.sku},可口可乐 330ml,Coca-Cola 330ml,3.00,std,${DEMO.cola.barcode}`,
    'NEW-TEA,新品 乌龙茶,Oolong,5.00,food,',
    `${DEMO.sprite.sku},雪碧 330ml,Sprite 330ml,9.99,std,${DEMO.sprite.barcode}`,
  ].join('\r\n');
  const preview = await previewFile(host, iconv.encode(csv, 'gbk'), 'goods.csv');
  expect(preview).toMatchObject({
    fileName: 'goods.csv',
    encoding: 'gbk',
    rowCount: 3,
    counts: { new: 1, updated: 1, unchanged: 1 },
    errors: [],
    errorTotal: 0,
  });
  expect(preview.rows.map((r) => [r.line, r.sku, r.name, r.priceMinor, r.change])).toEqual([
    [2, DEMO.cola.sku, '可口可乐 330ml', 300, 'unchanged'],
    [3, 'NEW-TEA', '新品 乌龙茶', 500, 'new'],
    [4, DEMO.sprite.sku, '雪碧 330ml', 999, 'updated'],
  ]);
  // Staged in the data folder's temp area, nothing written to the catalog.
  expect(fs.readdirSync(path.join(host.dataDir, IMPORT_TEMP_DIR))).toEqual([`${preview.importId}.csv`]);
  expect(count(host.dataDir, "SELECT count(*) AS n FROM products WHERE sku = 'NEW-TEA'")).toBe(0);
}, 30_000);

it('the preview lists every error with its line, the first 200 of them with the total', async () => {
  const host = await startHost({ trainingMode: true });
  const lines = [
    'sku,name,price,tax_category,barcodes',
    'A1,"两行\r\n名字",1.00,std,',
    `A3,抢码,1.00,std,${DEMO.cola.barcode}`,
  ];
  for (let i = 0; i < 250; i++) lines.push(`B${i},坏价格,12.345,std,`);
  const preview = await previewFile(host, lines.join('\r\n'));
  expect(preview.errorTotal).toBe(251);
  expect(preview.errors).toHaveLength(200);
  expect(preview.errors.slice(0, 2)).toEqual([
    {
      line: 4,
      column: 'barcodes',
      reason: `barcode ${DEMO.cola.barcode} already belongs to SKU "${DEMO.cola.sku}" in the catalog`,
    },
    { line: 5, column: 'price', reason: expect.stringContaining('3 decimal places') },
  ]);
  expect(preview.errors.at(-1)?.line).toBe(203);
  // The rows that are good are still shown (the two-line name counts its lines: A1 starts on line 2).
  expect(preview.rows.map((r) => [r.line, r.sku, r.name])).toEqual([
    [2, 'A1', '两行 名字'],
    [4, 'A3', '抢码'],
  ]);
});

it('a file in no encoding we read: CSV_INVALID naming the line, and the staged file is removed', async () => {
  const host = await startHost({ trainingMode: true });
  const bytes = Buffer.concat([
    Buffer.from('sku,name,price,tax_category\nA1,'),
    Buffer.from([0xff, 0x41, 0x0a]),
  ]);
  const r = await host.dispatch('catalog.importPreview', {
    fileName: 'x.csv',
    bytes: bytes.toString('base64'),
  });
  expect(r).toMatchObject({
    ok: false,
    error: {
      code: 'CSV_INVALID',
      detail: { reason: 'encoding', errors: [{ line: 2, column: null }], total: 1 },
    },
  });
  expect(fs.readdirSync(path.join(host.dataDir, IMPORT_TEMP_DIR))).toEqual([]);
});

it('a run reports progress: rows checked, then rows written, up to the total; the result counts them', async () => {
  const host = await startHost({ trainingMode: true });
  const events: ImportProgress[] = [];
  host.subscribe((event, payload) => {
    if (event === 'catalogImport') events.push(payload as ImportProgress);
  });
  const result = await importThroughHost(host, bigCsv(6_000));
  expect(result).toMatchObject({ status: 'done', written: 6_000, total: 6_000, counts: { new: 6_000 } });
  const checking = events.filter((e) => e.phase === 'checking');
  const writing = events.filter((e) => e.phase === 'writing');
  expect(checking.length).toBeGreaterThanOrEqual(1);
  expect(writing.length).toBeGreaterThanOrEqual(2);
  // Every checking report comes before the first writing one, and each phase only goes forward.
  expect(events.findIndex((e) => e.phase === 'writing')).toBe(checking.length);
  for (const list of [checking, writing]) {
    const done = list.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  }
  expect(writing.at(-1)).toEqual({ importId: result.importId, phase: 'writing', done: 6_000, total: 6_000 });
  expect(new Set(events.map((e) => e.importId))).toEqual(new Set([result.importId]));
}, 60_000);

it('cancel stops between two write transactions: the rows written stay whole, the rest is not written; the same file completes it', async () => {
  const host = await startHost({ trainingMode: true });
  const csv = bigCsv(20_000);
  const preview = await previewFile(host, csv);
  let cancelled = false;
  host.subscribe((event, payload) => {
    const p = payload as ImportProgress;
    if (event === 'catalogImport' && p.phase === 'writing' && !cancelled) {
      cancelled = true;
      void host.dispatch('catalog.importCancel', { importId: p.importId });
    }
  });
  const r = await host.dispatch('catalog.importRun', {
    importId: preview.importId,
    approval: TRAINING_APPROVAL,
  });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.status).toBe('cancelled');
  expect(r.value.written).toBeGreaterThan(0);
  expect(r.value.written).toBeLessThan(20_000);
  // Exactly the rows reported written, each with its barcode (a product and its codes are one transaction).
  expect(count(host.dataDir, "SELECT count(*) AS n FROM products WHERE sku LIKE 'IMP-%'")).toBe(
    r.value.written,
  );
  expect(
    count(
      host.dataDir,
      "SELECT count(*) AS n FROM products p WHERE sku LIKE 'IMP-%' AND NOT EXISTS (SELECT 1 FROM barcodes b WHERE b.product_id = p.id)",
    ),
  ).toBe(0);
  expect(await host.dispatch('catalog.importCancel', { importId: preview.importId })).toEqual({
    ok: true,
    value: { cancelled: false },
  });
  const again = await importThroughHost(host, csv);
  expect(again).toMatchObject({ status: 'done', written: 20_000 });
  expect(again.counts).toEqual({ new: 20_000 - r.value.written, updated: 0, unchanged: r.value.written });
  expect(count(host.dataDir, "SELECT count(*) AS n FROM products WHERE sku LIKE 'IMP-%'")).toBe(20_000);
}, 120_000);

it('a previewed file expires: its staged file is deleted and the run is refused', async () => {
  const host = await startHost({ trainingMode: true });
  const importer = createCatalogImporter({
    file: path.join(host.dataDir, STORE_FILE),
    dataDir: host.dataDir,
    currency: 'CNY',
    rules: null,
    now: () => new Date(),
    onProgress: () => undefined,
    ttlMs: 300,
  });
  const preview = await importer.preview(
    'a.csv',
    Buffer.from('sku,name,price,tax_category\nE1,过期,1.00,std\n').toString('base64'),
  );
  const staged = path.join(host.dataDir, IMPORT_TEMP_DIR, `${preview.importId}.csv`);
  expect(fs.existsSync(staged)).toBe(true);
  await sleep(500);
  expect(fs.existsSync(staged)).toBe(false);
  const hooks = { start: () => undefined, finish: () => undefined };
  await expect(importer.run(preview.importId, hooks)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await importer.close();
});

it('selling goes on during a 100,000-row import: every scan answers, p99 under 100 ms', async () => {
  const host = await startHost({ trainingMode: true });
  const preview = await previewFile(host, bigCsv(100_000));
  expect(preview).toMatchObject({ rowCount: 100_000, errorTotal: 0 });
  let settled = false;
  const importing = host
    .dispatch('catalog.importRun', { importId: preview.importId, approval: TRAINING_APPROVAL })
    .finally(() => {
      settled = true;
    });
  const latencies: number[] = [];
  let writing = 0;
  const reader = openDatabase(path.join(host.dataDir, STORE_FILE));
  const imported = reader.prepare("SELECT count(*) AS n FROM products WHERE sku LIKE 'IMP-%'");
  while (!settled) {
    const t0 = performance.now();
    const scan = await host.dispatch('cart.scan', { code: DEMO.cola.barcode });
    latencies.push(performance.now() - t0);
    expect(scan.ok).toBe(true);
    if ((imported.get() as { n: number }).n > 0) writing++;
    await sleep(20);
  }
  reader.close();
  const result = await importing;
  expect(result).toMatchObject({ ok: true, value: { status: 'done', written: 100_000 } });
  // Scans were answered while rows were being written, not only before or after.
  expect(writing).toBeGreaterThanOrEqual(5);
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? Infinity;
  console.log(
    `scans during the import: ${latencies.length}, p50 ${latencies[latencies.length >> 1]?.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
  );
  expect(p99).toBeLessThan(100);
}, 300_000);
