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

export function readCsv(text: string): CsvReadResult {
  // One line ending everywhere, so every newline left inside a record is one inside a quoted field.
  const unified = text.replace(/\r\n?/g, '\n');
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each entry is { record, info } rather than the string[] the typings promise.
    parsed = parse(unified, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof e.lines === 'number' ? e.lines : 1;
      return { ok: false, line, reason: e.message };
    }
    throw e;
  }
  const records: CsvRecord[] = [];
  for (const { record, info } of parsed) {
    // Spreadsheets export rows of bare commas after the data; they carry nothing.
    if (record.every((f) => f.trim() === '')) continue;
    let inner = 0;
    for (const f of record) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) inner++;
    records.push({ line: info.lines - inner, fields: record });
  }
  return { ok: true, records };
}
