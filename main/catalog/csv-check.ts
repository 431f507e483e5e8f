// Reads and checks a whole catalog file, one record at a time: each row's own fields, then against the other
// rows and the database. Writes nothing: each good row goes to the caller (the import parks it, the preview
// counts it), and every problem comes back with its line, the first MAX_REPORTED_ERRORS of them by line.
import type { ImportLineError } from '../api/contract';
import type { Database } from '../store/db';
import { readHeader, readRow, type CsvColumn, type CsvLineError, type CsvRow } from './csv-columns';
import { createCrossCheck, ErrorList } from './csv-cross-check';
import { CsvReadError, csvRecords } from './csv-read';
import { catalogRepository } from './repository';
import type { VariableMeasureRule } from './variable-measure';

/** At most this many reasons travel back to the UI; the total counts them all. */
export const MAX_REPORTED_ERRORS = 200;

export interface CheckOptions {
  readonly currency: string;
  readonly rules?: readonly VariableMeasureRule[] | null;
  /** Asked between records: true stops the reading (a cancelled import). */
  readonly shouldStop?: () => boolean;
  /** Product rows read so far; every CHECK_PROGRESS_ROWS rows. */
  readonly onChecked?: (rows: number) => void;
}

export interface CheckOutcome {
  readonly errors: readonly ImportLineError[];
  readonly errorTotal: number;
  /** Product rows read (blank rows not counted). */
  readonly dataRows: number;
  readonly stopped: boolean;
}

const CHECK_PROGRESS_ROWS = 2_000;

/** `onRow(row, clean)`: a row that passed its own checks; `clean`: no problem found in the file so far. */
export async function checkCsvRows(
  db: Database,
  csv: string | AsyncIterable<string>,
  opts: CheckOptions,
  onRow: (row: CsvRow, clean: boolean) => void,
): Promise<CheckOutcome> {
  const errors = new ErrorList(MAX_REPORTED_ERRORS);
  const repo = catalogRepository(db);
  const ctx = {
    currency: opts.currency,
    rules: opts.rules ?? null,
    taxCategories: new Set(repo.listTaxCategories().map((t) => t.id)),
  };
  const cross = createCrossCheck(repo);
  let header: { columns: Map<CsvColumn, number>; length: number; line: number } | null = null;
  let dataRows = 0;
  const alone = (line: number, reason: string): CheckOutcome => ({
    errors: [{ line, column: null, reason }],
    errorTotal: 1,
    dataRows,
    stopped: false,
  });
  try {
    for await (const rec of csvRecords(csv)) {
      if (opts.shouldStop?.()) return { errors: [], errorTotal: 0, dataRows, stopped: true };
      if (header === null) {
        const read = readHeader(rec.fields, rec.line);
        errors.push(...read.errors);
        header = { columns: read.columns, length: rec.fields.length, line: rec.line };
        continue;
      }
      if (++dataRows % CHECK_PROGRESS_ROWS === 0) opts.onChecked?.(dataRows);
      const rowErrors: CsvLineError[] = [];
      const row = readRow(rec.line, rec.fields, header.columns, header.length, ctx, rowErrors);
      errors.push(...rowErrors);
      if (row === null) continue;
      cross.add(row, errors);
      onRow(row, errors.total === 0);
    }
  } catch (e) {
    // A file that is not CSV is reported alone: the rows around a broken quote mean nothing.
    if (e instanceof CsvReadError) return alone(e.line, e.reason);
    throw e;
  }
  if (header === null) return alone(1, 'the file is empty; a header row is required');
  if (dataRows === 0)
    errors.push({ line: header.line + 1, column: null, reason: 'no product rows after the header' });
  cross.finish(errors);
  opts.onChecked?.(dataRows);
  return { errors: errors.sortedKept(), errorTotal: errors.total, dataRows, stopped: false };
}
