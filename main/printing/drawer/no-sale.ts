// "No sale": the cashier opens the drawer without a sale (change for a note, a float check). The reason is
// written to the hash-chained journal in the same transaction as the drawer job, so every open of the drawer
// is either a cash sale or a journalled no-sale. TODO(users): when users arrive, require the permission here.
import type Database from 'better-sqlite3';
import type { PrintJobRef } from '../../api/contract';
import { appendJournal } from '../../audit/journal';
import { enqueueDrawer } from '../queue/enqueue';

export interface NoSaleDeps {
  readonly db: Database.Database;
  readonly now: () => Date;
  readonly onQueued?: () => void;
}

export function createNoSaleDrawer(deps: NoSaleDeps): (reason: string) => PrintJobRef {
  const { db } = deps;
  const tx = db.transaction((reason: string): PrintJobRef => {
    const now = deps.now();
    const jobId = enqueueDrawer(db, { now });
    appendJournal(db, {
      at: now.toISOString(),
      kind: 'drawer.no-sale',
      ref: String(jobId),
      body: { reason, jobId },
    });
    return { jobId };
  });
  return (reason) => {
    const ref = tx.immediate(reason);
    deps.onQueued?.();
    return ref;
  };
}
