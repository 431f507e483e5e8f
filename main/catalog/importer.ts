// The app's side of the catalog import: writes the file to a temporary file in small pieces (each encoded
// between two turns of the event loop), hands it to the 'catalog.import' worker job and waits without
// blocking the event loop. One import at a time: a second waits for the first, so two files never interleave
// their write batches.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ImportReport } from '../api/contract';
import { runJob } from '../workers/run-job';
import type { VariableMeasureRule } from './variable-measure';

export interface CatalogImporterOptions {
  /** The store file the worker opens its own connection to. */
  readonly file: string;
  readonly currency: string;
  readonly rules: readonly VariableMeasureRule[] | null;
  readonly now: () => Date;
}

export interface CatalogImporter {
  importCsv(csv: string): Promise<ImportReport>;
}

/** Characters encoded and written at a time: well under a millisecond each. */
const WRITE_CHARS = 64 * 1024;

export function createCatalogImporter(opts: CatalogImporterOptions): CatalogImporter {
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (csv: string): Promise<ImportReport> => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'counterpos-import-'));
    try {
      const csvFile = path.join(dir, 'catalog.csv');
      const out = await fs.open(csvFile, 'w');
      try {
        for (let at = 0; at < csv.length; at += WRITE_CHARS) await out.write(csv.slice(at, at + WRITE_CHARS));
      } finally {
        await out.close();
      }
      return await runJob('catalog.import', {
        file: opts.file,
        csvFile,
        now: opts.now().toISOString(),
        currency: opts.currency,
        rules: opts.rules,
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  };
  return {
    importCsv(csv) {
      const result = queue.then(() => run(csv));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
