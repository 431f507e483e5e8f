// Cash is not settled by anyone: it is reconciled against the drawer counts of the shifts of the business
// days that overlap the settlement's date (business_days: one row a day; shifts through shifts_day).
import type { ReconCashRow } from '../api/contract/reconciliation';
import type { Database } from '../store/db';
import type { DayWindow } from './day-window';

export function cashCounts(db: Database, w: DayWindow): ReconCashRow[] {
  const days = db
    .prepare<[string, string], number>(
      `SELECT b.day_no FROM business_days b
       WHERE b.opened_at < ?
         AND COALESCE((SELECT n.opened_at FROM business_days n WHERE n.day_no = b.day_no + 1), '9999') > ?`,
    )
    .pluck()
    .all(w.end, w.start);
  const shifts = db.prepare<[number], ReconCashRow>(
    `SELECT id AS shiftId, drawer_id AS drawerId, expected_minor AS expectedMinor, counted_minor AS countedMinor
     FROM shifts WHERE day_no = ? ORDER BY opened_at, id`,
  );
  return days.flatMap((d) => shifts.all(d));
}
