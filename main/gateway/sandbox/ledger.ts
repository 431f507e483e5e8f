// The sandbox's ledger: payments, refunds, QR orders, idempotency records, seen nonces and heartbeats in one
// SQLite database (a file under dataDir, opened durably through the app's openDatabase, or in memory).
// Plain statements only; the rules live in the handlers. Everything is scoped by terminal.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { SaleUpload } from '../protocol/schemas';
import { openDatabase, type Database } from '../../store/db';
import { migrateLedger } from './ledger-schema';
import {
  PAYMENT_COLUMNS,
  QR_COLUMNS,
  REFUND_COLUMNS,
  paymentOf,
  type PaymentRow,
  type QrOrderRow,
  type Raw,
  type RefundRow,
  type StoredResponse,
} from './ledger-rows';
export {
  paymentView,
  qrOrderView,
  refundView,
  type PaymentRow,
  type PaymentStatus,
  type QrOrderRow,
  type QrOutcome,
  type QrStatus,
  type RefundKind,
  type RefundRow,
  type StoredResponse,
} from './ledger-rows';

export const LEDGER_FILE = 'sandbox-ledger.sqlite';

export class Ledger {
  readonly db: Database;

  private constructor(db: Database) {
    this.db = db;
    migrateLedger(db);
  }

  /** dataDir null: an in-memory ledger that vanishes on close (tests, demos). */
  static open(dataDir: string | null): Ledger {
    if (dataDir === null) {
      const db = new BetterSqlite3(':memory:');
      db.pragma('foreign_keys = ON');
      return new Ledger(db);
    }
    return new Ledger(openDatabase(path.join(dataDir, LEDGER_FILE)));
  }

  close(): void {
    this.db.close();
  }

  /** Runs `fn` in one transaction (a savepoint when nested). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // --- nonces -------------------------------------------------------------------------------------

  /** True when the nonce is new for this terminal (and now remembered). */
  rememberNonce(terminalId: string, nonce: string, tsMs: number): boolean {
    const r = this.db
      .prepare('INSERT OR IGNORE INTO nonces (terminal_id, nonce, ts_ms) VALUES (?, ?, ?)')
      .run(terminalId, nonce, tsMs);
    return r.changes === 1;
  }

  pruneNonces(olderThanMs: number): void {
    this.db.prepare('DELETE FROM nonces WHERE ts_ms < ?').run(olderThanMs);
  }

  // --- idempotency --------------------------------------------------------------------------------

  storedResponse(terminalId: string, key: string): StoredResponse | undefined {
    return this.db
      .prepare('SELECT fingerprint, route, status, body FROM idempotency WHERE terminal_id = ? AND key = ?')
      .get(terminalId, key) as StoredResponse | undefined;
  }

  storeResponse(terminalId: string, key: string, r: StoredResponse, createdMs: number): void {
    this.db
      .prepare(
        `INSERT INTO idempotency (terminal_id, key, fingerprint, route, status, body, created_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(terminalId, key, r.fingerprint, r.route, r.status, r.body, createdMs);
  }

  pruneIdempotency(olderThanMs: number): void {
    this.db.prepare('DELETE FROM idempotency WHERE created_ms < ?').run(olderThanMs);
  }

  // --- payments -----------------------------------------------------------------------------------

  insertPayment(p: PaymentRow): void {
    this.db
      .prepare(
        `INSERT INTO payments (payment_id, terminal_id, reference, status, authorized_minor, amount_minor,
           currency, captured, auth_code, response_code, message, brand, bin, last4, entry_mode, sale_ref,
           stored_offline, refunded_minor, created_at)
         VALUES (@paymentId, @terminalId, @reference, @status, @authorizedMinor, @amountMinor, @currency,
           @captured, @authCode, @responseCode, @message, @brand, @bin, @last4, @entryMode, @saleRef,
           @storedOffline, @refundedMinor, @createdAt)`,
      )
      .run({ ...p, captured: p.captured ? 1 : 0, storedOffline: p.storedOffline ? 1 : 0 });
  }

  updatePayment(
    paymentId: string,
    change: Partial<Pick<PaymentRow, 'status' | 'amountMinor' | 'captured' | 'refundedMinor'>>,
  ): void {
    const current = this.paymentById(paymentId);
    if (!current) throw new Error(`payment ${paymentId} vanished`);
    const next = { ...current, ...change };
    this.db
      .prepare(
        `UPDATE payments SET status = ?, amount_minor = ?, captured = ?, refunded_minor = ?
         WHERE payment_id = ?`,
      )
      .run(next.status, next.amountMinor, next.captured ? 1 : 0, next.refundedMinor, paymentId);
  }

  paymentById(paymentId: string): PaymentRow | undefined {
    const r = this.db
      .prepare(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE payment_id = ?`)
      .get(paymentId) as Raw<PaymentRow> | undefined;
    return r && paymentOf(r);
  }

  paymentByReference(terminalId: string, reference: string): PaymentRow | undefined {
    const r = this.db
      .prepare(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE terminal_id = ? AND reference = ?`)
      .get(terminalId, reference) as Raw<PaymentRow> | undefined;
    return r && paymentOf(r);
  }

  payments(terminalId?: string): PaymentRow[] {
    const rows = (
      terminalId === undefined
        ? this.db.prepare(`SELECT ${PAYMENT_COLUMNS} FROM payments ORDER BY created_at, rowid`).all()
        : this.db
            .prepare(
              `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE terminal_id = ? ORDER BY created_at, rowid`,
            )
            .all(terminalId)
    ) as Raw<PaymentRow>[];
    return rows.map(paymentOf);
  }

  // --- refunds ------------------------------------------------------------------------------------

  insertRefund(r: RefundRow): void {
    this.db
      .prepare(
        `INSERT INTO refunds (refund_id, kind, payment_id, terminal_id, reference, status, amount_minor,
           reason, message, created_at)
         VALUES (@refundId, @kind, @paymentId, @terminalId, @reference, @status, @amountMinor, @reason,
           @message, @createdAt)`,
      )
      .run(r);
  }

  /** Card and QR refunds alike: references are unique per terminal across both. */
  refundByReference(terminalId: string, reference: string): RefundRow | undefined {
    return this.db
      .prepare(`SELECT ${REFUND_COLUMNS} FROM refunds WHERE terminal_id = ? AND reference = ?`)
      .get(terminalId, reference) as RefundRow | undefined;
  }

  refunds(terminalId?: string): RefundRow[] {
    return (
      terminalId === undefined
        ? this.db.prepare(`SELECT ${REFUND_COLUMNS} FROM refunds ORDER BY created_at, rowid`).all()
        : this.db
            .prepare(`SELECT ${REFUND_COLUMNS} FROM refunds WHERE terminal_id = ? ORDER BY created_at, rowid`)
            .all(terminalId)
    ) as RefundRow[];
  }

  // --- QR orders ----------------------------------------------------------------------------------

  insertQrOrder(o: QrOrderRow): void {
    this.db
      .prepare(
        `INSERT INTO qr_orders (order_id, terminal_id, reference, scheme, status, outcome, amount_minor,
           currency, subject, sale_ref, message, query_count, refunded_minor, created_at, paid_at, reversed_at)
         VALUES (@orderId, @terminalId, @reference, @scheme, @status, @outcome, @amountMinor, @currency,
           @subject, @saleRef, @message, @queryCount, @refundedMinor, @createdAt, @paidAt, @reversedAt)`,
      )
      .run(o);
  }

  updateQrOrder(
    orderId: string,
    change: Partial<
      Pick<QrOrderRow, 'status' | 'message' | 'queryCount' | 'refundedMinor' | 'paidAt' | 'reversedAt'>
    >,
  ): void {
    const current = this.db.prepare(`SELECT ${QR_COLUMNS} FROM qr_orders WHERE order_id = ?`).get(orderId) as
      QrOrderRow | undefined;
    if (!current) throw new Error(`QR order ${orderId} vanished`);
    const n = { ...current, ...change };
    this.db
      .prepare(
        `UPDATE qr_orders SET status = ?, message = ?, query_count = ?, refunded_minor = ?, paid_at = ?,
           reversed_at = ?
         WHERE order_id = ?`,
      )
      .run(n.status, n.message, n.queryCount, n.refundedMinor, n.paidAt, n.reversedAt, orderId);
  }

  /** A reverse found no order under `reference`: no micropay may use it from now on. */
  closeQrReference(terminalId: string, reference: string, at: string): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO qr_closed_references (terminal_id, reference, closed_at) VALUES (?, ?, ?)`,
      )
      .run(terminalId, reference, at);
  }

  qrReferenceClosedAt(terminalId: string, reference: string): string | null {
    const row = this.db
      .prepare(`SELECT closed_at AS at FROM qr_closed_references WHERE terminal_id = ? AND reference = ?`)
      .get(terminalId, reference) as { at: string } | undefined;
    return row?.at ?? null;
  }

  qrOrderByReference(terminalId: string, reference: string): QrOrderRow | undefined {
    return this.db
      .prepare(`SELECT ${QR_COLUMNS} FROM qr_orders WHERE terminal_id = ? AND reference = ?`)
      .get(terminalId, reference) as QrOrderRow | undefined;
  }

  qrOrders(terminalId?: string): QrOrderRow[] {
    return (
      terminalId === undefined
        ? this.db.prepare(`SELECT ${QR_COLUMNS} FROM qr_orders ORDER BY created_at, rowid`).all()
        : this.db
            .prepare(`SELECT ${QR_COLUMNS} FROM qr_orders WHERE terminal_id = ? ORDER BY created_at, rowid`)
            .all(terminalId)
    ) as QrOrderRow[];
  }

  // --- uploaded sales ----------------------------------------------------------------------------

  /** Inserts the sale unless this terminal uploaded it before; returns when it was first received. */
  recordSale(terminalId: string, sale: SaleUpload, receivedAt: string): string {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO sales (sale_id, terminal_id, receipt_no, completed_at, currency, total_minor,
           training, tenders, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sale.saleId,
        terminalId,
        sale.receiptNo,
        sale.completedAt,
        sale.currency,
        sale.totalMinor,
        sale.training ? 1 : 0,
        JSON.stringify(sale.tenders),
        receivedAt,
      );
    const row = this.db
      .prepare('SELECT received_at AS receivedAt FROM sales WHERE terminal_id = ? AND sale_id = ?')
      .get(terminalId, sale.saleId) as { receivedAt: string };
    return row.receivedAt;
  }

  sales(terminalId: string): { saleId: string; receiptNo: string; totalMinor: number; training: boolean }[] {
    return (
      this.db
        .prepare(
          `SELECT sale_id AS saleId, receipt_no AS receiptNo, total_minor AS totalMinor, training
           FROM sales WHERE terminal_id = ? ORDER BY completed_at, rowid`,
        )
        .all(terminalId) as { saleId: string; receiptNo: string; totalMinor: number; training: number }[]
    ).map((r) => ({ ...r, training: r.training === 1 }));
  }

  // --- heartbeats ---------------------------------------------------------------------------------

  recordHeartbeat(h: {
    terminalId: string;
    appVersion: string;
    pendingCount: number;
    pendingMinor: number;
    oldestPendingAt: string | null;
    receivedAt: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO heartbeats (terminal_id, app_version, pending_count, pending_minor, oldest_pending_at,
           received_at)
         VALUES (@terminalId, @appVersion, @pendingCount, @pendingMinor, @oldestPendingAt, @receivedAt)
         ON CONFLICT (terminal_id) DO UPDATE SET app_version = excluded.app_version,
           pending_count = excluded.pending_count, pending_minor = excluded.pending_minor,
           oldest_pending_at = excluded.oldest_pending_at, received_at = excluded.received_at`,
      )
      .run(h);
  }

  heartbeat(
    terminalId: string,
  ): { pendingCount: number; pendingMinor: number; receivedAt: string } | undefined {
    return this.db
      .prepare(
        `SELECT pending_count AS pendingCount, pending_minor AS pendingMinor, received_at AS receivedAt
         FROM heartbeats WHERE terminal_id = ?`,
      )
      .get(terminalId) as { pendingCount: number; pendingMinor: number; receivedAt: string } | undefined;
  }

  /** Row counts by table and status, for GET /admin/stats and tests. */
  counts(): Record<string, Record<string, number>> {
    const byStatus = (table: string): Record<string, number> =>
      Object.fromEntries(
        (
          this.db.prepare(`SELECT status, COUNT(*) AS n FROM ${table} GROUP BY status`).all() as {
            status: string;
            n: number;
          }[]
        ).map((r) => [r.status, r.n]),
      );
    const count = (table: string): number =>
      (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      payments: byStatus('payments'),
      refunds: byStatus('refunds'),
      qrOrders: byStatus('qr_orders'),
      sales: { total: count('sales') },
      idempotency: { total: count('idempotency') },
    };
  }
}
