import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogRepository, type ProductInput } from '../../../main/catalog/repository';
import { createCatalogSearch, type CatalogSearch } from '../../../main/catalog/search';
import { normaliseText } from '../../../main/catalog/text';
import { addTaxCategories, fixedNow, openTestDb } from '../../support/catalog-db';

const product = (
  sku: string,
  name: string,
  nameEn: string | null,
  barcodes: string[] = [],
): ProductInput => ({
  sku,
  name,
  nameEn,
  priceMinor: 100,
  unit: 'each',
  taxCategoryId: 'std',
  barcodes,
  scaleItemCode: null,
});

let db: Database.Database;
let search: CatalogSearch;
const add = (...ps: ProductInput[]): void => {
  const repo = catalogRepository(db);
  for (const p of ps) repo.upsertProduct(p, { now: fixedNow() });
};
const skus = (q: string, limit?: number): string[] => search.search(q, limit).map((p) => p.sku);

beforeEach(() => {
  db = openTestDb();
  addTaxCategories(db);
  add(
    product('BEV-001', '可口可乐 330ml', 'Coca-Cola 330ml', ['6901234567892']),
    product('BEV-002', '百事可乐 330ml', 'Pepsi Cola 330ml'),
    product('BEV-003', '农夫山泉550ml', 'Nongfu Spring 550ml'),
    product('SNK-001', '德芙巧克力', 'Dove Chocolate'),
    product('SNK-002', '乐事薯片', "Lay's Chips", ['0036000291452']),
    product('XBEV-9', '康师傅红烧牛肉面', null),
  );
  search = createCatalogSearch(db);
});
afterEach(() => db.close());

describe('catalog search', () => {
  it('pinyin initials: kkkl finds 可口可乐 (prefix); kl finds both colas and 巧克力 (substring)', () => {
    expect(skus('kkkl')).toEqual(['BEV-001']);
    expect(skus('kl')).toEqual(['BEV-001', 'BEV-002', 'SNK-001']); // kkkl, bskl, dfqkl
    expect(skus('nfsq550')).toEqual(['BEV-003']);
  });

  it('full pinyin prefix, spaces ignored for pinyin', () => {
    expect(skus('kekou')).toEqual(['BEV-001']);
    expect(skus('ke kou ke le')).toEqual(['BEV-001']);
    expect(skus('kangshifu')).toEqual(['XBEV-9']);
  });

  it('Chinese substring', () => {
    expect(skus('可乐')).toEqual(['BEV-001', 'BEV-002']);
    expect(skus('牛肉')).toEqual(['XBEV-9']);
  });

  it('English: case-insensitive substring, full-width and extra spaces normalised', () => {
    expect(skus('COCA')).toEqual(['BEV-001']);
    expect(skus('ｃｏｃａ－ｃｏｌａ')).toEqual(['BEV-001']);
    expect(skus('  pepsi    cola ')).toEqual(['BEV-002']);
    expect(skus("lay's")).toEqual(['SNK-002']);
  });

  it('SKU exact, prefix and substring', () => {
    expect(skus('snk-002')).toEqual(['SNK-002']);
    expect(skus('SNK')).toEqual(['SNK-001', 'SNK-002']);
    expect(skus('-00')).toEqual(['BEV-001', 'BEV-002', 'BEV-003', 'SNK-001', 'SNK-002']);
  });

  it('barcode: exact only; a UPC-A typed as 12 digits finds its EAN-13', () => {
    expect(skus('6901234567892')).toEqual(['BEV-001']);
    expect(skus('036000291452')).toEqual(['SNK-002']);
    expect(skus('690123456789')).toEqual([]);
  });

  it('ranking: exact SKU, then prefix, then substring; ties in SKU order', () => {
    add(product('BEV', '饮料组合', 'Drinks bundle'));
    // 'bev': exact SKU 'BEV', then SKU prefix BEV-00x, then substring XBEV-9
    expect(skus('bev')).toEqual(['BEV', 'BEV-001', 'BEV-002', 'BEV-003', 'XBEV-9']);
    // 'cola' starts no field: all substring hits, in SKU order
    expect(skus('cola')).toEqual(['BEV-001', 'BEV-002', 'SNK-001']); // chocolate contains "cola"
    // 'co': English prefix (Coca-Cola) before substring (Pepsi Cola, Chocolate)
    expect(skus('co')).toEqual(['BEV-001', 'BEV-002', 'SNK-001']);
    expect(skus('do')).toEqual(['SNK-001']);
    // 'l': prefix of 乐事薯片's initials (lssp) and English (Lay's), then substrings in SKU order
    expect(skus('l')).toEqual(['SNK-002', 'BEV', 'BEV-001', 'BEV-002', 'BEV-003', 'SNK-001']);
  });

  it('limit caps the list and keeps the ranking', () => {
    expect(skus('-00', 2)).toEqual(['BEV-001', 'BEV-002']);
    expect(skus('l', 1)).toEqual(['SNK-002']);
    expect(skus('l', 0)).toEqual([]);
  });

  it('empty or blank query returns nothing', () => {
    expect(skus('')).toEqual([]);
    expect(skus('   \u3000 ')).toEqual([]);
  });

  it('returns full product views', () => {
    expect(search.search('kkkl')).toEqual([
      {
        id: expect.any(String),
        sku: 'BEV-001',
        name: '可口可乐 330ml',
        nameEn: 'Coca-Cola 330ml',
        priceMinor: 100,
        unit: 'each',
        taxCategoryId: 'std',
        barcodes: ['6901234567892'],
      },
    ]);
  });

  it('inactive products are excluded', () => {
    add({ ...product('BEV-001', '可口可乐 330ml', 'Coca-Cola 330ml', ['6901234567892']), active: false });
    expect(skus('kkkl')).toEqual([]);
    expect(skus('可乐')).toEqual(['BEV-002']);
    expect(skus('6901234567892')).toEqual([]);
  });

  it('catalog writes through main/catalog are picked up without refresh()', () => {
    add(product('NEW-1', '雪碧', 'Sprite'));
    expect(skus('xuebi')).toEqual(['NEW-1']);
  });

  it('refresh() picks up writes made with raw SQL', () => {
    db.prepare("UPDATE products SET name_en = 'Zesty' WHERE sku = 'SNK-001'").run();
    expect(skus('zesty')).toEqual([]);
    search.refresh();
    expect(skus('zesty')).toEqual(['SNK-001']);
    expect(search.stats().products).toBe(6);
  });

  it('an empty catalog returns nothing', () => {
    const empty = openTestDb();
    expect(createCatalogSearch(empty).search('a')).toEqual([]);
    empty.close();
  });
});

// The index must agree with the obvious (slow) definition of the ranking on any catalog and query.
describe('catalog search against a reference model', () => {
  const CHARS = ['a', 'b', 'k', 'l', '1', '-', ' ', '可', '口', '乐', '牛', '面', 'Ａ'];
  const word = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));

  it('property: same products, same order as a brute-force ranking', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(word, word, fc.option(word)), {
          minLength: 1,
          maxLength: 25,
          selector: (t) => t[0],
        }),
        word,
        fc.integer({ min: 1, max: 8 }),
        (rows, query, limit) => {
          const memDb = openTestDb();
          addTaxCategories(memDb);
          const repo = catalogRepository(memDb);
          const skusOk = rows.filter(([sku]) => normaliseText(sku) !== '' && !/\s/.test(sku.trim()));
          const unique = [...new Map(skusOk.map((r) => [r[0].trim(), r])).values()];
          for (const [sku, name, en] of unique) {
            repo.upsertProduct(product(sku.trim(), name, en), { now: fixedNow() });
          }
          const got = createCatalogSearch(memDb)
            .search(query, limit)
            .map((p) => p.sku);

          const q = normaliseText(query);
          const compact = q.replaceAll(' ', '');
          const all = memDb
            .prepare('SELECT sku, name, name_en, pinyin_initials, pinyin_full FROM products ORDER BY sku')
            .all() as {
            sku: string;
            name: string;
            name_en: string | null;
            pinyin_initials: string;
            pinyin_full: string;
          }[];
          const tierOf = (r: (typeof all)[number]): number => {
            const [n, e, s] = [normaliseText(r.name), normaliseText(r.name_en ?? ''), normaliseText(r.sku)];
            if (s === q) return 0;
            if (
              [n, e, s].some((f) => f.startsWith(q)) ||
              [r.pinyin_initials, r.pinyin_full].some((f) => f.startsWith(compact))
            )
              return 1;
            if ([n, e, s].some((f) => f.includes(q)) || r.pinyin_initials.includes(compact)) return 2;
            return 3;
          };
          const expected =
            q === ''
              ? []
              : all
                  .map((r, i) => ({ sku: r.sku, tier: tierOf(r), i }))
                  .filter((r) => r.tier < 3)
                  .sort((a, b) => a.tier - b.tier || a.i - b.i)
                  .slice(0, limit)
                  .map((r) => r.sku);
          memDb.close();
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
