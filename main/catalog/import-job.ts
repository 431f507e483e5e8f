// The catalog import as a worker job ('catalog.import' in main/jobs/jobs.ts): the store opened on this
// thread's own connection, the file checked and written there, so the main event loop keeps answering
// scans and sales meanwhile. A SQLite failure (disk full, locked) comes back as its typed error.
import fs from 'node:fs';
import type { ImportReport } from '../api/contract';
import { openDatabase } from '../store/db';
import { mapSqliteError } from '../store/errors';
import { timeOrderedId } from '../store/ids';
import type { JobContext } from '../jobs/jobs';
import { importCatalogCsv } from './csv-import';
import type { VariableMeasureRule } from './variable-measure';

const CSV_READ_BYTES = 64 * 1024;

export interface CatalogImportInput {
  /** The store file (pos.sqlite in the data folder). */
  readonly file: string;
  /**
   * The CSV, written to a file by the app (importer.ts): read here in pieces, it never crosses the thread
   * boundary as one 10-50 MB string (cloning that would stop the main thread for tens of ms).
   */
  readonly csvFile: string;
  /** The import's time (ISO 8601), from the host's clock: every row gets it as updated_at. */
  readonly now: string;
  readonly currency: string;
  readonly rules: readonly VariableMeasureRule[] | null;
}

export async function runCatalogImport(input: CatalogImportInput, ctx: JobContext): Promise<ImportReport> {
  const db = openDatabase(input.file);
  try {
    const csv = fs.createReadStream(input.csvFile, { encoding: 'utf8', highWaterMark: CSV_READ_BYTES });
    return await importCatalogCsv(db, csv as AsyncIterable<string>, {
      now: () => new Date(input.now),
      currency: input.currency,
      rules: input.rules,
      // Time-ordered ids append new products at the right edge of their B-trees (docs/decisions/0012).
      newId: () => timeOrderedId(),
      onProgress: (done, total) => ctx.progress(done, total),
    });
  } catch (e) {
    throw mapSqliteError(e, { file: input.file }) ?? e;
  } finally {
    db.close();
  }
}
