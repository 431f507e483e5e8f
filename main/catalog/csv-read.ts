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
 * The records of `source` (the whole text, or its pieces in order, e.g. a file read as UTF-8), blank rows
 * skipped. Throws CsvReadError on a parse error or past `maxRecords` (at the line of the first record over
 * it, without parsing further).
 */
export async function* csvRecords(
  source: string | AsyncIterable<string>,
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
  void feed(parser, typeof source === 'string' ? chunksOf(source, chunkChars) : source);
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

/** `text` in pieces of about `chunkChars`. */
function* chunksOf(text: string, chunkChars: number): Generator<string, void, undefined> {
  for (let at = 0; at < text.length; at += chunkChars) yield text.slice(at, at + chunkChars);
}

/**
 * Writes the pieces into the parser as it asks for them, with one line ending everywhere (so every newline
 * left inside a record is one inside a quoted field). A CR or a lone high surrogate at the end of a piece is
 * held for the next one: CR LF stays one line end, and the parser encodes each piece to UTF-8 on its own.
 */
async function feed(
  parser: ReturnType<typeof parse>,
  pieces: Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  try {
    let held = '';
    for await (const piece of pieces) {
      let text = held + piece;
      held = '';
      const last = text.charCodeAt(text.length - 1);
      if (last === 0x0d || (last >= 0xd800 && last <= 0xdbff)) {
        held = text.slice(-1);
        text = text.slice(0, -1);
      }
      if (parser.destroyed) return;
      if (!parser.write(text.replace(/\r\n?/g, '\n'))) await drained(parser);
    }
    if (!parser.destroyed) parser.end(held.replace(/\r/g, '\n'));
  } catch (e) {
    // The parser is gone (the reader stopped early) or the source failed: the reader sees it as an error.
    if (!parser.destroyed) parser.destroy(e instanceof Error ? e : new Error(String(e)));
  }
}

/** Resolves when the parser wants more, or has closed (the reader stopped), leaving no listener behind. */
function drained(parser: ReturnType<typeof parse>): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.on('drain', done);
    parser.on('close', done);
  });
}
