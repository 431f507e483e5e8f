// catalog.importRun: only with a manager's approval (catalog.import), journaled when approved (file name,
// sha256, encoding, what the preview says it changes, who approved) and when finished (what was written).
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { afterEach, expect, it } from 'vitest';
import { DEMO } from '../../../main/catalog/demo';
import { TRAINING_APPROVAL, previewFile } from '../../support/catalog-import';
import { cleanup, startHost } from '../../support/temp-host';
import { journalBodies } from '../../support/journal-rows';

afterEach(cleanup);

const CSV = [
  'sku,name,name_en,price,tax_category,barcodes',
  `${DEMO.cola.sku},可口可乐 330ml,Coca-Cola 330ml,4.00,std,${DEMO.cola.barcode}`,
  'NEW-1,新品 绿茶,Green tea,3.50,std,',
].join('\r\n');

const journal = journalBodies;

it('without a manager the import is refused: nothing written, nothing journaled as imported, the preview still stands', async () => {
  const host = await startHost({ trainingMode: true });
  const preview = await previewFile(host, iconv.encode(CSV, 'gbk'), 'goods.csv');
  for (const approval of [
    { operatorCode: TRAINING_APPROVAL.operatorCode, pin: '9999' },
    { operatorCode: '123', pin: TRAINING_APPROVAL.pin },
  ]) {
    const r = await host.dispatch('catalog.importRun', { importId: preview.importId, approval });
    expect(r).toMatchObject({ ok: false, error: { code: 'APPROVAL_DENIED' } });
  }
  expect(await host.dispatch('catalog.search', { query: 'NEW-1' })).toEqual({ ok: true, value: [] });
  expect(journal(host.dataDir, 'catalog.import')).toEqual([]);
  expect(journal(host.dataDir, 'staff.approval-refused')).toHaveLength(2);
  // The manager comes: the same preview imports.
  const ok = await host.dispatch('catalog.importRun', {
    importId: preview.importId,
    approval: TRAINING_APPROVAL,
  });
  expect(ok).toMatchObject({ ok: true, value: { status: 'done', written: 2 } });
});

it('an approved import is journaled with the file name, its sha256, encoding, counts and approver, then its outcome', async () => {
  const host = await startHost({ trainingMode: true });
  const bytes = iconv.encode(CSV, 'gbk');
  const preview = await previewFile(host, bytes, 'C:\\Users\\shop\\商品.csv');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  expect(preview).toMatchObject({
    sha256,
    encoding: 'gbk',
    fileName: '商品.csv',
    counts: { new: 1, updated: 1 },
  });
  const run = await host.dispatch('catalog.importRun', {
    importId: preview.importId,
    approval: TRAINING_APPROVAL,
  });
  expect(run).toEqual({
    ok: true,
    value: {
      importId: preview.importId,
      status: 'done',
      counts: { new: 1, updated: 1, unchanged: 0 },
      written: 2,
      total: 2,
    },
  });
  const approver = {
    code: TRAINING_APPROVAL.operatorCode,
    name: expect.any(String),
    operatorId: expect.any(String),
  };
  expect(journal(host.dataDir, 'catalog.import')).toEqual([
    {
      importId: preview.importId,
      fileName: '商品.csv',
      bytes: bytes.length,
      sha256,
      encoding: 'gbk',
      counts: { new: 1, updated: 1, unchanged: 0 },
      approvedBy: approver,
    },
  ]);
  expect(journal(host.dataDir, 'catalog.import-finished')).toEqual([
    {
      importId: preview.importId,
      sha256,
      status: 'done',
      counts: { new: 1, updated: 1, unchanged: 0 },
      written: 2,
      total: 2,
      approvedBy: approver,
    },
  ]);
  // Written, and searchable once the answer is back.
  const found = await host.dispatch('catalog.search', { query: '新品' });
  expect(found).toMatchObject({ ok: true, value: [{ sku: 'NEW-1', priceMinor: 350 }] });
  // A preview is imported once: the staged file is gone.
  const again = await host.dispatch('catalog.importRun', {
    importId: preview.importId,
    approval: TRAINING_APPROVAL,
  });
  expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('a file whose preview found errors cannot be imported, even approved', async () => {
  const host = await startHost({ trainingMode: true });
  const preview = await previewFile(host, 'sku,name,price,tax_category\nX1,坏价格,12.345,std\n');
  expect(preview.errorTotal).toBe(1);
  const r = await host.dispatch('catalog.importRun', {
    importId: preview.importId,
    approval: TRAINING_APPROVAL,
  });
  expect(r).toMatchObject({ ok: false, error: { code: 'CSV_INVALID', detail: { total: 1 } } });
  expect(journal(host.dataDir, 'catalog.import')).toEqual([]);
});
