import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBarcode } from '../../../main/catalog/barcode';
import {
  DEMO,
  DEMO_PRODUCTS,
  DEMO_TAX_CATEGORIES,
  demoScaleLabel,
  seedDemoCatalog,
} from '../../../main/catalog/demo';
import { catalogRepository } from '../../../main/catalog/repository';
import { createCatalogSearch } from '../../../main/catalog/search';
import { fixedNow, openTestDb } from '../../support/catalog-db';

let db: Database.Database;
beforeEach(() => {
  db = openTestDb();
});
afterEach(() => db.close());

describe('demo catalog', () => {
  it('seeds once; a second call (or any existing product) leaves the catalog alone', () => {
    expect(seedDemoCatalog(db, fixedNow)).toBe(true);
    const n = catalogRepository(db).productCount();
    expect(n).toBe(DEMO_PRODUCTS.length);
    expect(n).toBeGreaterThanOrEqual(30);
    expect(n).toBeLessThanOrEqual(40);
    const snapshot = db.prepare('SELECT * FROM products ORDER BY sku').all();
    expect(seedDemoCatalog(db, () => new Date('2030-01-01T00:00:00Z'))).toBe(false);
    expect(db.prepare('SELECT * FROM products ORDER BY sku').all()).toEqual(snapshot);
  });

  it('does not seed over a shop catalog', () => {
    db.prepare("INSERT INTO tax_categories (id, name, rate_bp) VALUES ('t', 'T', 0)").run();
    catalogRepository(db).upsertProduct(
      {
        sku: 'MINE',
        name: '我的',
        nameEn: null,
        priceMinor: 1,
        unit: 'each',
        taxCategoryId: 't',
        barcodes: [],
        scaleItemCode: null,
      },
      { now: fixedNow() },
    );
    expect(seedDemoCatalog(db, fixedNow)).toBe(false);
    expect(catalogRepository(db).productCount()).toBe(1);
  });

  it('has the four tax categories', () => {
    seedDemoCatalog(db, fixedNow);
    expect(catalogRepository(db).listTaxCategories()).toEqual([
      { id: 'std', name: '标准税率', nameEn: 'Standard', rateBp: 1300 },
      { id: 'food', name: '食品', nameEn: 'Food', rateBp: 900 },
      { id: 'svc', name: '服务', nameEn: 'Services', rateBp: 600 },
      { id: 'zero', name: '免税', nameEn: 'Zero-rated', rateBp: 0 },
    ]);
    const used = new Set(DEMO_PRODUCTS.map((p) => p.taxCategoryId));
    expect([...used].sort()).toEqual(DEMO_TAX_CATEGORIES.map((t) => t.id).sort());
  });

  it('every barcode is a valid, unique, plain GTIN that finds its product', () => {
    seedDemoCatalog(db, fixedNow);
    const repo = catalogRepository(db);
    const codes = DEMO_PRODUCTS.flatMap((p) => (p.barcode === null ? [] : [p.barcode]));
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of DEMO_PRODUCTS) {
      if (p.barcode === null) continue;
      expect(parseBarcode(p.barcode)).toMatchObject({ kind: 'gtin', code: p.barcode });
      expect(repo.lookupBarcode(p.barcode).product.sku).toBe(p.sku);
    }
  });

  it('products have Chinese and English names and realistic prices', () => {
    for (const p of DEMO_PRODUCTS) {
      expect(p.name).toMatch(/[\u4e00-\u9fff]/);
      expect(p.nameEn).toMatch(/^[A-Za-z]/);
      expect(p.priceMinor).toBeGreaterThan(0);
      expect(p.priceMinor).toBeLessThan(10_000);
    }
  });

  it('weighed items are sold by the kg and scan from a default scale label', () => {
    seedDemoCatalog(db, fixedNow);
    const weighed = DEMO_PRODUCTS.filter((p) => p.unit === 'kg');
    expect(weighed.length).toBeGreaterThanOrEqual(2);
    expect(weighed.every((p) => p.scaleItemCode !== null && p.barcode === null)).toBe(true);
    expect(DEMO.apples).toMatchObject({
      name: '苹果',
      nameEn: 'Apples',
      priceMinor: 1280,
      unit: 'kg',
      scaleItemCode: '00001',
    });
    const m = catalogRepository(db).lookupBarcode(demoScaleLabel('apples', 1250));
    expect(m.product.sku).toBe(DEMO.apples.sku);
    expect(m.qtyMilli).toBe(1250);
    expect(catalogRepository(db).lookupBarcode(demoScaleLabel('bananas', 480)).product.nameEn).toBe(
      'Bananas',
    );
  });

  it('typing kkkl finds Coca-Cola 330ml first', () => {
    seedDemoCatalog(db, fixedNow);
    const hits = createCatalogSearch(db).search('kkkl');
    expect(hits[0]).toMatchObject({
      sku: DEMO.cola.sku,
      name: '可口可乐 330ml',
      nameEn: 'Coca-Cola 330ml',
      priceMinor: 300,
    });
    expect(hits[0]?.barcodes).toEqual([DEMO.cola.barcode]);
  });

  it('ids are stable (demo-<sku>) so a reseeded training database looks the same', () => {
    seedDemoCatalog(db, fixedNow);
    expect(catalogRepository(db).lookupBarcode(DEMO.cola.barcode).product.id).toBe(`demo-${DEMO.cola.sku}`);
  });
});
