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
import { FieldIndex, mergeInOrder } from './search-index';
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
}

type Row = [id: string, sku: string, name: string, nameEn: string | null, initials: string, full: string];

export function createCatalogSearch(db: Database.Database): CatalogSearch {
  const repo = catalogRepository(db);
  const select = db
    .prepare<[], Row>(
      `SELECT id, sku, name, name_en, pinyin_initials, pinyin_full FROM products WHERE active = 1 ORDER BY sku`,
    )
    .raw(true);
  const byBarcode = db.prepare<[string], { id: string; sku: string }>(
    'SELECT p.id, p.sku FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ? AND p.active = 1',
  );

  let index: Index;
  let builtAt = -1;
  // SQLite's data_version moves when ANOTHER connection commits (the terminal import, the staff CLI): that
  // may have changed the catalog behind this connection's generation counter, so the index is rebuilt.
  const dataVersion = (): number => db.pragma('data_version', { simple: true }) as number;
  let builtOnVersion = -1;
  let buildMs = 0;

  const build = (): void => {
    const t0 = performance.now();
    builtAt = catalogGeneration(db);
    builtOnVersion = dataVersion();
    const ids: string[] = [];
    const names: string[] = [];
    const namesEn: string[] = [];
    const skus: string[] = [];
    const inis: string[] = [];
    const fulls: string[] = [];
    for (const [id, sku, name, nameEn, ini, full] of select.iterate()) {
      ids.push(id);
      names.push(normaliseText(name));
      namesEn.push(nameEn === null ? '' : normaliseText(nameEn));
      skus.push(normaliseText(sku));
      inis.push(ini);
      fulls.push(full);
    }
    index = {
      ids,
      name: new FieldIndex(names, { substring: true }),
      nameEn: new FieldIndex(namesEn, { substring: true }),
      sku: new FieldIndex(skus, { exact: true, substring: true }),
      initials: new FieldIndex(inis, { substring: true }),
      full: new FieldIndex(fulls),
    };
    buildMs = performance.now() - t0;
  };
  build();

  const search = (query: string, limit = 20): ProductView[] => {
    const want = Number.isFinite(limit) ? Math.floor(limit) : 20;
    const q = normaliseText(query);
    if (q === '' || want < 1) return [];
    if (builtAt !== catalogGeneration(db) || builtOnVersion !== dataVersion()) build();
    const ix = index;
    // Pinyin keys have no spaces: 'ke kou' and 'k k k l' still match.
    const compact = q.replaceAll(' ', '');

    const picked = new Set<number>();
    const order: number[] = [];
    const isPicked = (p: number): boolean => picked.has(p);
    const tier = (probes: readonly ((need: number, out: number[]) => void)[]): void => {
      const need = want - order.length;
      if (need <= 0) return;
      const lists = probes.map((probe) => {
        const out: number[] = [];
        probe(need, out);
        return out;
      });
      for (const p of mergeInOrder(lists, need)) {
        picked.add(p);
        order.push(p);
      }
    };

    tier([
      (need, out) => ix.sku.collectExact(q, need, isPicked, out),
      (need, out) => {
        // Barcodes live in SQLite (unique index); the hit is mapped back to its place in the index by SKU.
        for (const code of barcodeSpellings(q)) {
          const hit = byBarcode.get(code);
          if (!hit) continue;
          const same: number[] = [];
          ix.sku.collectExact(normaliseText(hit.sku), Infinity, isPicked, same);
          for (const p of same) if (ix.ids[p] === hit.id && !out.includes(p)) out.push(p);
        }
        out.sort((a, b) => a - b);
      },
    ]);
    tier([
      (need, out) => ix.name.collectPrefix(q, need, isPicked, out),
      (need, out) => ix.nameEn.collectPrefix(q, need, isPicked, out),
      (need, out) => ix.sku.collectPrefix(q, need, isPicked, out),
      (need, out) => ix.initials.collectPrefix(compact, need, isPicked, out),
      (need, out) => ix.full.collectPrefix(compact, need, isPicked, out),
    ]);
    tier([
      (need, out) => ix.name.collectSubstring(q, need, isPicked, out),
      (need, out) => ix.nameEn.collectSubstring(q, need, isPicked, out),
      (need, out) => ix.sku.collectSubstring(q, need, isPicked, out),
      (need, out) => ix.initials.collectSubstring(compact, need, isPicked, out),
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
