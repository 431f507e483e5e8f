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
import { offlineExposure } from './offline-exposure';
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

/** When a business day opened. */
const dayOpenedAt = (db: Database, dayNo: number): string =>
  db.prepare<[number], string>('SELECT opened_at FROM business_days WHERE day_no = ?').pluck().get(dayNo) ??
  '';

/**
 * Figures of the open day (or of `dayNo`: a past day's figures as its rows hold them, for checks and tools);
 * read in one read transaction, so they are of one moment.
 */
export function computeReport(db: Database, header: ReportHeader, day?: number): ComputedReport {
  return db.transaction(() => {
    const { dayNo, openedAt } =
      day === undefined ? openDay(db) : { dayNo: day, openedAt: dayOpenedAt(db, day) };
    const rows = db.prepare<[number], TotalsRowRead>(DAY_TOTALS_SQL).all(dayNo);
    const sales = salesOf(rows);
    const returns = returnsOf(rows);
    const shifts = shiftsOf(db, dayNo);
    const report: ReportView = {
      ...header,
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
      hourly: [], // filled in by the next commit (sales by hour)
      reconciledDays: [], // filled in by the next commit (reconciled days)
      chain: null,
    };
    return { report, fingerprint: dayFingerprint(db, dayNo) };
  })();
}
