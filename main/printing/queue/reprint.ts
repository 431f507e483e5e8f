// Reprints: a copy job for an already completed sale, journalled in the same transaction (a reprinted receipt
// is what a fraudulent return is made with, so loss prevention wants to see every one), and counted in the
// day's totals for the shift and cashier at the till (main/totals/counted-events.ts).
import type { Database } from '../../store/db';
import type { PrintJobRef } from '../../api/contract';
import { PosFailure } from '../../api/result';
import { appendJournal } from '../../audit/journal';
import { approvedBy, type Approver, type SignedInRef } from '../../staff/approvals';
import type { Attribution } from '../../totals/day-totals';
import { createEventCounter, nobody } from '../../totals/counted-events';
import { enqueueReceipt } from './enqueue';

export interface ReprintDeps {
  readonly db: Database;
  readonly now: () => Date;
  readonly saleExists: (saleId: string) => boolean;
  readonly lastSaleId: () => string | null;
  /** called after the commit, to wake the worker */
  readonly onQueued?: () => void;
  /** who is signed in at the till: named on a cashier's reprint (a manager's names them in approvedBy) */
  readonly signedIn?: (() => SignedInRef | null) | undefined;
  /** the till's shift and signed-in cashier now (sale's till gate, from the host); none: nobody's */
  readonly attribution?: (() => Attribution) | undefined;
}

export interface Reprints {
  /** Any past sale: needs a manager's approval (receipt.reprintAny), named in the journal. */
  reprint(saleId: string, approver: Approver): PrintJobRef;
  /** The cashier's own last sale: no approval (the customer at the counter asks for it). */
  reprintLast(): PrintJobRef;
}

export function createReprints(deps: ReprintDeps): Reprints {
  const { db } = deps;
  const count = createEventCounter(db);
  const who = deps.attribution ?? nobody;
  const tx = db.transaction((saleId: string, approver: Approver | null): PrintJobRef => {
    if (approver !== null && approver.permission !== 'receipt.reprintAny') {
      throw new PosFailure('INTERNAL', `a reprint needs receipt.reprintAny, got ${approver.permission}`);
    }
    if (!deps.saleExists(saleId)) throw new PosFailure('NOT_FOUND', `No sale ${saleId}`, { saleId });
    const now = deps.now();
    const jobId = enqueueReceipt(db, { saleId, copy: true, now });
    const signedIn = deps.signedIn?.() ?? null;
    const body =
      approver === null
        ? { jobId, by: 'cashier', ...(signedIn ? { signedIn } : {}) }
        : { jobId, by: 'manager', approvedBy: approvedBy(approver) };
    appendJournal(db, { at: now.toISOString(), kind: 'receipt.reprint', ref: saleId, body });
    count('reprint', who());
    return { jobId };
  });
  const run = (saleId: string, approver: Approver | null): PrintJobRef => {
    const ref = tx.immediate(saleId, approver);
    deps.onQueued?.();
    return ref;
  };
  return {
    reprint: (saleId, approver) => run(saleId, approver),
    reprintLast: () => {
      const saleId = deps.lastSaleId();
      if (saleId === null) throw new PosFailure('NOT_FOUND', 'No sale to reprint yet');
      return run(saleId, null);
    },
  };
}
