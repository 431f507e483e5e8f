// What a file's rows do to the catalog as it is: a new SKU, a change to an existing product, or nothing (every
// column the file gives equals what is stored). Rows are looked up a few hundred at a time by SKU, one
// statement per batch, on the checking connection (a worker's own).
import type { ImportChange, ImportCounts } from '../api/contract';
import type { Database } from '../store/db';
import type { CsvRow } from './csv-columns';

interface Stored {
  sku: string;
  name: string;
  name_en: string | null;
  price_minor: number;
  unit: string;
  tax_category_id: string;
  scale_item_code: number | null;
  active: 0 | 1;
  codes: string | null;
}

export interface ChangeTally {
  /** A row that passed its checks; it is classified with its batch. */
  add(row: CsvRow): void;
  /** Classifies the rows still waiting; call once after the last row. */
  finish(): void;
  readonly counts: ImportCounts;
}

const LOOKUP_ROWS = 500;

/** `onClassified`: each row with its change, in file order. */
export function tallyChanges(
  db: Database,
  onClassified?: (row: CsvRow, change: ImportChange) => void,
): ChangeTally {
  const lookup = db.prepare<[string], Stored>(
    `SELECT p.sku, p.name, p.name_en, p.price_minor, p.unit, p.tax_category_id, p.scale_item_code, p.active,
       (SELECT group_concat(code, '|') FROM (SELECT code FROM barcodes WHERE product_id = p.id ORDER BY rowid))
         AS codes
     FROM products p WHERE p.sku IN (SELECT value FROM json_each(?))`,
  );
  const counts = { new: 0, updated: 0, unchanged: 0 };
  let waiting: CsvRow[] = [];
  const classify = (): void => {
    const stored = new Map(lookup.all(JSON.stringify(waiting.map((r) => r.sku))).map((s) => [s.sku, s]));
    for (const row of waiting) {
      const change = changeOf(row, stored.get(row.sku));
      counts[change]++;
      onClassified?.(row, change);
    }
    waiting = [];
  };
  return {
    add(row) {
      waiting.push(row);
      if (waiting.length >= LOOKUP_ROWS) classify();
    },
    finish: () => {
      if (waiting.length > 0) classify();
    },
    counts,
  };
}

export function changeOf(row: CsvRow, stored: Stored | undefined): ImportChange {
  if (stored === undefined) return 'new';
  const same =
    stored.name === row.name &&
    stored.name_en === row.nameEn &&
    stored.price_minor === row.priceMinor &&
    stored.unit === row.unit &&
    stored.tax_category_id === row.taxCategoryId &&
    stored.scale_item_code === row.scaleItemCode &&
    (stored.codes ?? '') === row.barcodes.join('|') &&
    // Not given: the product keeps its state.
    (row.active === undefined || (stored.active === 1) === row.active);
  return same ? 'unchanged' : 'updated';
}
