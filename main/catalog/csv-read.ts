// CSV text -> records with the file line each starts on. csv-parse does the quoting; line numbers are ours,
// because csv-parse counts a CRLF inside a quoted field as two lines.
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (header = 1) */
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvReadResult =
  | { readonly ok: true; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly line: number; readonly reason: string };

/**
 * At most this many records (the header included) are read from one file. Far above a shop's catalog (a
 * supermarket carries ~50,000 SKUs), and it bounds what one import may cost the main process: a file over it
 * is refused before the rest is parsed (docs/catalog.md).
 */
export const MAX_CSV_RECORDS = 100_001;

export function readCsv(text: string, maxRecords: number = MAX_CSV_RECORDS): CsvReadResult {
  // One line ending everywhere, so every newline left inside a record is one inside a quoted field.
  const unified = text.replace(/\r\n?/g, '\n');
  let parsed: { record: string[]; lines: number }[];
  try {
    parsed = parse(unified, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // One past the limit, to tell "exactly at it" from "over it" without parsing the rest.
      to: maxRecords + 1,
      // Keeps only the line of each record: the full `info` object per record costs ~2 kB each. (The typings
      // want on_record to return a row; it may return anything, and parse then returns those.)
      on_record: ((record: string[], context: { lines: number }) => ({
        record,
        lines: context.lines,
      })) as unknown as (record: string[]) => string[],
    }) as unknown as { record: string[]; lines: number }[];
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof e.lines === 'number' ? e.lines : 1;
      return { ok: false, line, reason: e.message };
    }
    throw e;
  }
  const over = parsed[maxRecords];
  if (over !== undefined) {
    return {
      ok: false,
      line: over.lines,
      reason: `the file has more than ${maxRecords - 1} product rows; split it into smaller files`,
    };
  }
  const records: CsvRecord[] = [];
  for (const { record, lines } of parsed) {
    // Spreadsheets export rows of bare commas after the data; they carry nothing.
    if (record.every((f) => f.trim() === '')) continue;
    let inner = 0;
    for (const f of record) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) inner++;
    records.push({ line: lines - inner, fields: record });
  }
  return { ok: true, records };
}
