// A report's figures for one business day, from the day's summary rows, its shifts and the offline exposure:
// the same function for an X and a Z, run in the report worker on its read-only connection (report-worker.ts)
// or, in tests and tools, on any connection. Every query is indexed (test/main/reports/report-plans.test.ts).
import type { ReportKind, ReportView } from '../api/contract/reports';
import type { Database } from '../store/db';
import { cashiersOf } from './cashier-figures';
import {
  countsOf,
  DAY_TOTALS_SQL,
  returnsOf,
  salesOf,
  taxesOf,
  tendersOf,
  type TotalsRowRead,
} from './day-figures';
import { dayFingerprint } from './fingerprint';
import { hourlyOf } from './hourly-figures';
import { offlineExposure } from './offline-exposure';
import { journalWindowOf, reconciledDaysOf } from './reconciled-days';
import { cashVarianceOf, shiftsOf } from './shift-figures';

/** What the figures do not say: which till, what kind of report, when and by whom. */
export interface ReportHeader {
  readonly kind: ReportKind;
  readonly zNo: number | null;
  readonly terminalId: string;
  readonly storeName: string;
  readonly currency: string;
  readonly training: boolean;
  readonly takenAt: string;
  readonly takenBy: string | null;
  /** the business time zone the day's hours are read in (config/time-zone.ts); not part of the view */
  readonly timeZone: string;
}

export interface ComputedReport {
  readonly report: ReportView;
  /** the state the figures are of (fingerprint.ts), compared again inside the Z's transaction */
  readonly fingerprint: string;
}

/** The open business day: the `business-day` counter and when it opened. */
export function openDay(db: Database): { dayNo: number; openedAt: string } {
  const row = db
    .prepare<[], { dayNo: number; openedAt: string }>(
      `SELECT c.value AS dayNo, d.opened_at AS openedAt FROM counters c
        JOIN business_days d ON d.day_no = c.value WHERE c.name = 'business-day'`,
    )
    .get();
  if (row === undefined) throw new Error('the store has no open business day (migration 015 missing?)');
  return row;
}

export const DAY_OPENED_SQL = 'SELECT opened_at FROM business_days WHERE day_no = ?';

/** When a business day opened (null: not yet). */
const dayOpenedAt = (db: Database, dayNo: number): string | null =>
  db.prepare<[number], string>(DAY_OPENED_SQL).pluck().get(dayNo) ?? null;

/**
 * Figures of the open day (or of `dayNo`: a past day's figures as its rows hold them, for checks and tools);
 * read in one read transaction, so they are of one moment.
 */
export function computeReport(db: Database, header: ReportHeader, day?: number): ComputedReport {
  const { timeZone, ...head } = header;
  return db.transaction(() => {
    const { dayNo, openedAt } =
      day === undefined ? openDay(db) : { dayNo: day, openedAt: dayOpenedAt(db, day) ?? '' };
    const rows = db.prepare<[number], TotalsRowRead>(DAY_TOTALS_SQL).all(dayNo);
    const sales = salesOf(rows);
    const returns = returnsOf(rows);
    const shifts = shiftsOf(db, dayNo);
    const report: ReportView = {
      ...head,
      dayNo,
      openedAt,
      sales,
      returns,
      netSalesMinor: sales.totalMinor - returns.amountMinor,
      taxes: taxesOf(rows),
      tenders: tendersOf(rows),
      cashiers: cashiersOf(db, rows),
      counts: countsOf(rows, sales),
      offline: offlineExposure(db),
      shifts,
      cashVarianceMinor: cashVarianceOf(shifts),
      // a past day ends where the next one opened; the open day's sales are all those since it opened
      hourly: hourlyOf(db, { from: openedAt, to: dayOpenedAt(db, dayNo + 1) }, timeZone),
      reconciledDays: reconciledDaysOf(db, journalWindowOf(db, dayNo)),
      chain: null,
    };
    return { report, fingerprint: dayFingerprint(db, dayNo) };
  })();
}
