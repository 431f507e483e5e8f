// The till's side of a day (LocalSide) read from the store, through indexes only: tenders via the sales'
// completion time (sales_completed_at) and the tenders' and attempts' primary keys; refunds via
// refunds_gateway_completed (migration 019); an attempt by its id; a payment's refunds via refunds_attempt.
// A till in training mode sells against the training gateway: its training sales are the ones reconciled;
// a live till's are its live ones (training ones never reached the real gateway).
import type { Database } from '../store/db';
import type { DayWindow } from './day-window';
import type { LocalAttempt, LocalRefund, LocalSide, LocalTender } from './local-side';

/** A sale may complete a little after its payment was made: read that far past the window's end. */
const COMPLETION_SLACK_MS = 60 * 60 * 1000;

const REFUND_COLS = `r.id AS refundId, r.refund_no AS refundNo, r.sale_id AS saleId, r.attempt_id AS attemptId,
  r.tender_kind AS kind, r.amount_minor AS amountMinor, r.completed_at AS at, r.operator_id AS operatorId`;

export function readLocalSide(db: Database, w: DayWindow, training: boolean): LocalSide {
  const t = training ? 1 : 0;
  const slackEnd = new Date(Date.parse(w.end) + COMPLETION_SLACK_MS).toISOString();
  const tenders = db
    .prepare<[string, string, number, string, string], LocalTender>(
      `SELECT s.id AS saleId, s.receipt_no AS receiptNo, t.kind AS kind, t.amount_minor AS amountMinor,
         a.id AS attemptId, a.state AS attemptState, COALESCE(a.brand, a.qr_scheme) AS brand, a.created_at AS at,
         s.operator_id AS operatorId, s.terminal_id AS terminalId
       FROM sales s JOIN tenders t ON t.sale_id = s.id JOIN payment_attempts a ON a.id = t.attempt_id
       WHERE s.completed_at >= ? AND s.completed_at < ? AND s.training = ? AND s.status = 'completed'
         AND t.kind IN ('card', 'qr') AND a.created_at >= ? AND a.created_at < ?
       ORDER BY a.created_at, a.id`,
    )
    .all(w.start, slackEnd, t, w.start, w.end);
  const refunds = db
    .prepare<[string, string, number], LocalRefund>(
      `SELECT ${REFUND_COLS} FROM refunds r
       WHERE r.completed_at >= ? AND r.completed_at < ? AND r.tender_kind <> 'cash' AND r.state = 'completed'
         AND r.training = ?
       ORDER BY r.completed_at, r.id`,
    )
    .all(w.start, w.end, t);
  const attempt = db.prepare<[string], LocalAttempt>(
    `SELECT id AS attemptId, kind, state, sale_id AS saleId, amount_minor AS amountMinor,
       COALESCE(brand, qr_scheme) AS brand, created_at AS at
     FROM payment_attempts WHERE id = ?`,
  );
  const refundsOf = db.prepare<[string, number], LocalRefund>(
    `SELECT ${REFUND_COLS} FROM refunds r
     WHERE r.attempt_id = ? AND r.state = 'completed' AND r.training = ? ORDER BY r.completed_at, r.id`,
  );
  return {
    tenders,
    refunds,
    attempt: (id) => attempt.get(id) ?? null,
    refundsOf: (id) => refundsOf.all(id, t),
  };
}
