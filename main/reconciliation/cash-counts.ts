// Cash is not settled by anyone: it is reconciled against the drawer counts of the shifts of the business
// days that overlap the settlement's date: the day open at its start and those opened within it (both
// through business_days_opened), their shifts through shifts_day.
import type { ReconCashRow } from '../api/contract/reconciliation';
import type { Database } from '../store/db';
import type { DayWindow } from './day-window';

export function cashCounts(db: Database, w: DayWindow): ReconCashRow[] {
  const openAtStart = db
    .prepare<[string], number>(
      `SELECT day_no FROM business_days WHERE opened_at <= ? ORDER BY opened_at DESC LIMIT 1`,
    )
    .pluck()
    .get(w.start);
  const openedWithin = db
    .prepare<[string, string], number>(
      `SELECT day_no FROM business_days WHERE opened_at > ? AND opened_at < ? ORDER BY opened_at`,
    )
    .pluck()
    .all(w.start, w.end);
  const days = openAtStart === undefined ? openedWithin : [openAtStart, ...openedWithin];
  const shifts = db.prepare<[number], ReconCashRow>(
    `SELECT id AS shiftId, drawer_id AS drawerId, expected_minor AS expectedMinor, counted_minor AS countedMinor
     FROM shifts WHERE day_no = ? ORDER BY opened_at, id`,
  );
  return days.flatMap((d) => shifts.all(d));
}
