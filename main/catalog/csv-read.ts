// CSV text -> records with the file line each starts on, one at a time (csv-parse's streaming parser fed in
// chunks), so a 100,000-row file is never held as 100,000 record objects. csv-parse does the quoting; line
// numbers are ours, because csv-parse counts a CRLF inside a quoted field as two lines.
import { CsvError, parse } from 'csv-parse';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (header = 1) */
  readonly line: number;
  readonly fields: readonly string[];
}

/** The file cannot be read as CSV (bad quoting, too many rows): reported alone, at its line. */
export class CsvReadError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * At most this many records (the header included) are read from one file. Far above a shop's catalog (a
 * supermarket carries ~50,000 SKUs), and it bounds what one import may cost: a file over it is refused
 * before the rest is parsed (docs/catalog.md).
 */
export const MAX_CSV_RECORDS = 100_001;

/** Characters handed to the parser at a time: large enough to amortise the calls, small next to the file. */
export const CSV_CHUNK_CHARS = 64 * 1024;

/**
 * The records of `text`, blank rows skipped. Throws CsvReadError on a parse error or past `maxRecords`
 * (at the line of the first record over it, without parsing further).
 */
export async function* csvRecords(
  text: string,
  maxRecords: number = MAX_CSV_RECORDS,
  chunkChars: number = CSV_CHUNK_CHARS,
): AsyncGenerator<CsvRecord, void, undefined> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // Keeps only the line of each record: the full `info` object per record costs ~2 kB each. (The typings
    // want on_record to return a row; it may return anything, and the parser then emits that.)
    on_record: ((record: string[], context: { lines: number }) => ({
      record,
      lines: context.lines,
    })) as unknown as (record: string[]) => string[],
  });
  feed(parser, text, chunkChars);
  let count = 0;
  try {
    for await (const parsed of parser as AsyncIterable<{ record: string[]; lines: number }>) {
      const { record, lines } = parsed;
      if (++count > maxRecords) {
        throw new CsvReadError(
          lines,
          `the file has more than ${maxRecords - 1} product rows; split it into smaller files`,
        );
      }
      // Spreadsheets export rows of bare commas after the data; they carry nothing.
      if (record.every((f) => f.trim() === '')) continue;
      let inner = 0;
      for (const f of record) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) inner++;
      yield { line: lines - inner, fields: record };
    }
  } catch (e) {
    if (e instanceof CsvError) throw new CsvReadError(typeof e.lines === 'number' ? e.lines : 1, e.message);
    throw e;
  } finally {
    parser.destroy();
  }
}

/**
 * Writes `text` into the parser in chunks as it asks for them, with one line ending everywhere (so every
 * newline left inside a record is one inside a quoted field). A chunk never ends between CR and LF, nor
 * inside a surrogate pair (the parser encodes each chunk to UTF-8 on its own).
 */
function feed(parser: ReturnType<typeof parse>, text: string, chunkChars: number): void {
  let at = 0;
  const next = (): void => {
    while (at < text.length) {
      let end = Math.min(text.length, at + chunkChars);
      for (let last = text.charCodeAt(end - 1); end < text.length; last = text.charCodeAt(end - 1)) {
        if (last === 0x0d || (last >= 0xd800 && last <= 0xdbff)) end++;
        else break;
      }
      const chunk = text.slice(at, end).replace(/\r\n?/g, '\n');
      at = end;
      if (parser.destroyed) return;
      if (!parser.write(chunk)) {
        parser.once('drain', next);
        return;
      }
    }
    parser.end();
  };
  next();
}
