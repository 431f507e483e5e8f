// What keeps a Z from closing the day, each read through a partial index of the few unfinished rows:
// - a shift not closed (shifts_one_live): its cash is not counted yet;
// - a payment whose outcome is in doubt (payment_attempts_open): 'authorizing', 'unknown', 'user_paying',
//   'reversing'. Money may be moving and the sale may yet commit into this day. 'created' moves no money
//   (it can only be cancelled or sent later), and the offline states ('stored', 'forwarding',
//   'forward_unknown') belong to sales already in the day's figures: the Z shows them as offline exposure
//   instead, so a gateway outage cannot keep a shop from closing its day;
// - a refund whose outcome is unknown ('sending', 'unknown'; refunds_open).
import type { ZBlocker } from '../api/contract/reports';
import type { Database } from '../store/db';
import { OPEN_ATTEMPTS_SQL } from '../payments/attempts/states';

export const IN_DOUBT_STATES = ['authorizing', 'unknown', 'user_paying', 'reversing'] as const;

export function zBlockers(db: Database): ZBlocker[] {
  const shifts = db
    .prepare<[], { shiftId: string; drawerId: string; state: string }>(
      `SELECT id AS shiftId, drawer_id AS drawerId, state FROM shifts WHERE state <> 'closed' ORDER BY drawer_id`,
    )
    .all()
    .map((s): ZBlocker => ({ kind: 'shift-open', ...s }));
  const payments = db
    .prepare<[], { attemptId: string; state: string; amountMinor: number }>(
      `SELECT id AS attemptId, state, amount_minor AS amountMinor FROM payment_attempts
        WHERE ${OPEN_ATTEMPTS_SQL} AND state IN (${IN_DOUBT_STATES.map((s) => `'${s}'`).join(', ')})
        ORDER BY updated_at`,
    )
    .all()
    .map((p): ZBlocker => ({ kind: 'payment-unknown', ...p }));
  const refunds = db
    .prepare<[], { refundId: string; amountMinor: number }>(
      `SELECT id AS refundId, amount_minor AS amountMinor FROM refunds WHERE state IN ('sending', 'unknown')
        ORDER BY created_at`,
    )
    .all()
    .map((r): ZBlocker => ({ kind: 'refund-unknown', ...r }));
  return [...shifts, ...payments, ...refunds];
}
