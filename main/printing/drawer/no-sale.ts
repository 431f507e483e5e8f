// "No sale": the cashier opens the drawer without a sale (change for a note, a float check). The reason is
// written to the hash-chained journal in the same transaction as the drawer job, so every open of the drawer
// is either a cash sale or a journalled no-sale. It is a permission of its own (drawer.noSale): the caller
// passes the manager's approval, and the journal entry names the approver. Each adds one to the day's no-sale
// count for the shift and cashier at the till (main/totals/counted-events.ts), in the same transaction.
import type { Database } from '../../store/db';
import type { PrintJobRef } from '../../api/contract';
import { appendJournal } from '../../audit/journal';
import { approvedBy, type Approver } from '../../staff/approvals';
import { PosFailure } from '../../api/result';
import type { Attribution } from '../../totals/day-totals';
import { createEventCounter, nobody } from '../../totals/counted-events';
import { enqueueDrawer } from '../queue/enqueue';

export interface NoSaleDeps {
  readonly db: Database;
  readonly now: () => Date;
  readonly onQueued?: () => void;
  /** the till's shift and signed-in cashier now (sale's till gate, from the host); none: nobody's */
  readonly attribution?: (() => Attribution) | undefined;
}

export function createNoSaleDrawer(deps: NoSaleDeps): (reason: string, approver: Approver) => PrintJobRef {
  const { db } = deps;
  const count = createEventCounter(db);
  const who = deps.attribution ?? nobody;
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
    count('noSale', who());
    return { jobId };
  });
  return (reason, approver) => {
    const ref = tx.immediate(reason, approver);
    deps.onQueued?.();
    return ref;
  };
}
