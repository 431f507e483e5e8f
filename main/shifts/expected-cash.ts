// What the drawer should hold at a blind count: float + cash received for sales − change given − cash
// refunds + paid-in − paid-out − safe drops, over the shift's window (opened_at .. the count, both included).
// Sales and refunds are found by time, through indexes only (sales_completed_at then the tenders' key;
// refunds_cash_completed, migration 014): the cost follows the shift's sales, not the store's history.
// A till has one drawer today, so every cash tender in the window is this drawer's; attributing sales to a
// shift (and so to one of several drawers) comes with the sale path's shift gate.
import type { ExpectedCash } from '../api/contract/shifts';
import { sumMinor } from '../api/money';
import type { Database } from '../store/db';

export const CASH_SALES_SQL = `SELECT coalesce(sum(t.tendered_minor), 0) AS received, coalesce(sum(t.change_minor), 0) AS change
  FROM sales s JOIN tenders t ON t.sale_id = s.id
  WHERE s.completed_at >= ? AND s.completed_at <= ? AND t.kind = 'cash'`;
export const CASH_REFUNDS_SQL = `SELECT coalesce(sum(amount_minor), 0) AS refunded FROM refunds
  WHERE tender_kind = 'cash' AND state = 'completed' AND completed_at >= ? AND completed_at <= ?`;
export const MOVEMENTS_SQL = `SELECT kind, sum(amount_minor) AS total FROM cash_movements WHERE shift_id = ? GROUP BY kind`;

export interface ShiftWindow {
  readonly shiftId: string;
  readonly floatMinor: number;
  readonly from: string;
  readonly to: string;
}

export type ExpectedCashQuery = (w: ShiftWindow) => ExpectedCash;

export function expectedCashQuery(db: Database): ExpectedCashQuery {
  const sales = db.prepare<[string, string], { received: number; change: number }>(CASH_SALES_SQL);
  const refunds = db.prepare<[string, string], { refunded: number }>(CASH_REFUNDS_SQL);
  const moves = db.prepare<[string], { kind: string; total: number }>(MOVEMENTS_SQL);
  return ({ shiftId, floatMinor, from, to }) => {
    const s = sales.get(from, to) ?? { received: 0, change: 0 };
    const cashRefundsMinor = refunds.get(from, to)?.refunded ?? 0;
    const byKind = new Map(moves.all(shiftId).map((m) => [m.kind, m.total]));
    const parts = {
      floatMinor,
      cashReceivedMinor: s.received,
      changeGivenMinor: s.change,
      cashRefundsMinor,
      paidInMinor: byKind.get('paid_in') ?? 0,
      paidOutMinor: byKind.get('paid_out') ?? 0,
      dropsMinor: byKind.get('drop') ?? 0,
    };
    const expectedMinor = sumMinor([
      parts.floatMinor,
      parts.cashReceivedMinor,
      -parts.changeGivenMinor,
      -parts.cashRefundsMinor,
      parts.paidInMinor,
      -parts.paidOutMinor,
      -parts.dropsMinor,
    ]);
    return { ...parts, expectedMinor };
  };
}
