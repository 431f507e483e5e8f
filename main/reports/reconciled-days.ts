// The settlement dates whose reconciliation was completed during a business day, shown on its Z: the
// reconciliation journals 'recon.day-reconciled' (main/reconciliation/resolve-item.ts) once each time a date's
// last open difference is resolved. A business day's entries are those after the previous Z's journal entry
// (and, for a closed day, up to its own Z's), so each shows on exactly one Z. Read by the journal's primary
// key over that range: the day's entries only, never the journal's history.
import type { ReconciledDayFigures } from '../api/contract/reports';
import type { Database } from '../store/db';

/** The journal kind written by reconciliation; reports are in its layer, so the name is read, not imported. */
export const DAY_RECONCILED = 'recon.day-reconciled';

/** Journal seqs bounding a business day: after `after`, before `before`. */
export interface JournalWindow {
  readonly after: number;
  readonly before: number;
}

export const Z_JOURNAL_SEQ_SQL = 'SELECT journal_seq FROM z_reports WHERE day_no = ?';
export const RECONCILED_DAYS_SQL = `SELECT seq, at, ref, body FROM journal
  WHERE seq > ? AND seq < ? AND kind = '${DAY_RECONCILED}' ORDER BY seq`;

/** The journal window of business day `dayNo`: from the previous day's Z to its own (open: to the end). */
export function journalWindowOf(db: Database, dayNo: number): JournalWindow {
  const zSeq = db.prepare<[number], number>(Z_JOURNAL_SEQ_SQL).pluck();
  return { after: zSeq.get(dayNo - 1) ?? 0, before: zSeq.get(dayNo) ?? Number.MAX_SAFE_INTEGER };
}

/** One line per settlement date, its latest completion in the window, in date order. */
export function reconciledDaysOf(db: Database, window: JournalWindow): ReconciledDayFigures[] {
  const entries = db
    .prepare<[number, number], { seq: number; at: string; ref: string | null; body: string }>(
      RECONCILED_DAYS_SQL,
    )
    .all(window.after, window.before);
  const days = new Map<string, ReconciledDayFigures>();
  for (const e of entries) {
    const body = JSON.parse(e.body) as { day?: unknown; resolved?: unknown };
    const day = typeof body.day === 'string' ? body.day : (e.ref ?? '');
    const resolved = typeof body.resolved === 'number' ? body.resolved : 0;
    days.set(day, { day, reconciledAt: e.at, resolved, journalSeq: e.seq });
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
