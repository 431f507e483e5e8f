// Catalog import. Every row is checked first (its own fields, then against the other rows and the database);
// any error means nothing is written and the caller gets every reason with its line number. Then the rows
// are written in short transactions that leave the write lock free in between, so a till sharing the store
// keeps selling (docs/decisions/0018-catalog-import-off-the-event-loop.md). Runs in a worker thread in the
// app (import-job.ts); column reference: docs/catalog.md.
import type { Database } from '../store/db';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ImportReport } from '../api/contract';
import { PosFailure } from '../api/result';
import { checkCsvRows, type CheckOptions } from './csv-check';
import type { CsvLineError, CsvRow } from './csv-columns';
import { createStaging, type StagedRow, type Staging } from './import-staging';
import { pinyinKeys } from './pinyin';
import { catalogRepository } from './repository';

export interface ImportOptions extends CheckOptions {
  readonly now: () => Date;
  /** Id for new products; default a random UUID. */
  readonly newId?: () => string;
  /** Rows per write transaction; default IMPORT_BATCH_ROWS. */
  readonly batchRows?: number;
  /** Rows written so far, of how many; after each write transaction. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Each row that passed its own checks, as it is read (the import job tallies what the file changes). */
  readonly onRow?: (row: CsvRow) => void;
  /** The whole file is good; called before the first write. */
  readonly beforeWrite?: () => void;
}

export { MAX_REPORTED_ERRORS } from './csv-check';

/**
 * Rows per write transaction at most (about 5-10 ms of holding the write lock on the shop PC). A file of at
 * most this many rows is written in one transaction, so it lands whole or not at all even through a power cut.
 */
export const IMPORT_BATCH_ROWS = 500;

// SQLite's busy handler (sqliteDefaultBusyCallback): a writer that finds the lock taken sleeps these many
// ms in turn, then 100 ms at a time. It does not wake when the lock is freed, only at its next try.
const BUSY_SLEEPS_MS = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];

/**
 * How long the write lock is left free after a transaction that held it `heldMs`: a till writer that arrived
 * meanwhile has slept at most `heldMs` in the busy handler, so its next try comes within the sleep it is in;
 * a gap that long (+2 ms for timer slack) lets it in before the import takes the lock again.
 */
export function lockGapMs(heldMs: number): number {
  let waited = 0;
  for (const sleepMs of BUSY_SLEEPS_MS) {
    if (waited + sleepMs >= heldMs) return sleepMs + 2;
    waited += sleepMs;
  }
  return 100 + 2;
}

/**
 * A larger file's write transaction ends once it has held the lock this long (at a chunk's end): with the
 * gap after it (lockGapMs) a till writer waits about 25 ms at worst for the lock.
 */
export const BATCH_BUDGET_MS = 10;
/** Rows written between two looks at the clock; each chunk frees and claims its codes together. */
const CHUNK_ROWS = 25;

/** Checked rows are parked this many at a time (one temporary-database transaction each). */
const STAGE_ROWS = 500;

/** What the write did; `stopped`: asked to stop between two write transactions (rows before it stay). */
export interface ImportOutcome extends ImportReport {
  readonly written: number;
  readonly total: number;
  readonly stopped: boolean;
}

/** `csv`: the file's text, or its pieces in order. Throws CSV_INVALID with every reason, writing nothing. */
export async function importCatalogCsv(
  db: Database,
  csv: string | AsyncIterable<string>,
  opts: ImportOptions,
): Promise<ImportReport> {
  const { imported, updated } = await importCatalogRows(db, csv, opts);
  return { imported, updated };
}

/** importCatalogCsv, also saying how far it got: the app's job, which may be asked to stop (`shouldStop`). */
export async function importCatalogRows(
  db: Database,
  csv: string | AsyncIterable<string>,
  opts: ImportOptions,
): Promise<ImportOutcome> {
  const staging = createStaging(db);
  try {
    let parked: StagedRow[] = [];
    const checked = await checkCsvRows(db, csv, opts, (row, clean) => {
      opts.onRow?.(row);
      // Once anything is wrong nothing will be written: checking goes on, pinyin and parking stop.
      if (!clean) {
        parked = [];
        return;
      }
      parked.push({ ...row, keys: pinyinKeys(row.name) });
      if (parked.length >= STAGE_ROWS) {
        staging.add(parked);
        parked = [];
      }
    });
    if (checked.stopped) return { imported: 0, updated: 0, written: 0, total: 0, stopped: true };
    if (checked.errorTotal > 0) fail(checked.errors, checked.errorTotal);
    staging.add(parked);
    opts.beforeWrite?.();
    return await write(db, staging, opts);
  } finally {
    staging.drop();
  }
}

/**
 * Writes the parked rows in file order. A file of at most IMPORT_BATCH_ROWS rows: one transaction. A larger
 * one: transactions of at most IMPORT_BATCH_ROWS rows that also end once they have held the write lock for
 * BATCH_BUDGET_MS (so a slow, busy machine makes them smaller, not longer), the lock free in between.
 */
async function write(db: Database, staging: Staging, opts: ImportOptions): Promise<ImportOutcome> {
  const repo = catalogRepository(db);
  const now = opts.now();
  const upsert = opts.newId ? { now, newId: opts.newId } : { now };
  const batchRows = opts.batchRows ?? IMPORT_BATCH_ROWS;
  const budgetMs = staging.count <= batchRows ? Infinity : BATCH_BUDGET_MS;
  let imported = 0;
  let updated = 0;
  /** Writes rows from the start of `rows` until the budget is spent; returns how many. */
  const writeBatch = db.transaction((rows: readonly StagedRow[], t0: number): number => {
    let written = 0;
    while (written < rows.length && (written === 0 || performance.now() - t0 < budgetMs)) {
      const chunk = rows.slice(written, written + CHUNK_ROWS);
      // Codes may move between SKUs of this file. These products give theirs up, and the codes they claim
      // are taken from whoever holds them: by the checks, only products further on in this file, which get
      // their own codes when their turn comes.
      repo.releaseCodes(chunk.map((r) => r.sku));
      repo.freeCodes(
        chunk.flatMap((r) => r.barcodes),
        chunk.flatMap((r) => (r.scaleItemCode === null ? [] : [r.scaleItemCode])),
      );
      for (const r of chunk) {
        const { inserted } = repo.upsertProduct(r, { ...upsert, keys: r.keys });
        if (inserted) imported++;
        else updated++;
      }
      written += chunk.length;
    }
    return written;
  });
  let done = 0;
  let afterLine = 0;
  let heldMs = 0;
  for (;;) {
    const rows = staging.batch(afterLine, batchRows);
    if (rows.length === 0) break;
    if (done > 0) await sleep(lockGapMs(heldMs));
    // Between two transactions: every product written so far is whole, with its codes.
    if (opts.shouldStop?.()) return { imported, updated, written: done, total: staging.count, stopped: true };
    const t0 = performance.now();
    const written = writeBatch.immediate(rows, t0);
    heldMs = performance.now() - t0;
    done += written;
    afterLine = (rows[written - 1] as StagedRow).line;
    opts.onProgress?.(done, staging.count);
  }
  return { imported, updated, written: done, total: staging.count, stopped: false };
}

function fail(errors: readonly CsvLineError[], total: number): never {
  throw new PosFailure(
    'CSV_INVALID',
    `${total} error${total === 1 ? '' : 's'} in the catalog CSV; nothing was imported.`,
    { errors: [...errors], total },
  );
}
