// Catalog import: all or nothing. Every row is checked first (its own fields, then against the other rows and
// the database); any error means nothing is written and the caller gets every reason with its line number.
// Column reference: docs/catalog.md.
import type Database from 'better-sqlite3';
import type { ImportReport } from '../api/contract';
import { PosFailure } from '../api/result';
import { readHeader, readRow, type CsvLineError, type CsvRow } from './csv-columns';
import { readCsv } from './csv-read';
import { catalogRepository } from './repository';
import type { VariableMeasureRule } from './variable-measure';

export interface ImportOptions {
  readonly now: () => Date;
  /** The shop currency: prices are major units of it ("12.80" CNY = 1280 fen). */
  readonly currency: string;
  /** Which prefix-2 codes are scale labels (refused in `barcodes`); null/omitted = the defaults. */
  readonly rules?: readonly VariableMeasureRule[] | null;
  /** Id for new products; default a random UUID. */
  readonly newId?: () => string;
}

/** At most this many reasons travel back to the UI; `detail.total` has the full count. */
export const MAX_REPORTED_ERRORS = 200;

export function importCatalogCsv(db: Database.Database, csvText: string, opts: ImportOptions): ImportReport {
  const rows = validate(db, csvText, opts);
  const repo = catalogRepository(db);
  const now = opts.now();
  let imported = 0;
  let updated = 0;
  db.transaction(() => {
    // Codes may move between SKUs of this file; free them all before any row claims its own.
    repo.releaseCodes(rows.map((r) => r.sku));
    for (const r of rows) {
      const { inserted } = repo.upsertProduct(r, opts.newId ? { now, newId: opts.newId } : { now });
      if (inserted) imported++;
      else updated++;
    }
  })();
  return { imported, updated };
}

function validate(db: Database.Database, csvText: string, opts: ImportOptions): CsvRow[] {
  const errors: CsvLineError[] = [];
  const read = readCsv(csvText);
  if (!read.ok) fail([{ line: read.line, column: null, reason: read.reason }]);
  const [header, ...data] = read.records;
  if (header === undefined)
    fail([{ line: 1, column: null, reason: 'the file is empty; a header row is required' }]);
  const { columns, errors: headerErrors } = readHeader(header.fields, header.line);
  errors.push(...headerErrors);
  if (data.length === 0)
    errors.push({ line: header.line + 1, column: null, reason: 'no product rows after the header' });

  const repo = catalogRepository(db);
  const ctx = {
    currency: opts.currency,
    rules: opts.rules ?? null,
    taxCategories: new Set(repo.listTaxCategories().map((t) => t.id)),
  };
  const rows: CsvRow[] = [];
  for (const rec of data) {
    const row = readRow(rec.line, rec.fields, columns, header.fields.length, ctx, errors);
    if (row) rows.push(row);
  }
  crossCheck(rows, repo, errors);
  if (errors.length > 0) fail(errors);
  return rows;
}

/** Uniqueness within the file, and codes still held by a product this file does not mention. */
function crossCheck(
  rows: readonly CsvRow[],
  repo: ReturnType<typeof catalogRepository>,
  errors: CsvLineError[],
): void {
  const skuLine = new Map<string, number>();
  const codeRow = new Map<string, CsvRow>();
  const scaleRow = new Map<number, CsvRow>();
  for (const r of rows) {
    const first = skuLine.get(r.sku);
    if (first !== undefined)
      errors.push({ line: r.line, column: 'sku', reason: `SKU "${r.sku}" is already on line ${first}` });
    else skuLine.set(r.sku, r.line);
    for (const code of r.barcodes) {
      const other = codeRow.get(code);
      if (other && other.sku !== r.sku) {
        const reason = `barcode ${code} is also given to SKU "${other.sku}" on line ${other.line}`;
        errors.push({ line: r.line, column: 'barcodes', reason });
      } else codeRow.set(code, r);
    }
    if (r.scaleItemCode !== null) {
      const other = scaleRow.get(r.scaleItemCode);
      if (other && other.sku !== r.sku) {
        const reason = `scale code ${r.scaleItemCode} is also given to SKU "${other.sku}" on line ${other.line}`;
        errors.push({ line: r.line, column: 'scale_code', reason });
      } else scaleRow.set(r.scaleItemCode, r);
    }
  }
  // A product named in the file gets its codes replaced, so only owners absent from the file conflict.
  for (const r of rows) {
    for (const code of r.barcodes) {
      const owner = repo.barcodeOwner(code);
      if (owner !== null && owner !== r.sku && !skuLine.has(owner)) {
        const reason = `barcode ${code} already belongs to SKU "${owner}" in the catalog`;
        errors.push({ line: r.line, column: 'barcodes', reason });
      }
    }
    if (r.scaleItemCode !== null) {
      const owner = repo.scaleItemOwner(r.scaleItemCode);
      if (owner !== null && owner !== r.sku && !skuLine.has(owner)) {
        const reason = `scale code ${r.scaleItemCode} already belongs to SKU "${owner}" in the catalog`;
        errors.push({ line: r.line, column: 'scale_code', reason });
      }
    }
  }
}

function fail(errors: CsvLineError[]): never {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  const n = sorted.length;
  throw new PosFailure(
    'CSV_INVALID',
    `${n} error${n === 1 ? '' : 's'} in the catalog CSV; nothing was imported.`,
    {
      errors: sorted.slice(0, MAX_REPORTED_ERRORS),
      total: n,
    },
  );
}
