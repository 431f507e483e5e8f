import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import { parseBarcode } from '../../../main/catalog/barcode';
import {
  catalogRepository,
  type CatalogRepository,
  type ProductInput,
} from '../../../main/catalog/repository';
import {
  buildVariableMeasureBarcode,
  DEFAULT_PRICE_RULE,
  DEFAULT_WEIGHT_RULE,
} from '../../../main/catalog/variable-measure';
import { addTaxCategories, fixedNow, openTestDb } from '../../support/catalog-db';

const COLA = '6901234567892';
const UPC = '036000291452';

const base: ProductInput = {
  sku: 'COLA',
  name: '可口可乐 330ml',
  nameEn: 'Coca-Cola 330ml',
  priceMinor: 300,
  unit: 'each',
  taxCategoryId: 'std',
  barcodes: [COLA, '0' + UPC],
  scaleItemCode: null,
};
const apples: ProductInput = {
  sku: 'APPLE',
  name: '苹果',
  nameEn: 'Apples',
  priceMinor: 1280,
  unit: 'kg',
  taxCategoryId: 'food',
  barcodes: [],
  scaleItemCode: 1,
};

function failureOf(fn: () => unknown): PosFailure {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PosFailure);
    return e as PosFailure;
  }
  throw new Error('did not throw');
}

let db: Database.Database;
let repo: CatalogRepository;
let colaId: string;
beforeEach(() => {
  db = openTestDb();
  addTaxCategories(db);
  repo = catalogRepository(db);
  colaId = repo.upsertProduct(base, { now: fixedNow() }).id;
  repo.upsertProduct(apples, { now: fixedNow() });
});
afterEach(() => db.close());

describe('catalog repository', () => {
  it('maps a row to ProductView with barcodes in their given order', () => {
    expect(repo.getProduct(colaId)).toEqual({
      id: colaId,
      sku: 'COLA',
      name: '可口可乐 330ml',
      nameEn: 'Coca-Cola 330ml',
      priceMinor: 300,
      unit: 'each',
      taxCategoryId: 'std',
      barcodes: [COLA, '0' + UPC],
    });
    expect(repo.getProduct('nope')).toBeNull();
  });

  it('stores pinyin keys and the update time', () => {
    const row = db
      .prepare('SELECT pinyin_initials, pinyin_full, updated_at FROM products WHERE id = ?')
      .get(colaId);
    expect(row).toEqual({
      pinyin_initials: 'kkkl330ml',
      pinyin_full: 'kekoukele330ml',
      updated_at: fixedNow().toISOString(),
    });
  });

  it('is one instance per database (statements prepared once)', () => {
    expect(catalogRepository(db)).toBe(repo);
  });

  it('upsert by SKU updates in place and replaces barcodes', () => {
    const r = repo.upsertProduct({ ...base, priceMinor: 350, barcodes: ['96385074'] }, { now: fixedNow() });
    expect(r).toEqual({ id: colaId, inserted: false });
    expect(repo.getProduct(colaId)).toMatchObject({ priceMinor: 350, barcodes: ['96385074'] });
    expect(repo.barcodeOwner(COLA)).toBeNull();
    expect(repo.productCount()).toBe(2);
  });

  it('inactive products: hidden unless asked, PRODUCT_NOT_FOUND says why; active kept when not given', () => {
    repo.upsertProduct({ ...base, active: false }, { now: fixedNow() });
    expect(repo.getProduct(colaId)).toBeNull();
    expect(repo.getProduct(colaId, { includeInactive: true })?.sku).toBe('COLA');
    const f = failureOf(() => repo.requireProduct(colaId));
    expect(f.code).toBe('PRODUCT_NOT_FOUND');
    expect(f.detail).toMatchObject({ productId: colaId, inactive: true });
    repo.upsertProduct(base, { now: fixedNow() }); // `active` omitted: stays inactive
    expect(repo.getProduct(colaId)).toBeNull();
    expect(failureOf(() => repo.requireProduct('missing')).detail).toMatchObject({ inactive: false });
  });

  it('getProducts keeps the requested order and skips unknown ids', () => {
    const appleId = repo.lookupBarcode(buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, 1, 500)).product.id;
    expect(repo.getProducts([appleId, 'x', colaId]).map((p) => p.sku)).toEqual(['APPLE', 'COLA']);
    expect(repo.getProducts([])).toEqual([]);
  });

  it('tax categories', () => {
    expect(repo.listTaxCategories()).toEqual([
      { id: 'std', name: '标准税率', nameEn: 'Standard', rateBp: 1300 },
      { id: 'food', name: '食品', nameEn: 'Food', rateBp: 900 },
    ]);
    expect(repo.getTaxCategory('food')?.rateBp).toBe(900);
    expect(repo.getTaxCategory('x')).toBeNull();
  });
});

describe('barcode lookup', () => {
  it('plain EAN-13: one unit, no override', () => {
    const m = repo.lookupBarcode(COLA);
    expect(m.product.sku).toBe('COLA');
    expect(m).toMatchObject({
      qtyMilli: null,
      priceOverrideMinor: null,
      parsed: { kind: 'gtin', code: COLA },
    });
  });

  it('a UPC-A scan finds the product stored under its EAN-13 form', () => {
    expect(repo.lookupBarcode(UPC).product.id).toBe(colaId);
    expect(repo.findByBarcode(parseBarcode(UPC))?.product.id).toBe(colaId);
  });

  it('weight label: quantity in thousandths of a kg = grams', () => {
    const m = repo.lookupBarcode(buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, '00001', 1234));
    expect(m.product.sku).toBe('APPLE');
    expect(m.qtyMilli).toBe(1234);
    expect(m.priceOverrideMinor).toBeNull();
  });

  it('price label: printed price as the line price at one unit', () => {
    const m = repo.lookupBarcode(buildVariableMeasureBarcode(DEFAULT_PRICE_RULE, '00001', 1579));
    expect(m.product.sku).toBe('APPLE');
    expect(m.qtyMilli).toBeNull();
    expect(m.priceOverrideMinor).toBe(1579);
  });

  it('well-formed but unknown: BARCODE_UNKNOWN with the normalised code', () => {
    const f = failureOf(() => repo.lookupBarcode('036000291469')); // valid UPC-A, not in the catalog
    expect(f.code).toBe('BARCODE_UNKNOWN');
    expect(f.detail).toMatchObject({ code: '0036000291469', kind: 'gtin' });
    expect(f.message).toContain('0036000291469');
  });

  it('unknown scale item: BARCODE_UNKNOWN naming the item code', () => {
    const code = buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, '00099', 500);
    const f = failureOf(() => repo.lookupBarcode(code));
    expect(f.code).toBe('BARCODE_UNKNOWN');
    expect(f.detail).toMatchObject({ code, itemCode: '00099', kind: 'variable' });
  });

  it('a weight label for a per-piece product is refused', () => {
    repo.upsertProduct(
      { ...apples, sku: 'MELON', name: '哈密瓜', unit: 'each', scaleItemCode: 7 },
      { now: fixedNow() },
    );
    const f = failureOf(() => repo.lookupBarcode(buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, 7, 900)));
    expect(f.code).toBe('BARCODE_UNKNOWN');
    expect(f.detail).toMatchObject({ reason: 'unit-mismatch', sku: 'MELON' });
  });

  it('malformed codes and payment codes fail before any lookup', () => {
    expect(failureOf(() => repo.lookupBarcode('6901234567893')).code).toBe('BARCODE_MALFORMED');
    expect(failureOf(() => repo.lookupBarcode('134567890123456789')).detail).toMatchObject({
      reason: 'payment-code',
    });
  });

  it('inactive products are not sold by barcode', () => {
    repo.upsertProduct({ ...base, active: false }, { now: fixedNow() });
    expect(failureOf(() => repo.lookupBarcode(COLA)).code).toBe('BARCODE_UNKNOWN');
  });

  it('custom rules: [] turns scale labels into plain in-store codes', () => {
    const code = buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, '00001', 1234);
    expect(failureOf(() => repo.lookupBarcode(code, [])).detail).toMatchObject({ kind: 'gtin', code });
  });
});

describe('migration 002: scale item code', () => {
  it('is unique among products that have one', () => {
    expect(() =>
      db
        .prepare(
          `INSERT INTO products (id, sku, name, price_minor, unit, tax_category_id, updated_at, scale_item_code)
           VALUES ('x', 'X', 'x', 1, 'kg', 'food', '2025-01-01', 1)`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    // many products without one are fine
    const count = db.prepare('SELECT count(*) AS n FROM products WHERE scale_item_code IS NULL').get() as {
      n: number;
    };
    expect(count.n).toBe(1);
    expect(repo.scaleItemOwner(1)).toBe('APPLE');
  });
});
