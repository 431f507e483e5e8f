// Creating print jobs. Always inside the caller's transaction (the sale commit, a refund, a "no sale" drawer
// open), so the job commits or rolls back with the fact it prints: a committed sale always has its receipt
// job, a committed refund its slip, and a failed one leaves neither.
import type { Database, Statement } from '../../store/db';
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

export interface EnqueueRefundInput {
  readonly refundId: string;
  readonly now: Date;
}

interface JobRow {
  readonly kind: PrintJobKind;
  readonly saleId: string | null;
  readonly refundId: string | null;
  readonly copy: boolean;
}

const cache = new WeakMap<Database, Statement>();

function insert(db: Database, row: JobRow, now: Date): number {
  if (!db.inTransaction) {
    throw new PosFailure('INTERNAL', 'print jobs are enqueued inside the transaction of the fact they print');
  }
  let stmt = cache.get(db);
  if (stmt === undefined) {
    stmt =
      db.prepare(`INSERT INTO print_jobs (kind, sale_id, refund_id, copy, state, attempts, next_attempt_at,
        created_at, updated_at) VALUES (?, ?, ?, ?, 'queued', 0, ?, ?, ?)`);
    cache.set(db, stmt);
  }
  const at = now.toISOString();
  return Number(stmt.run(row.kind, row.saleId, row.refundId, row.copy ? 1 : 0, at, at, at).lastInsertRowid);
}

const saleJobs = new WeakMap<Database, Statement>();

/**
 * A new sale's jobs: its drawer kick (when asked: cash) ahead of its receipt, so the drawer opens while the
 * receipt prints. One statement for both: this runs in every sale commit.
 */
export function enqueueSaleJobs(
  db: Database,
  input: { readonly saleId: string; readonly kickDrawer: boolean; readonly now: Date },
): void {
  if (!input.kickDrawer) {
    enqueueReceipt(db, { saleId: input.saleId, copy: false, now: input.now });
    return;
  }
  if (!db.inTransaction) {
    throw new PosFailure('INTERNAL', 'print jobs are enqueued inside the transaction of the fact they print');
  }
  let stmt = saleJobs.get(db);
  if (stmt === undefined) {
    // Rows are inserted in VALUES order: the drawer job gets the lower id (the queue is FIFO by id).
    stmt =
      db.prepare(`INSERT INTO print_jobs (kind, sale_id, copy, state, attempts, next_attempt_at, created_at,
        updated_at) VALUES ('drawer', NULL, 0, 'queued', 0, ?, ?, ?), ('receipt', ?, 0, 'queued', 0, ?, ?, ?)`);
    saleJobs.set(db, stmt);
  }
  const at = input.now.toISOString();
  stmt.run(at, at, at, input.saleId, at, at, at);
}

/** Queues the receipt of `saleId`; returns the job id. */
export function enqueueReceipt(db: Database, input: EnqueueReceiptInput): number {
  return insert(db, { kind: 'receipt', saleId: input.saleId, refundId: null, copy: input.copy }, input.now);
}

/** Queues a cash-drawer kick (ESC p); returns the job id. */
export function enqueueDrawer(db: Database, input: EnqueueDrawerInput): number {
  return insert(db, { kind: 'drawer', saleId: null, refundId: null, copy: false }, input.now);
}

/**
 * Queues the slip of `refundId` (printed only once the refund is completed); returns the job id. A cash refund
 * queues its drawer kick first (enqueueDrawer), so the drawer opens while the slip prints.
 */
export function enqueueRefund(db: Database, input: EnqueueRefundInput): number {
  return insert(db, { kind: 'refund', saleId: null, refundId: input.refundId, copy: false }, input.now);
}
