// store.check and store.backup: the store's checks and backups on demand, each approved by a manager and
// journalled (a check before it runs, a backup once its file exists), run in worker threads (maintenance.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../ipc/dispatcher';
import type { ApprovedActionJournal } from '../staff/approved-action';
import type { Approvals } from '../staff/approvals';
import type { Maintenance } from './maintenance';

export type StoreChannels = 'store.check' | 'store.backup';

export interface StoreHandlerDeps {
  readonly maintenance: Pick<Maintenance, 'runNow' | 'backup'>;
  readonly approvals: Approvals;
  readonly journal: ApprovedActionJournal;
}

export function storeHandlers({
  maintenance,
  approvals,
  journal,
}: StoreHandlerDeps): Pick<Handlers, StoreChannels> {
  return {
    'store.check': async ({ mode, approval }) => {
      const approver = approvals.approve('store.maintenance', approval);
      journal('store.check-requested', approver, { mode: mode ?? 'integrity' });
      return maintenance.runNow(mode ?? 'integrity');
    },
    'store.backup': async ({ approval }) => {
      const approver = approvals.approve('store.maintenance', approval);
      const file = await maintenance.backup();
      journal('store.backup', approver, { file: path.basename(file) });
      return { file, bytes: fs.statSync(file).size };
    },
  };
}
