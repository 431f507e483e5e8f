// The catalog.* channels.
import type { Handlers } from '../ipc/dispatcher';
import type { Catalog } from './catalog-runtime';

export type CatalogChannels = 'catalog.search' | 'catalog.importCsv';

export function catalogHandlers({ search, importer }: Catalog): Pick<Handlers, CatalogChannels> {
  return {
    'catalog.search': ({ query, limit }) => search.search(query, limit ?? 20),
    'catalog.importCsv': async ({ csv }) => {
      const report = await importer.importCsv(csv);
      await search.refreshInSlices(); // a large catalog's index is rebuilt without stopping the till
      return report;
    },
  };
}
