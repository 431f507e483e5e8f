// Checked import rows, with their pinyin keys, parked in a TEMP table of the importing connection until the
// whole file is known to be good. A TEMP table lives in the connection's own temporary database: writing it
// takes no lock on the store, so the till keeps selling while a large file is read, and SQLite (not the JS
// heap) holds the rows, spilling to a temporary file past its page cache.
import type { Database } from '../store/db';
import type { CsvRow } from './csv-columns';
import type { PinyinKeys } from './pinyin';
import type { ProductColumns } from './repository';

export interface StagedRow extends CsvRow {
  readonly keys: PinyinKeys;
}

export interface Staging {
  /** Parks rows; call with a few hundred at a time (one temporary-database transaction each). */
  add(rows: readonly StagedRow[]): void;
  readonly count: number;
  /** Up to `limit` rows after file line `afterLine`, in file order. */
  batch(afterLine: number, limit: number): StagedRow[];
  /** Drops the table (also dropped with the connection). */
  drop(): void;
}

interface Parked extends ProductColumns {
  line: number;
  barcodes: string;
  scale_item_code: number | null;
  active: 0 | 1 | null;
  pinyin_initials: string;
  pinyin_full: string;
}

const TABLE = 'temp.catalog_import_rows';

export function createStaging(db: Database): Staging {
  db.exec(`DROP TABLE IF EXISTS ${TABLE}`);
  db.exec(
    `CREATE TABLE ${TABLE} (line INTEGER PRIMARY KEY, sku TEXT NOT NULL, name TEXT NOT NULL, name_en TEXT,
       price_minor INTEGER NOT NULL, unit TEXT NOT NULL, tax_category_id TEXT NOT NULL, barcodes TEXT NOT NULL,
       scale_item_code INTEGER, active INTEGER, pinyin_initials TEXT NOT NULL, pinyin_full TEXT NOT NULL)`,
  );
  const insert = db.prepare(
    `INSERT INTO ${TABLE} VALUES (@line, @sku, @name, @name_en, @price_minor, @unit, @tax_category_id, @barcodes,
       @scale_item_code, @active, @pinyin_initials, @pinyin_full)`,
  );
  const select = db.prepare<[number, number], Parked>(
    `SELECT * FROM ${TABLE} WHERE line > ? ORDER BY line LIMIT ?`,
  );
  const park = db.transaction((rows: readonly StagedRow[]) => {
    for (const r of rows) {
      const parked: Parked = {
        line: r.line,
        sku: r.sku,
        name: r.name,
        name_en: r.nameEn,
        price_minor: r.priceMinor,
        unit: r.unit,
        tax_category_id: r.taxCategoryId,
        // Normalised barcodes are digits only, so '|' cannot occur inside one.
        barcodes: r.barcodes.join('|'),
        scale_item_code: r.scaleItemCode,
        active: r.active === undefined ? null : r.active ? 1 : 0,
        pinyin_initials: r.keys.initials,
        pinyin_full: r.keys.full,
      };
      insert.run(parked);
    }
  });
  let count = 0;
  return {
    add(rows) {
      if (rows.length === 0) return;
      park(rows);
      count += rows.length;
    },
    get count() {
      return count;
    },
    batch: (afterLine, limit) =>
      select.all(afterLine, limit).map((p) => ({
        line: p.line,
        sku: p.sku,
        name: p.name,
        nameEn: p.name_en,
        priceMinor: p.price_minor,
        unit: p.unit,
        taxCategoryId: p.tax_category_id,
        barcodes: p.barcodes === '' ? [] : p.barcodes.split('|'),
        scaleItemCode: p.scale_item_code,
        active: p.active === null ? undefined : p.active === 1,
        keys: { initials: p.pinyin_initials, full: p.pinyin_full },
      })),
    drop: () => db.exec(`DROP TABLE IF EXISTS ${TABLE}`),
  };
}
