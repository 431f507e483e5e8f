// Product search for the cashier's search box: an in-memory index of the active products, built from the
// products table (pinyin precomputed there) and rebuilt after catalog writes. See docs/catalog.md.
//
// Ranking, ties broken by SKU (binary order), so the same catalog always gives the same list:
//   1. exact: SKU (case-insensitive) or barcode (UPC-A typed as 12 digits finds its EAN-13)
//   2. prefix: name, English name, SKU, pinyin initials, full pinyin
//   3. substring: name, English name, SKU, pinyin initials
import { performance } from 'node:perf_hooks';
import type { Database } from '../store/db';
import type { ProductView } from '../api/contract';
import { parseBarcode, refuseCardData } from './barcode';
import { catalogGeneration } from './generation';
import { catalogRepository } from './repository';
import { drain, runInSlices } from './postings';
import { FieldIndex, mergeInOrder } from './search-index';
import { normaliseText } from './text';

export interface CatalogSearch {
  /** Up to `limit` active products; an empty (or all-space) query returns none. */
  search(query: string, limit?: number): ProductView[];
  /** Rebuilds the index now. Needed only after catalog writes that bypass main/catalog. */
  refresh(): void;
  /** Rebuilds the index in slices that leave the event loop free between them (after a large import). */
  refreshInSlices(): Promise<void>;
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

export interface SearchOptions {
  /**
   * An index of at least this many products made stale by ANOTHER connection's commit is rebuilt in slices
   * (runInSlices) while it keeps answering; a smaller one, or a change made through this connection, is
   * rebuilt at once. Default SLICED_REBUILD_PRODUCTS.
   */
  readonly slicedRebuildProducts?: number;
  /** Work between two turns of the event loop while rebuilding in slices; default SLICE_MS. */
  readonly sliceMs?: number;
}

/** About the index that rebuilds in what one scan may wait (~20 ms). */
export const SLICED_REBUILD_PRODUCTS = 5_000;
/** Work between two turns of the event loop while rebuilding in slices (GC pauses come on top). */
const SLICE_MS = 4;
/** Products read per page while rebuilding (keyset pages by SKU, so no statement stays open between slices). */
const PAGE_ROWS = 2_000;

export function createCatalogSearch(db: Database, opts: SearchOptions = {}): CatalogSearch {
  const repo = catalogRepository(db);
  const slicedRebuildProducts = opts.slicedRebuildProducts ?? SLICED_REBUILD_PRODUCTS;
  const sliceMs = opts.sliceMs ?? SLICE_MS;
  const page = db
    .prepare<[string, number], Row>(
      `SELECT id, sku, name, name_en, pinyin_initials, pinyin_full FROM products
       WHERE active = 1 AND sku > ? ORDER BY sku LIMIT ?`,
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
  // Builds are numbered when they start; a slower, older one never replaces a newer index.
  let started = 0;
  let installed = 0;
  let inSlices: Promise<void> | null = null;

  function* indexSteps(): Generator<void, Index, void> {
    const ids: string[] = [];
    const names: string[] = [];
    const namesEn: string[] = [];
    const skus: string[] = [];
    const inis: string[] = [];
    const fulls: string[] = [];
    for (let after = ''; ;) {
      const rows = page.all(after, PAGE_ROWS);
      for (const [id, sku, name, nameEn, ini, full] of rows) {
        ids.push(id);
        names.push(normaliseText(name));
        namesEn.push(nameEn === null ? '' : normaliseText(nameEn));
        skus.push(normaliseText(sku));
        inis.push(ini);
        fulls.push(full);
      }
      const last = rows.at(-1);
      if (last === undefined || rows.length < PAGE_ROWS) break;
      after = last[1];
      yield;
    }
    return {
      ids,
      name: yield* FieldIndex.inSteps(names, { substring: true }),
      nameEn: yield* FieldIndex.inSteps(namesEn, { substring: true }),
      sku: yield* FieldIndex.inSteps(skus, { exact: true, substring: true }),
      initials: yield* FieldIndex.inSteps(inis, { substring: true }),
      full: yield* FieldIndex.inSteps(fulls),
    };
  }

  /** Notes what a build about to start will reflect; the returned function installs its index. */
  const begin = (): ((next: Index) => void) => {
    const seq = ++started;
    const generation = catalogGeneration(db);
    const version = dataVersion();
    const t0 = performance.now();
    return (next) => {
      if (seq < installed) return; // a build that started later is already in
      installed = seq;
      index = next;
      builtAt = generation;
      builtOnVersion = version;
      buildMs = performance.now() - t0;
    };
  };

  const build = (): void => {
    const install = begin();
    install(drain(indexSteps()));
  };

  const refreshInSlices = (): Promise<void> => {
    inSlices ??= (async () => {
      try {
        const install = begin();
        install(await runInSlices(indexSteps(), sliceMs));
      } finally {
        inSlices = null;
      }
    })();
    return inSlices;
  };
  build();

  const search = (query: string, limit = 20): ProductView[] => {
    const want = Number.isFinite(limit) ? Math.floor(limit) : 20;
    // A card swiped or typed into the search box is refused like one in the barcode field: never looked up.
    refuseCardData(query.trim());
    const q = normaliseText(query);
    if (q === '' || want < 1) return [];
    if (builtAt !== catalogGeneration(db))
      build(); // written through this connection: seen at once
    else if (builtOnVersion !== dataVersion()) {
      // Another connection committed (the import's worker, the terminal import). For a large catalog the
      // index as it was answers while the new one is built in slices, rather than the till stopping for a
      // second or more; its products are read with today's rows.
      if (index.ids.length < slicedRebuildProducts) build();
      else void refreshInSlices();
    }
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
    refreshInSlices,
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
