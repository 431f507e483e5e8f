// Assembles the catalog capability: at start-up the tax categories from config.json (and in training mode the
// demo catalog), then the search index and the CSV importer.
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
}

export function createCatalog(d: { db: Database; config: PosConfig; now: () => Date }): Catalog {
  const { db, config, now } = d;
  syncTaxCategories(db, config.taxCategories ?? DEFAULT_TAX_CATEGORIES);
  if (config.trainingMode) seedDemoCatalog(db, now);
  return {
    search: createCatalogSearch(db),
    // Imports are checked and written in a worker thread on their own connection to the same file.
    importer: createCatalogImporter({
      file: db.name,
      currency: config.currency,
      rules: config.variableMeasureRules,
      now,
    }),
  };
}
