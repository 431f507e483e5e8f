// Product search for the cashier's search box: an in-memory index of the active products, built from the
// products table (pinyin precomputed there) and rebuilt after catalog writes. See docs/catalog.md.
//
// Ranking, ties broken by SKU (binary order), so the same catalog always gives the same list:
//   1. exact: SKU (case-insensitive) or barcode (UPC-A typed as 12 digits finds its EAN-13)
//   2. prefix: name, English name, SKU, pinyin initials, full pinyin
//   3. substring: name, English name, SKU, pinyin initials
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import type { ProductView } from '../api/contract';
import { parseBarcode } from './barcode';
import { catalogGeneration } from './generation';
import { catalogRepository } from './repository';
import { FieldIndex, mergeInOrder, SEP } from './search-index';
import { normaliseText } from './text';

export interface CatalogSearch {
  /** Up to `limit` active products; an empty (or all-space) query returns none. */
  search(query: string, limit?: number): ProductView[];
  /** Rebuilds the index now. Needed only after catalog writes that bypass main/catalog. */
  refresh(): void;
  /** Size and build time of the current index. */
  stats(): { readonly products: number; readonly buildMs: number };
}

interface Index {
  readonly ids: readonly string[];
  readonly name: FieldIndex;
  readonly nameEn: FieldIndex;
  readonly sku: FieldIndex;
  readonly initials: FieldIndex;
  readonly full: FieldIndex;
  readonly barcodes: FieldIndex;
}

type Row = [id: string, sku: string, name: string, nameEn: string | null, ini: string, full: string, codes: string | null];

export function createCatalogSearch(db: Database.Database): CatalogSearch {
  const repo = catalogRepository(db);
  const select = db
    .prepare<[], Row>(
      `SELECT p.id, p.sku, p.name, p.name_en, p.pinyin_initials, p.pinyin_full,
         (SELECT group_concat(b.code, char(1)) FROM barcodes b WHERE b.product_id = p.id)
       FROM products p WHERE p.active = 1 ORDER BY p.sku`,
    )
    .raw(true);

  let index: Index;
  let builtAt = -1;
  let buildMs = 0;

  const build = (): void => {
    const t0 = performance.now();
    builtAt = catalogGeneration(db);
    const ids: string[] = [];
    const cols: string[][] = [[], [], [], [], [], []];
    const [names, namesEn, skus, inis, fulls, codes] = cols as [string[], string[], string[], string[], string[], string[]];
    for (const [id, sku, name, nameEn, ini, full, codeList] of select.iterate()) {
      ids.push(id);
      names.push(normaliseText(name));
      namesEn.push(nameEn === null ? '' : normaliseText(nameEn));
      skus.push(normaliseText(sku));
      inis.push(ini);
      fulls.push(full);
      codes.push(codeList ?? '');
    }
    index = {
      ids,
      name: new FieldIndex(names),
      nameEn: new FieldIndex(namesEn),
      sku: new FieldIndex(skus),
      initials: new FieldIndex(inis),
      full: new FieldIndex(fulls),
      barcodes: new FieldIndex(codes),
    };
    buildMs = performance.now() - t0;
  };
  build();

  const search = (query: string, limit = 20): ProductView[] => {
    const want = Number.isFinite(limit) ? Math.floor(limit) : 20;
    const q = normaliseText(query);
    if (q === '' || want < 1) return [];
    if (builtAt !== catalogGeneration(db)) build();
    const ix = index;
    // Pinyin keys have no spaces: 'ke kou' and 'k k k l' still match.
    const compact = q.replaceAll(' ', '');

    const picked = new Set<number>();
    const order: number[] = [];
    const take = (list: readonly number[]): void => {
      for (const p of list) {
        if (order.length >= want) return;
        if (!picked.has(p)) {
          picked.add(p);
          order.push(p);
        }
      }
    };
    const isPicked = (p: number): boolean => picked.has(p);
    const tier = (probes: readonly [FieldIndex, string][]): void => {
      const need = want - order.length;
      if (need <= 0) return;
      const lists = probes.map(([field, pattern]) => {
        const out: number[] = [];
        field.collect(pattern, need, isPicked, out);
        return out;
      });
      take(mergeInOrder(lists, need));
    };

    const exact: [FieldIndex, string][] = [[ix.sku, SEP + q + SEP]];
    for (const code of barcodeSpellings(q)) exact.push([ix.barcodes, SEP + code + SEP]);
    tier(exact);
    tier([
      [ix.name, SEP + q],
      [ix.nameEn, SEP + q],
      [ix.sku, SEP + q],
      [ix.initials, SEP + compact],
      [ix.full, SEP + compact],
    ]);
    tier([
      [ix.name, q],
      [ix.nameEn, q],
      [ix.sku, q],
      [ix.initials, compact],
    ]);
    return repo.getProducts(order.map((p) => ix.ids[p] as string));
  };

  return {
    search,
    refresh: build,
    stats: () => ({ products: index.ids.length, buildMs }),
  };
}

/** The query as typed plus its normalised GTIN form (UPC-A -> EAN-13), when it is all digits. */
function barcodeSpellings(q: string): string[] {
  if (!/^\d+$/.test(q)) return [];
  try {
    const parsed = parseBarcode(q, []);
    return parsed.code === q ? [q] : [q, parsed.code];
  } catch {
    return [q];
  }
}
