// The catalog import's worker jobs ('catalog.preview' and 'catalog.import' in main/jobs/jobs.ts): the staged
// file read, hashed and decoded here, every row checked (and, for the import, written) on this thread's own
// connection, so the main event loop keeps answering scans and sales meanwhile. A SQLite failure (disk full,
// locked) comes back as its typed error.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ImportCounts, ImportPreview, ImportPreviewRow } from '../api/contract';
import { MAX_IMPORT_BYTES } from '../api/contract';
import { PosFailure } from '../api/result';
import { openDatabase, type Database } from '../store/db';
import { mapSqliteError } from '../store/errors';
import { timeOrderedId } from '../store/ids';
import type { JobContext } from '../jobs/jobs';
import { checkCsvRows } from './csv-check';
import type { CsvRow } from './csv-columns';
import { decodeCsvBytes, type DecodedFile } from './csv-encoding';
import { importCatalogRows } from './csv-import';
import { CsvReadError } from './csv-read';
import { tallyChanges } from './import-diff';
import { controlOf, enterWriting, stopRequested } from './import-control';
import type { VariableMeasureRule } from './variable-measure';

interface StagedFileInput {
  /** The store file (pos.sqlite in the data folder). */
  readonly file: string;
  /** The file as chosen, staged byte for byte in the data folder's temp area by the app (importer.ts). */
  readonly csvFile: string;
  readonly currency: string;
  readonly rules: readonly VariableMeasureRule[] | null;
}

export interface CatalogPreviewInput extends StagedFileInput {
  /** The chosen file in base64, as it came from the screen: decoded and staged (at csvFile) here, off main. */
  readonly base64: string;
  /** How many good rows to send back to be shown. */
  readonly previewRows: number;
}

/** The worker's part of a preview (main adds the id, the file name and the expiry). */
export type CatalogPreviewOutput = Omit<ImportPreview, 'importId' | 'fileName' | 'expiresAt'>;

export interface CatalogImportInput extends StagedFileInput {
  /** The import's time (ISO 8601), from the host's clock: every row gets it as updated_at. */
  readonly now: string;
  /** The hash the manager approved (the preview's): a file changed since is refused. */
  readonly sha256: string;
  /** import-control.ts: STOP and PHASE, shared with main. */
  readonly control: SharedArrayBuffer;
}

export interface CatalogImportOutput {
  readonly counts: ImportCounts;
  readonly written: number;
  readonly total: number;
  readonly stopped: boolean;
}

export async function previewCatalogImport(
  input: CatalogPreviewInput,
  ctx: JobContext,
): Promise<CatalogPreviewOutput> {
  stage(input.base64, input.csvFile);
  const { bytes, sha256, decoded } = readStaged(input.csvFile);
  return withStore(input.file, async (db) => {
    const rows: ImportPreviewRow[] = [];
    const tally = tallyChanges(db, (row, change) => {
      if (rows.length < input.previewRows) rows.push(previewRow(row, change));
    });
    const checked = await checkCsvRows(
      db,
      decoded.text,
      { ...input, onChecked: (n) => ctx.progress(n, 0) },
      (row) => tally.add(row),
    );
    tally.finish();
    return {
      sha256,
      bytes,
      encoding: decoded.encoding,
      rowCount: checked.dataRows,
      counts: { ...tally.counts },
      rows,
      errors: checked.errors,
      errorTotal: checked.errorTotal,
    };
  });
}

export async function runCatalogImport(
  input: CatalogImportInput,
  ctx: JobContext,
): Promise<CatalogImportOutput> {
  const { sha256, decoded } = readStaged(input.csvFile);
  if (sha256 !== input.sha256)
    throw new PosFailure('CSV_INVALID', 'The staged file changed after its preview; preview it again.', {
      reason: 'changed',
    });
  const control = controlOf(input.control);
  return withStore(input.file, async (db) => {
    const tally = tallyChanges(db);
    const outcome = await importCatalogRows(db, decoded.text, {
      now: () => new Date(input.now),
      currency: input.currency,
      rules: input.rules,
      // Time-ordered ids append new products at the right edge of their B-trees (docs/decisions/0012).
      newId: () => timeOrderedId(),
      shouldStop: () => stopRequested(control),
      onChecked: (n) => ctx.progress(n, 0),
      onRow: (row: CsvRow) => tally.add(row),
      // Every row is classified against the catalog as it was before this import writes anything.
      beforeWrite: () => tally.finish(),
      onProgress: (done, of) => {
        enterWriting(control);
        ctx.progress(done, of);
      },
    });
    tally.finish();
    return {
      counts: { ...tally.counts },
      written: outcome.written,
      total: outcome.total,
      stopped: outcome.stopped,
    };
  });
}

/** Decodes the chosen file's bytes and stages them, readable by this user only. */
function stage(base64: string, csvFile: string): void {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new PosFailure('CSV_INVALID', `The file is larger than ${MAX_IMPORT_BYTES} bytes`, {
      reason: 'too-large',
      bytes: bytes.length,
    });
  fs.writeFileSync(csvFile, bytes, { mode: 0o600 });
}

function readStaged(csvFile: string): { bytes: number; sha256: string; decoded: DecodedFile } {
  const bytes = fs.readFileSync(csvFile);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    return { bytes: bytes.length, sha256, decoded: decodeCsvBytes(bytes) };
  } catch (e) {
    if (!(e instanceof CsvReadError)) throw e;
    throw new PosFailure('CSV_INVALID', `The file cannot be read as text: ${e.reason}`, {
      reason: 'encoding',
      errors: [{ line: e.line, column: null, reason: e.reason }],
      total: 1,
    });
  }
}

async function withStore<T>(file: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = openDatabase(file);
  try {
    return await fn(db);
  } catch (e) {
    throw mapSqliteError(e, { file }) ?? e;
  } finally {
    db.close();
  }
}

function previewRow(row: CsvRow, change: ImportPreviewRow['change']): ImportPreviewRow {
  return {
    line: row.line,
    sku: row.sku,
    name: row.name,
    nameEn: row.nameEn,
    priceMinor: row.priceMinor,
    unit: row.unit,
    taxCategoryId: row.taxCategoryId,
    barcodes: row.barcodes,
    scaleItemCode: row.scaleItemCode,
    active: row.active ?? null,
    change,
  };
}
