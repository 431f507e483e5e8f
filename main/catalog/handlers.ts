// The catalog.* channels. An import is approved by a manager (catalog.import) and journaled twice: when it is
// approved (the file's name, hash, encoding and what the preview says it changes, and who approved), and when
// it has finished, been cancelled or failed (what was written).
import type { Handlers } from '../ipc/dispatcher';
import type { ApprovedActionJournal } from '../staff/approved-action';
import type { Approvals, Approver } from '../staff/approvals';
import type { Catalog } from './catalog-runtime';

export type CatalogChannels =
  'catalog.search' | 'catalog.importPreview' | 'catalog.importRun' | 'catalog.importCancel';

export interface CatalogHandlerDeps {
  readonly catalog: Catalog;
  readonly approvals: Approvals;
  readonly journal: ApprovedActionJournal;
}

export function catalogHandlers({
  catalog,
  approvals,
  journal,
}: CatalogHandlerDeps): Pick<Handlers, CatalogChannels> {
  const { search, importer } = catalog;
  return {
    'catalog.search': ({ query, limit }) => search.search(query, limit ?? 20),
    'catalog.importPreview': ({ fileName, bytes }) => importer.preview(fileName, bytes),
    'catalog.importRun': async ({ importId, approval }) => {
      let approver: Approver | null = null;
      try {
        return await importer.run(importId, {
          start: (f) => {
            approver = approvals.approve('catalog.import', approval);
            journal('catalog.import', approver, {
              importId,
              fileName: f.fileName,
              bytes: f.bytes,
              sha256: f.sha256,
              encoding: f.encoding,
              counts: f.counts,
            });
          },
          finish: (f, outcome) => {
            if (approver === null) return;
            journal(
              'catalog.import-finished',
              approver,
              'status' in outcome
                ? { sha256: f.sha256, ...outcome }
                : {
                    importId,
                    sha256: f.sha256,
                    status: 'failed',
                    code: outcome.code,
                    message: outcome.message,
                  },
            );
          },
        });
      } finally {
        // Rows may have been written (also by a cancelled run): the index is rebuilt without stopping the till.
        if (approver !== null) await search.refreshInSlices();
      }
    },
    'catalog.importCancel': ({ importId }) => importer.cancel(importId),
  };
}
