import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import {
  IMPORT_BATCH_ROWS,
  importCatalogCsv,
  lockGapMs,
  MAX_REPORTED_ERRORS,
} from '../../../main/catalog/csv-import';
import { csvRecords, CsvReadError, MAX_CSV_RECORDS, type CsvRecord } from '../../../main/catalog/csv-read';
import type { CsvLineError } from '../../../main/catalog/csv-columns';
import { withCheckDigit } from '../../../main/catalog/gtin';
import { catalogRepository } from '../../../main/catalog/repository';
import { createCatalogSearch } from '../../../main/catalog/search';
import { buildVariableMeasureBarcode, DEFAULT_WEIGHT_RULE } from '../../../main/catalog/variable-measure';
import { addTaxCategories, fixedNow, openTestDb } from '../../support/catalog-db';

const COLA = '6901234567892';
const WATER = withCheckDigit('692150000101');
const opts = { now: fixedNow, currency: 'CNY' };

let db: Database.Database;
beforeEach(() => {
  db = openTestDb();
  addTaxCategories(db);
});
afterEach(() => db.close());

const run = (csv: string) => importCatalogCsv(db, csv, opts);
const count = (): number => catalogRepository(db).productCount();

/** The CSV_INVALID errors for `csv`, after checking that nothing was written. */
async function errorsOf(csv: string): Promise<{ errors: CsvLineError[]; total: number; message: string }> {
  const before = db.prepare('SELECT count(*) AS n FROM products').get();
  const codesBefore = db.prepare('SELECT count(*) AS n FROM barcodes').get();
  try {
    await run(csv);
  } catch (e) {
    expect(e).toBeInstanceOf(PosFailure);
    const f = e as PosFailure;
    expect(f.code).toBe('CSV_INVALID');
    expect(db.prepare('SELECT count(*) AS n FROM products').get()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM barcodes').get()).toEqual(codesBefore);
    const detail = f.detail as { errors: CsvLineError[]; total: number };
    return { errors: detail.errors, total: detail.total, message: f.message };
  }
  throw new Error('import did not fail');
}

const HEADER = 'sku,name,name_en,price,unit,tax_category,barcodes,active';

async function readAll(text: string, maxRecords?: number, chunkChars?: number): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of csvRecords(text, maxRecords, chunkChars)) out.push(r);
  return out;
}

describe('importCatalogCsv: valid files', () => {
  it('imports every documented column', async () => {
    const csv = [
      HEADER,
      `COLA,可口可乐 330ml,Coca-Cola 330ml,3.00,each,std,${COLA}|036000291452,1`,
      `APPLE,苹果,Apples,12.80,kg,food,,`,
    ].join('\n');
    expect(await run(csv)).toEqual({ imported: 2, updated: 0 });
    const repo = catalogRepository(db);
    const cola = repo.lookupBarcode('036000291452').product;
    expect(cola).toMatchObject({
      sku: 'COLA',
      name: '可口可乐 330ml',
      nameEn: 'Coca-Cola 330ml',
      priceMinor: 300,
      unit: 'each',
      taxCategoryId: 'std',
      barcodes: [COLA, '0036000291452'],
    });
    const apple = db
      .prepare(
        "SELECT price_minor, unit, name_en, pinyin_initials, pinyin_full FROM products WHERE sku = 'APPLE'",
      )
      .get();
    expect(apple).toEqual({
      price_minor: 1280,
      unit: 'kg',
      name_en: 'Apples',
      pinyin_initials: 'pg',
      pinyin_full: 'pingguo',
    });
    expect(
      createCatalogSearch(db)
        .search('kkkl')
        .map((p) => p.sku),
    ).toEqual(['COLA']);
  });

  it('header order is free and case-insensitive; optional columns may be absent; BOM and CRLF accepted', async () => {
    const csv = '\uFEFFPrice, Tax_Category ,SKU,Name\r\n2.5,std,W1,农夫山泉\r\n';
    expect(await run(csv)).toEqual({ imported: 1, updated: 0 });
    expect(
      db.prepare("SELECT name, price_minor, unit, active, name_en FROM products WHERE sku = 'W1'").get(),
    ).toEqual({
      name: '农夫山泉',
      price_minor: 250,
      unit: 'each',
      active: 1,
      name_en: null,
    });
  });

  it('quoted fields with commas, quotes and line breaks', async () => {
    const csv =
      'sku,name,name_en,price,tax_category\n"S,1","薯片,原味","Chips ""Original""\nbig bag",7.50,std\nS2,饼干,,1,std\n';
    expect(await run(csv)).toEqual({ imported: 2, updated: 0 });
    expect(db.prepare("SELECT name, name_en FROM products WHERE sku = 'S,1'").get()).toEqual({
      name: '薯片,原味',
      name_en: 'Chips "Original" big bag', // a cell line break becomes a space
    });
  });

  it('re-import updates by SKU and replaces barcodes; counts imported vs updated', async () => {
    await run(`sku,name,price,tax_category,barcodes\nA,甲,1,std,${COLA}\n`);
    expect(
      await run(`sku,name,price,tax_category,barcodes\nA,甲二,2,std,${WATER}\nB,乙,3,std,${COLA}\n`),
    ).toEqual({
      imported: 1,
      updated: 1,
    });
    const repo = catalogRepository(db);
    expect(repo.barcodeOwner(COLA)).toBe('B'); // moved between two SKUs of the same file
    expect(repo.barcodeOwner(WATER)).toBe('A');
    expect(db.prepare("SELECT name, price_minor FROM products WHERE sku = 'A'").get()).toEqual({
      name: '甲二',
      price_minor: 200,
    });
  });

  it('active: 0 deactivates, blank keeps an existing product as it is, new products default to active', async () => {
    await run('sku,name,price,tax_category,active\nA,甲,1,std,0\nB,乙,1,std,\n');
    await run('sku,name,price,tax_category,active\nA,甲,1,std,\nB,乙,1,std,\n');
    expect(db.prepare('SELECT sku, active FROM products ORDER BY sku').all()).toEqual([
      { sku: 'A', active: 0 },
      { sku: 'B', active: 1 },
    ]);
  });

  it('scale_code registers a weighed item for scale labels', async () => {
    await run('sku,name,price,unit,tax_category,scale_code\nAPPLE,苹果,12.80,kg,food,00001\n');
    const m = catalogRepository(db).lookupBarcode(
      buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, '00001', 750),
    );
    expect(m.product.sku).toBe('APPLE');
    expect(m.qtyMilli).toBe(750);
  });

  it('skips blank lines and rows of bare commas; line numbers still count them', async () => {
    expect(await run('sku,name,price,tax_category\n\nA,甲,1,std\n,,,\n\n')).toEqual({
      imported: 1,
      updated: 0,
    });
    const { errors } = await errorsOf('sku,name,price,tax_category\n\nA,甲,1,std\n,,,\nB,乙,x,std\n');
    expect(errors).toEqual([{ line: 5, column: 'price', reason: expect.stringContaining('"x"') }]);
  });
});

describe('importCatalogCsv: all or nothing', () => {
  it('one bad row among good ones imports nothing and names the line and reason', async () => {
    const rows = ['sku,name,price,tax_category'];
    for (let i = 1; i <= 10; i++) rows.push(`G${i},商品${i},${i}.00,std`);
    rows.splice(6, 0, 'BAD,坏,12.345,std'); // becomes file line 7
    const { errors, total, message } = await errorsOf(rows.join('\n'));
    expect(total).toBe(1);
    expect(message).toBe('1 error in the catalog CSV; nothing was imported.');
    expect(errors).toEqual([
      { line: 7, column: 'price', reason: expect.stringContaining('3 decimal places') },
    ]);
    expect(count()).toBe(0);
  });

  it('a failed re-import leaves the previous catalog untouched', async () => {
    await run(`sku,name,price,tax_category,barcodes\nA,甲,1,std,${COLA}\n`);
    await errorsOf(`sku,name,price,tax_category,barcodes\nA,甲改,9,std,${WATER}\nB,乙,-1,std,\n`);
    expect(db.prepare("SELECT name, price_minor FROM products WHERE sku = 'A'").get()).toEqual({
      name: '甲',
      price_minor: 100,
    });
    expect(catalogRepository(db).barcodeOwner(COLA)).toBe('A');
  });

  it('reports every error, sorted by line, first 200 with the total', async () => {
    const rows = ['sku,name,price,tax_category'];
    for (let i = 0; i < 250; i++) rows.push(`S${i},,abc,nope`); // 3 errors each
    const { errors, total, message } = await errorsOf(rows.join('\n'));
    expect(total).toBe(750);
    expect(message).toBe('750 errors in the catalog CSV; nothing was imported.');
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(errors[0]).toEqual({ line: 2, column: 'name', reason: 'name is empty' });
    expect(errors.map((e) => e.line)).toEqual([...errors.map((e) => e.line)].sort((a, b) => a - b));
  });
});

describe('importCatalogCsv: each error case', () => {
  const one = async (csv: string): Promise<CsvLineError> => {
    const { errors } = await errorsOf(csv);
    expect(errors).toHaveLength(1);
    return errors[0] as CsvLineError;
  };

  it('empty file', async () => {
    expect(await one('')).toEqual({
      line: 1,
      column: null,
      reason: 'the file is empty; a header row is required',
    });
    expect((await one('\uFEFF\n\n')).reason).toContain('empty');
  });

  it('a file over 100,000 product rows: refused at the line where it goes over, before the rest is parsed', async () => {
    const rows = Array.from({ length: MAX_CSV_RECORDS }, (_, i) => `S${i},n,1.00,std`).join('\n');
    const over = `sku,name,price,tax_category\n${rows}\n`;
    expect(await one(over)).toEqual({
      line: MAX_CSV_RECORDS + 1,
      column: null,
      reason: 'the file has more than 100000 product rows; split it into smaller files',
    });
    // Exactly at the limit is read; one record more is refused at its line.
    expect((await readAll('h\na\nb\n', 3)).map((r) => r.line)).toEqual([1, 2, 3]);
    await expect(readAll('h\na\nb\nc\n', 3)).rejects.toMatchObject({ line: 4 });
    await expect(readAll('h\na\nb\nc\n', 3)).rejects.toBeInstanceOf(CsvReadError);
  });

  it('header only', async () => {
    expect(await one('sku,name,price,tax_category\n')).toEqual({
      line: 2,
      column: null,
      reason: 'no product rows after the header',
    });
  });

  it('missing required columns, each named', async () => {
    const { errors } = await errorsOf('sku,name_en\nA,Apple\n');
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [1, 'name'],
      [1, 'price'],
      [1, 'tax_category'],
    ]);
    expect(errors[0]?.reason).toBe('required column "name" is missing');
  });

  it('unknown, duplicate and unnamed columns', async () => {
    const { errors } = await errorsOf('sku,name,price,tax_category,colour,SKU,\nA,甲,1,std,red,A,\n');
    expect(errors).toEqual([
      {
        line: 1,
        column: 'colour',
        reason: expect.stringMatching(/^unknown column "colour"; allowed columns are sku, name/),
      },
      { line: 1, column: 'sku', reason: 'column "sku" appears more than once' },
      { line: 1, column: null, reason: 'header field 7 is empty; every column needs a name' },
    ]);
  });

  it('rows with too many or too few fields', async () => {
    const { errors } = await errorsOf('sku,name,price,tax_category\nA,甲,1,std,extra\nB,乙,1\nC,丙,1,std\n');
    expect(errors).toEqual([
      { line: 2, column: null, reason: 'row has 5 fields but the header has 4' },
      { line: 3, column: null, reason: 'row has 3 fields but the header has 4' },
    ]);
  });

  it('unterminated quote', async () => {
    const e = await one('sku,name,price,tax_category\nA,"甲,1,std\nB,乙,1,std\n');
    expect(e.column).toBeNull();
    expect(e.reason).toMatch(/quote/i);
  });

  it('duplicate SKU in the file, pointing at the first', async () => {
    expect(await one('sku,name,price,tax_category\nA,甲,1,std\nB,乙,1,std\nA,丙,2,std\n')).toEqual({
      line: 4,
      column: 'sku',
      reason: 'SKU "A" is already on line 2',
    });
  });

  it('line numbers account for line breaks inside quoted fields', async () => {
    expect((await one('sku,name,price,tax_category\nA,"甲\r\n二\r\n三",1,std\r\nB,乙,-1,std\r\n')).line).toBe(
      5,
    );
  });

  it.each([
    ['12.345', 'has 3 decimal places'],
    ['-1', 'is negative'],
    ['abc', 'is not a number'],
    ['', 'price is empty'],
    ['1.2.3', 'is not a number'],
  ])('bad price %j', async (price, reason) => {
    const e = await one(`sku,name,price,tax_category\nA,甲,"${price}",std\n`);
    expect(e).toMatchObject({ line: 2, column: 'price' });
    expect(e.reason).toContain(reason);
  });

  it('bad unit, active, SKU, name, scale code', async () => {
    const { errors } = await errorsOf(
      'sku,name,price,unit,tax_category,active,scale_code\nA B,,1,box,std,yes,12a\n',
    );
    expect(errors.map((e) => e.column)).toEqual(['sku', 'name', 'unit', 'scale_code', 'active']);
    expect(errors[2]?.reason).toBe('unit must be "each" or "kg", got "box"');
    expect(errors[3]?.reason).toBe('scale code must be 1-6 digits, got "12a"');
    expect(errors[4]?.reason).toBe('active must be 1 or 0, got "yes"');
  });

  it('unknown tax category, listing the known ones', async () => {
    expect(await one('sku,name,price,tax_category\nA,甲,1,vat20\n')).toEqual({
      line: 2,
      column: 'tax_category',
      reason: 'unknown tax category "vat20"; known: std, food',
    });
  });

  it('bad barcodes: check digit, length, letters', async () => {
    const { errors } = await errorsOf(
      'sku,name,price,tax_category,barcodes\nA,甲,1,std,6901234567893|12345|69012a4567892\n',
    );
    expect(errors.map((e) => e.reason)).toEqual([
      'barcode "6901234567893": EAN-13 check digit should be 2, got 3.',
      expect.stringContaining('barcode "12345": Barcode has 5 digits'),
      expect.stringContaining('barcode "69012a4567892": Barcode contains "a"'),
    ]);
  });

  it('a payment code in barcodes is refused without being echoed', async () => {
    const e = await one('sku,name,price,tax_category,barcodes\nA,甲,1,std,134567890123456789\n');
    expect(e.reason).toContain('payment code');
    expect(e.reason).not.toContain('134567890123456789');
  });

  it('scale labels are not plain GTINs', async () => {
    const code = buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, '00001', 1000);
    expect((await one(`sku,name,price,tax_category,barcodes\nA,甲,1,std,${code}\n`)).reason).toContain(
      'scale_code',
    );
  });

  it('a barcode given to two SKUs of the file (also as UPC-A vs EAN-13)', async () => {
    expect(
      await one('sku,name,price,tax_category,barcodes\nA,甲,1,std,036000291452\nB,乙,1,std,0036000291452\n'),
    ).toEqual({
      line: 3,
      column: 'barcodes',
      reason: 'barcode 0036000291452 is also given to SKU "A" on line 2',
    });
  });

  it('a barcode owned by another SKU in the database', async () => {
    await run(`sku,name,price,tax_category,barcodes\nOLD,旧,1,std,${COLA}\n`);
    expect(await one(`sku,name,price,tax_category,barcodes\nNEW,新,1,std,${COLA}\n`)).toEqual({
      line: 2,
      column: 'barcodes',
      reason: `barcode ${COLA} already belongs to SKU "OLD" in the catalog`,
    });
  });

  it('a scale code given twice, or owned by another SKU', async () => {
    expect(
      (await one('sku,name,price,tax_category,scale_code\nA,甲,1,std,1\nB,乙,1,std,0001\n')).reason,
    ).toBe('scale code 1 is also given to SKU "A" on line 2');
    await run('sku,name,price,tax_category,scale_code\nA,甲,1,std,5\n');
    expect((await one('sku,name,price,tax_category,scale_code\nB,乙,1,std,5\n')).reason).toBe(
      'scale code 5 already belongs to SKU "A" in the catalog',
    );
  });
});

describe('docs/catalog.md', () => {
  it('the example CSV imports as documented', async () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/catalog.md'), 'utf8');
    const example = /```csv\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(await run(example as string)).toEqual({ imported: 3, updated: 0 });
    const repo = catalogRepository(db);
    expect(repo.lookupBarcode('036000291452').product.name).toBe('乐事薯片 原味, 75g');
    expect(
      repo.lookupBarcode(buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, '00001', 500)).product.sku,
    ).toBe('FRU-APPLE');
  });
});

describe('csvRecords: the file fed to the parser in chunks', () => {
  it('gives the same records and lines whatever the chunk size (CRLF, quoted breaks, astral characters)', async () => {
    const text =
      '\uFEFFsku,name,price,tax_category\r\nA,"𠮷野家\r\n牛丼",1,std\r\n\r\n,,,\r\nB,"x""y",2,std\rC,𩸽,3,std\n';
    const whole = await readAll(text);
    expect(whole).toEqual([
      { line: 1, fields: ['sku', 'name', 'price', 'tax_category'] },
      { line: 2, fields: ['A', '𠮷野家\n牛丼', '1', 'std'] },
      { line: 6, fields: ['B', 'x"y', '2', 'std'] },
      { line: 7, fields: ['C', '𩸽', '3', 'std'] },
    ]);
    for (let chunk = 1; chunk <= 9; chunk++) {
      expect(await readAll(text, undefined, chunk)).toEqual(whole);
      // The same text arriving as pieces (a file read in UTF-8 pieces), cut anywhere, CR LF included.
      async function* pieces(): AsyncGenerator<string> {
        for (let at = 0; at < text.length; at += chunk) yield text.slice(at, at + chunk);
      }
      const fromPieces: CsvRecord[] = [];
      for await (const r of csvRecords(pieces())) fromPieces.push(r);
      expect(fromPieces).toEqual(whole);
    }
  });

  it('a quoting error is reported at its line however the file is cut', async () => {
    for (const chunk of [1, 4, 1000]) {
      await expect(readAll('a,b\n1,2\n3,"x\n', undefined, chunk)).rejects.toMatchObject({
        line: 3,
        reason: 'Quote Not Closed: the parsing is finished with an opening quote at line 3',
      });
    }
  });
});

describe('importCatalogCsv: written in batches', () => {
  // Codes move between SKUs of one file across batch boundaries: each batch frees what it claims.
  const before = `sku,name,price,tax_category,barcodes,scale_code\nA,甲,1,std,${COLA},7\nB,乙,1,std,,\nC,丙,1,std,${WATER},8\n`;
  const after = `sku,name,price,tax_category,barcodes,scale_code\nC,丙,2,std,${COLA},7\nB,乙,2,std,,\nA,甲,2,std,${WATER},8\nD,丁,2,std,,\n`;
  const state = () => ({
    rows: db.prepare('SELECT sku, price_minor, scale_item_code FROM products ORDER BY sku').all(),
    codes: db
      .prepare('SELECT b.code, p.sku FROM barcodes b JOIN products p ON p.id = b.product_id ORDER BY code')
      .all(),
  });

  it('one row per transaction ends where one transaction for the whole file does, with progress', async () => {
    await run(before);
    const progress: [number, number][] = [];
    const report = await importCatalogCsv(db, after, {
      ...opts,
      batchRows: 1,
      onProgress: (d, t) => progress.push([d, t]),
    });
    const batched = state();
    expect(report).toEqual({ imported: 1, updated: 3 });
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);

    db.close();
    db = openTestDb();
    addTaxCategories(db);
    await run(before);
    await run(after);
    expect(state()).toEqual(batched);
    expect(batched.codes).toEqual([
      { code: COLA, sku: 'C' },
      { code: WATER, sku: 'A' },
    ]);
    expect(batched.rows).toEqual([
      { sku: 'A', price_minor: 200, scale_item_code: 8 },
      { sku: 'B', price_minor: 200, scale_item_code: null },
      { sku: 'C', price_minor: 200, scale_item_code: 7 },
      { sku: 'D', price_minor: 200, scale_item_code: null },
    ]);
  });

  it('a file of IMPORT_BATCH_ROWS rows is one transaction (lands whole or not at all); a longer one is split', async () => {
    const rows = ['sku,name,price,tax_category'];
    for (let i = 0; i < IMPORT_BATCH_ROWS; i++) rows.push(`S${i},商品,1.00,std`);
    const whole: number[] = [];
    await importCatalogCsv(db, rows.join('\n'), { ...opts, onProgress: (d) => whole.push(d) });
    expect(whole).toEqual([IMPORT_BATCH_ROWS]);
    rows.push('LAST,商品,1.00,std');
    const split: number[] = [];
    await importCatalogCsv(db, rows.join('\n'), { ...opts, onProgress: (d) => split.push(d) });
    // At most IMPORT_BATCH_ROWS per transaction, fewer when one has held the lock for BATCH_BUDGET_MS.
    expect(split.length).toBeGreaterThanOrEqual(2);
    expect(split.at(-1)).toBe(IMPORT_BATCH_ROWS + 1);
    split.forEach((d, k) => expect(d - (split[k - 1] ?? 0)).toBeLessThanOrEqual(IMPORT_BATCH_ROWS));
  });
});

describe('lockGapMs: the write lock is left free long enough for a till writer asleep in the busy handler', () => {
  it('is the busy-handler sleep a writer that waited as long as the hold is in, plus timer slack', () => {
    // SQLite sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, then 100 ms: woken at 1, 3, 8, 18, 33, 53 … ms.
    expect([0.5, 1, 2, 8, 9, 18, 20, 33, 40, 228, 229, 5000].map(lockGapMs)).toEqual([
      3, 3, 4, 7, 12, 12, 17, 17, 22, 52, 102, 102,
    ]);
  });
});
