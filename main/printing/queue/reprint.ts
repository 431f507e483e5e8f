// Reprints: a copy job for an already completed sale, journalled in the same transaction (a reprinted receipt
// is what a fraudulent return is made with, so loss prevention wants to see every one).
import type Database from 'better-sqlite3';
import type { PrintJobRef } from '../../api/contract';
import { PosFailure } from '../../api/result';
import { appendJournal } from '../../audit/journal';
import { enqueueReceipt } from './enqueue';

export interface ReprintDeps {
  readonly db: Database.Database;
  readonly now: () => Date;
  readonly saleExists: (saleId: string) => boolean;
  readonly lastSaleId: () => string | null;
  /** called after the commit, to wake the worker */
  readonly onQueued?: () => void;
}

export interface Reprints {
  reprint(saleId: string, by: 'cashier' | 'manager'): PrintJobRef;
  reprintLast(): PrintJobRef;
}

export function createReprints(deps: ReprintDeps): Reprints {
  const { db } = deps;
  const tx = db.transaction((saleId: string, by: string): PrintJobRef => {
    if (!deps.saleExists(saleId)) throw new PosFailure('NOT_FOUND', `No sale ${saleId}`, { saleId });
    const now = deps.now();
    const jobId = enqueueReceipt(db, { saleId, copy: true, now });
    appendJournal(db, { at: now.toISOString(), kind: 'receipt.reprint', ref: saleId, body: { jobId, by } });
    return { jobId };
  });
  const reprint = (saleId: string, by: 'cashier' | 'manager'): PrintJobRef => {
    const ref = tx.immediate(saleId, by);
    deps.onQueued?.();
    return ref;
  };
  return {
    reprint,
    reprintLast: () => {
      const saleId = deps.lastSaleId();
      if (saleId === null) throw new PosFailure('NOT_FOUND', 'No sale to reprint yet');
      return reprint(saleId, 'cashier');
    },
  };
}
