// The refunds and refund_lines tables: every read and write refunds make, each state change checked against
// states.ts. Inserts and final moves run inside the caller's transaction (with the journal entry and the
// slip's print job); the move to 'unknown' after a silent gateway is a single UPDATE.
import type Database from 'better-sqlite3';
import type { RefundReason, RefundState, RefundView, Unit } from '../api/contract';
import { PosFailure } from '../api/result';
import type { DecidedLine, LineRefunded } from './refundable';
import { assertRefundTransition, HOLDS_QUANTITY, isFinal } from './states';

export interface RefundRecord {
  readonly id: string;
  readonly refundNo: string;
  readonly saleId: string;
  readonly state: RefundState;
  readonly tenderKind: 'cash' | 'card' | 'qr';
  /** the payment refunded (card and QR) */
  readonly attemptId: string | null;
  readonly amountMinor: number;
  readonly taxMinor: number;
  readonly idempotencyKey: string | null;
  /** the exact request sent (card and QR) until the refund is final */
  readonly requestBody: string | null;
  /** the shift and cashier it was issued under: its day totals are theirs (refund-totals.ts) */
  readonly shiftId: string | null;
  readonly operatorId: string | null;
}

export interface NewRefund {
  readonly id: string;
  readonly saleId: string;
  readonly state: 'sending' | 'completed';
  readonly tenderKind: 'cash' | 'card' | 'qr';
  readonly attemptId: string | null;
  readonly amountMinor: number;
  readonly taxMinor: number;
  readonly currency: string;
  readonly reason: RefundReason;
  readonly training: boolean;
  readonly approvedBy: unknown;
  /** who was signed in at the till when it was approved (null: nobody) */
  readonly operatorId: string | null;
  /** the till drawer's open shift when it was issued (null: none, e.g. training or a card refund) */
  readonly shiftId: string | null;
  readonly idempotencyKey: string | null;
  readonly requestBody: string | null;
  readonly lines: readonly DecidedLine[];
  readonly at: string;
}

export interface RefundMove {
  readonly at: string;
  readonly gatewayId?: string | null;
  readonly message?: string | null;
}

export interface RefundRepo {
  /** Inside a transaction: numbers and writes the refund and its lines; returns its refund number. */
  insert(r: NewRefund, terminalId: string): string;
  record(id: string): RefundRecord | null;
  view(id: string): RefundView | null;
  forSale(saleId: string): RefundView[];
  /** Per sale line: what sending, unknown and completed refunds took. */
  refundedBySale(saleId: string): Map<number, LineRefunded>;
  inStates(states: readonly RefundState[]): RefundRecord[];
  /** How many card/QR refunds are not final yet (sending or unknown): a manager must see them. */
  countOpen(): number;
  move(id: string, to: RefundState, m: RefundMove): void;
}

interface Row {
  id: string;
  refund_no: string;
  sale_id: string;
  receipt_no: string;
  state: RefundState;
  tender_kind: 'cash' | 'card' | 'qr';
  attempt_id: string | null;
  amount_minor: number;
  tax_minor: number;
  currency: string;
  reason: RefundReason;
  training: number;
  idempotency_key: string | null;
  request_body: string | null;
  message: string | null;
  brand: string | null;
  last4: string | null;
  created_at: string;
  completed_at: string | null;
  shift_id: string | null;
  operator_id: string | null;
}

interface LineRow {
  line_no: number;
  qty_milli: number;
  amount_minor: number;
  tax_minor: number;
  name: string;
  name_en: string | null;
  unit: Unit;
}

const HOLDING = HOLDS_QUANTITY.map((s) => `'${s}'`).join(', ');

export function createRefundRepo(db: Database.Database): RefundRepo {
  const nextNo = db.prepare<[], { value: number }>(
    `INSERT INTO counters (name, value) VALUES ('refund', 1)
     ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
  );
  const ins = db.prepare(`INSERT INTO refunds (id, refund_no, sale_id, state, tender_kind, attempt_id,
      amount_minor, tax_minor, currency, reason, training, approved_by, idempotency_key, request_body,
      created_at, updated_at, completed_at, operator_id, shift_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insLine =
    db.prepare(`INSERT INTO refund_lines (refund_id, line_no, qty_milli, amount_minor, tax_minor)
      VALUES (?, ?, ?, ?, ?)`);
  const cols = `r.id, r.refund_no, r.sale_id, s.receipt_no, r.state, r.tender_kind, r.attempt_id, r.amount_minor,
    r.tax_minor, r.currency, r.reason, r.training, r.idempotency_key, r.request_body, r.message,
    coalesce(a.brand, a.qr_scheme) AS brand, a.last4, r.created_at, r.completed_at, r.shift_id, r.operator_id`;
  const from = `FROM refunds r JOIN sales s ON s.id = r.sale_id LEFT JOIN payment_attempts a ON a.id = r.attempt_id`;
  const byId = db.prepare<[string], Row>(`SELECT ${cols} ${from} WHERE r.id = ?`);
  const bySale = db.prepare<[string], Row>(
    `SELECT ${cols} ${from} WHERE r.sale_id = ? ORDER BY r.created_at, r.refund_no`,
  );
  const linesOf = db.prepare<[string], LineRow>(
    `SELECT rl.line_no, rl.qty_milli, rl.amount_minor, rl.tax_minor, sl.name, sl.name_en, sl.unit
     FROM refund_lines rl JOIN refunds r ON r.id = rl.refund_id
     JOIN sale_lines sl ON sl.sale_id = r.sale_id AND sl.line_no = rl.line_no
     WHERE rl.refund_id = ? ORDER BY rl.line_no`,
  );
  const refunded = db.prepare<[string], { line_no: number; qty: number; amount: number; tax: number }>(
    `SELECT rl.line_no, sum(rl.qty_milli) AS qty, sum(rl.amount_minor) AS amount, sum(rl.tax_minor) AS tax
     FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id
     WHERE r.sale_id = ? AND r.state IN (${HOLDING}) GROUP BY rl.line_no`,
  );
  const openCount = db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM refunds WHERE state IN ('sending', 'unknown')`,
  );
  const stateOf = db.prepare<[string], { state: RefundState }>(`SELECT state FROM refunds WHERE id = ?`);
  const update = db.prepare(`UPDATE refunds SET state = ?, updated_at = ?,
      gateway_id = coalesce(?, gateway_id), message = coalesce(?, message),
      completed_at = CASE WHEN ? = 'completed' THEN ? ELSE completed_at END,
      request_body = CASE WHEN ? IN ('completed', 'failed') THEN NULL ELSE request_body END
    WHERE id = ? AND state = ?`);

  const record = (r: Row): RefundRecord => ({
    id: r.id,
    refundNo: r.refund_no,
    saleId: r.sale_id,
    state: r.state,
    tenderKind: r.tender_kind,
    attemptId: r.attempt_id,
    amountMinor: r.amount_minor,
    taxMinor: r.tax_minor,
    idempotencyKey: r.idempotency_key,
    requestBody: r.request_body,
    shiftId: r.shift_id,
    operatorId: r.operator_id,
  });
  const view = (r: Row): RefundView => ({
    refundId: r.id,
    refundNo: r.refund_no,
    saleId: r.sale_id,
    receiptNo: r.receipt_no,
    state: r.state,
    tenderKind: r.tender_kind,
    brand: r.brand,
    last4: r.last4,
    amountMinor: r.amount_minor,
    taxMinor: r.tax_minor,
    currency: r.currency,
    reason: r.reason,
    lines: linesOf.all(r.id).map((l) => ({
      lineNo: l.line_no,
      name: l.name,
      nameEn: l.name_en,
      unit: l.unit,
      qtyMilli: l.qty_milli,
      amountMinor: l.amount_minor,
      taxMinor: l.tax_minor,
    })),
    training: r.training === 1,
    message: r.message,
    createdAt: r.created_at,
    completedAt: r.completed_at,
  });

  return {
    insert(r, terminalId) {
      if (!db.inTransaction) throw new PosFailure('INTERNAL', 'a refund is written inside a transaction');
      const refundNo = `${terminalId}-R${String(nextNo.get()?.value ?? 1).padStart(6, '0')}`;
      ins.run(
        r.id,
        refundNo,
        r.saleId,
        r.state,
        r.tenderKind,
        r.attemptId,
        r.amountMinor,
        r.taxMinor,
        r.currency,
        r.reason,
        r.training ? 1 : 0,
        JSON.stringify(r.approvedBy),
        r.idempotencyKey,
        r.requestBody,
        r.at,
        r.at,
        r.state === 'completed' ? r.at : null,
        r.operatorId,
        r.shiftId,
      );
      for (const l of r.lines) insLine.run(r.id, l.lineNo, l.qtyMilli, l.amountMinor, l.taxMinor);
      return refundNo;
    },
    record: (id) => {
      const r = byId.get(id);
      return r ? record(r) : null;
    },
    view: (id) => {
      const r = byId.get(id);
      return r ? view(r) : null;
    },
    forSale: (saleId) => bySale.all(saleId).map(view),
    refundedBySale: (saleId) =>
      new Map(
        refunded
          .all(saleId)
          .map((r) => [r.line_no, { qtyMilli: r.qty, amountMinor: r.amount, taxMinor: r.tax }] as const),
      ),
    inStates: (states) => {
      if (states.length === 0) return [];
      // Open refunds only, through refunds_open (its condition repeated so SQLite uses it): finished ones
      // would need a walk of every refund ever made.
      const finished = states.filter(isFinal);
      if (finished.length > 0)
        throw new PosFailure('INTERNAL', `inStates reads open refunds only, not ${finished.join(', ')}`);
      return db
        .prepare<string[], Row>(
          `SELECT ${cols} ${from} WHERE r.state IN ('sending', 'unknown')
             AND r.state IN (${states.map(() => '?').join(', ')}) ORDER BY r.created_at`,
        )
        .all(...states)
        .map(record);
    },
    countOpen: () => openCount.get()?.n ?? 0,
    move(id, to, m) {
      const from = stateOf.get(id)?.state;
      if (from === undefined) throw new PosFailure('NOT_FOUND', `No refund ${id}`, { refundId: id });
      assertRefundTransition(from, to);
      const changed = update.run(
        to,
        m.at,
        m.gatewayId ?? null,
        m.message ?? null,
        to,
        m.at,
        to,
        id,
        from,
      ).changes;
      if (changed !== 1) {
        throw new PosFailure('PAYMENT_STATE_CHANGED', `Refund ${id} changed meanwhile`, { refundId: id });
      }
    },
  };
}
