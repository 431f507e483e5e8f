// The business day's shifts (index shifts_day) with their cash movements (index cash_movements_shift) and
// close figures, as the X and the Z show them.
import type { ShiftFigures } from '../api/contract/reports';
import type { Database } from '../store/db';

interface ShiftRow {
  id: string;
  drawer_id: string;
  state: ShiftFigures['state'];
  opened_at: string;
  closed_at: string | null;
  float_minor: number;
  expected_minor: number | null;
  counted_minor: number | null;
  sign_off: string | null;
}

export const SHIFTS_OF_DAY_SQL = `SELECT id, drawer_id, state, opened_at, closed_at, float_minor, expected_minor,
    counted_minor, sign_off FROM shifts WHERE day_no = ? ORDER BY opened_at, id`;

export function shiftsOf(db: Database, dayNo: number): ShiftFigures[] {
  const moves = db.prepare<[string], { kind: string; total: number }>(
    'SELECT kind, sum(amount_minor) AS total FROM cash_movements WHERE shift_id = ? GROUP BY kind',
  );
  return db
    .prepare<[number], ShiftRow>(SHIFTS_OF_DAY_SQL)
    .all(dayNo)
    .map((s) => {
      const m = new Map(moves.all(s.id).map((r) => [r.kind, r.total]));
      const signOff = s.sign_off === null ? null : signOffOf(s.sign_off);
      return {
        shiftId: s.id,
        drawerId: s.drawer_id,
        state: s.state,
        openedAt: s.opened_at,
        closedAt: s.closed_at,
        floatMinor: s.float_minor,
        paidInMinor: m.get('paid_in') ?? 0,
        paidOutMinor: m.get('paid_out') ?? 0,
        dropsMinor: m.get('drop') ?? 0,
        expectedMinor: s.expected_minor,
        countedMinor: s.counted_minor,
        varianceMinor:
          s.counted_minor === null || s.expected_minor === null ? null : s.counted_minor - s.expected_minor,
        signOff,
      };
    });
}

/** The sign-off as the shift stored it; the approver by name, as the shift screen shows it. */
function signOffOf(json: string): ShiftFigures['signOff'] {
  const v = JSON.parse(json) as { note: string; approvedBy: { name: string } };
  return { note: v.note, approvedBy: v.approvedBy.name };
}

/** Closed shifts' variances summed (counted - expected; negative is short). */
export const cashVarianceOf = (shifts: readonly ShiftFigures[]): number =>
  shifts.reduce((s, x) => s + (x.state === 'closed' && x.varianceMinor !== null ? x.varianceMinor : 0), 0);
