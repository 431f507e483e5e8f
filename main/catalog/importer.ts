// The app's side of the catalog import: hands the file to the 'catalog.import' worker job and waits for it
// without blocking the event loop. One import at a time: a second waits for the first, so two files never
// interleave their write batches.
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

export function createCatalogImporter(opts: CatalogImporterOptions): CatalogImporter {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    importCsv(csv) {
      const run = (): Promise<ImportReport> =>
        runJob('catalog.import', {
          file: opts.file,
          csv,
          now: opts.now().toISOString(),
          currency: opts.currency,
          rules: opts.rules,
        });
      const result = queue.then(run);
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
