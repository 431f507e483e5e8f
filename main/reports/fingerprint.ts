// A cheap fingerprint of what a report of the open day says: its summary rows (count and sums), its shifts
// (count and last change), the offline exposure and the reconciled days journalled since the previous Z (a
// day reconciled while a Z is written must show on that Z: the next one starts after its journal entry).
// The worker computes the figures on its own connection; the Z's transaction on main reads the fingerprint
// again, and a difference means something committed in between, so the figures are computed again rather
// than closing a day on stale numbers.
import type { Database } from '../store/db';
import { offlineExposure } from './offline-exposure';
import { journalWindowOf, reconciledDaysOf } from './reconciled-days';

export function dayFingerprint(db: Database, dayNo: number): string {
  const totals = db
    .prepare<[number], { rows: number; n: number; amount: number }>(
      'SELECT count(*) AS rows, total(n) AS n, total(amount_minor) AS amount FROM day_totals WHERE day_no = ?',
    )
    .get(dayNo);
  const shifts = db
    .prepare<[number], { n: number; last: string | null }>(
      'SELECT count(*) AS n, max(updated_at) AS last FROM shifts WHERE day_no = ?',
    )
    .get(dayNo);
  const reconciled = reconciledDaysOf(db, journalWindowOf(db, dayNo)).map((d) => d.journalSeq);
  return JSON.stringify([dayNo, totals, shifts, offlineExposure(db), reconciled]);
}
