// Creating print jobs. Always inside the caller's transaction (the sale commit, a "no sale" drawer open), so
// the job commits or rolls back with the fact it prints: a committed sale always has its receipt job, and a
// failed one leaves neither.
import type Database from 'better-sqlite3';
import { PosFailure } from '../../api/result';
import type { PrintJobKind } from './states';

export interface EnqueueReceiptInput {
  readonly saleId: string;
  /** a reprint: printed marked 重印 / COPY */
  readonly copy: boolean;
  readonly now: Date;
}

export interface EnqueueDrawerInput {
  readonly now: Date;
}

const cache = new WeakMap<Database.Database, Database.Statement>();

function insert(
  db: Database.Database,
  kind: PrintJobKind,
  saleId: string | null,
  copy: boolean,
  now: Date,
): number {
  if (!db.inTransaction) {
    throw new PosFailure('INTERNAL', 'print jobs are enqueued inside the transaction of the fact they print');
  }
  let stmt = cache.get(db);
  if (stmt === undefined) {
    stmt = db.prepare(`INSERT INTO print_jobs (kind, sale_id, copy, state, attempts, next_attempt_at,
        created_at, updated_at) VALUES (?, ?, ?, 'queued', 0, ?, ?, ?)`);
    cache.set(db, stmt);
  }
  const at = now.toISOString();
  return Number(stmt.run(kind, saleId, copy ? 1 : 0, at, at, at).lastInsertRowid);
}

/** Queues the receipt of `saleId`; returns the job id. */
export function enqueueReceipt(db: Database.Database, input: EnqueueReceiptInput): number {
  return insert(db, 'receipt', input.saleId, input.copy, input.now);
}

/** Queues a cash-drawer kick (ESC p); returns the job id. */
export function enqueueDrawer(db: Database.Database, input: EnqueueDrawerInput): number {
  return insert(db, 'drawer', null, false, input.now);
}
