// Assembles the catalog capability: at start-up the tax categories from config.json (and in training mode the
// demo catalog), then the search index and the importer of files chosen in the UI.
import type { ImportProgress } from '../api/contract';
import type { PosConfig } from '../config/config';
import { DEFAULT_TAX_CATEGORIES } from '../config/config';
import type { Database } from '../store/db';
import { seedDemoCatalog } from './demo';
import { createCatalogImporter, type CatalogImporter } from './importer';
import { createCatalogSearch, type CatalogSearch } from './search';
import { syncTaxCategories } from './tax-categories';

export interface Catalog {
  readonly search: CatalogSearch;
  readonly importer: CatalogImporter;
  /** Stops a running import between two write transactions and deletes staged files. */
  stop(): Promise<void>;
}

export function createCatalog(d: {
  db: Database;
  config: PosConfig;
  now: () => Date;
  /** Staged import files go to its temp area (importer.ts). */
  dataDir: string;
  /** seed the demo catalog: a new training store */
  seedDemo: boolean;
  onImportProgress: (p: ImportProgress) => void;
}): Catalog {
  const { db, config, now } = d;
  syncTaxCategories(db, config.taxCategories ?? DEFAULT_TAX_CATEGORIES);
  // Only a store starting training for the first time gets demo goods (main/training/training-start.ts).
  if (d.seedDemo) seedDemoCatalog(db, now);
  // Imports are checked and written in worker threads on their own connections to the same file.
  const importer = createCatalogImporter({
    file: db.name,
    dataDir: d.dataDir,
    currency: config.currency,
    rules: config.variableMeasureRules,
    now,
    onProgress: d.onImportProgress,
  });
  return { search: createCatalogSearch(db), importer, stop: () => importer.close() };
}
