// "No sale": the cashier opens the drawer without a sale (change for a note, a float check). The reason is
// written to the hash-chained journal in the same transaction as the drawer job, so every open of the drawer
// is either a cash sale or a journalled no-sale. It is a permission of its own (drawer.noSale): the caller
// passes the manager's approval, and the journal entry names the approver.
import type { Database } from '../../store/db';
import type { PrintJobRef } from '../../api/contract';
import { appendJournal } from '../../audit/journal';
import { approvedBy, type Approver } from '../../staff/approvals';
import { PosFailure } from '../../api/result';
import { enqueueDrawer } from '../queue/enqueue';

export interface NoSaleDeps {
  readonly db: Database;
  readonly now: () => Date;
  readonly onQueued?: () => void;
}

export function createNoSaleDrawer(deps: NoSaleDeps): (reason: string, approver: Approver) => PrintJobRef {
  const { db } = deps;
  const tx = db.transaction((reason: string, approver: Approver): PrintJobRef => {
    if (approver.permission !== 'drawer.noSale') {
      throw new PosFailure('INTERNAL', `a no-sale needs drawer.noSale, got ${approver.permission}`);
    }
    const now = deps.now();
    const jobId = enqueueDrawer(db, { now });
    appendJournal(db, {
      at: now.toISOString(),
      kind: 'drawer.no-sale',
      ref: String(jobId),
      body: { reason, jobId, approvedBy: approvedBy(approver) },
    });
    return { jobId };
  });
  return (reason, approver) => {
    const ref = tx.immediate(reason, approver);
    deps.onQueued?.();
    return ref;
  };
}
