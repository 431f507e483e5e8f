// X and Z reports (main/reports/). An X report reads the open business day's figures and changes nothing; a
// Z report closes the day: numbered without gaps, immutable, hash-chained, journalled, printed. Both are
// computed from the running totals kept as sales commit (main/totals/), in a worker on a read-only
// connection, so neither re-reads years of lines nor blocks a sale.
import { z } from 'zod';
import { ApprovalSchema } from './shared';
import { returns, type ChannelDefs } from './define';
import type { PrintJobRef } from './printing';

export const REPORT_KINDS = ['x', 'z'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Money and counts of one group of sales (a day, a cashier). All amounts in minor units. */
export interface SalesFigures {
  readonly count: number;
  /** pieces, a weighed line counting as one */
  readonly items: number;
  /** before discounts */
  readonly grossMinor: number;
  /** line and order discounts */
  readonly discountMinor: number;
  /** what the customers paid (gross - discounts) */
  readonly totalMinor: number;
  readonly taxMinor: number;
}

export interface ReturnsFigures {
  readonly count: number;
  readonly amountMinor: number;
  readonly taxMinor: number;
}

export interface TaxRateFigures {
  readonly rateBp: number;
  /** net of tax, at this rate */
  readonly taxableMinor: number;
  readonly taxMinor: number;
}

export interface TenderFigures {
  readonly kind: 'cash' | 'card' | 'qr';
  /** card brand ('visa', 'unionpay', ...) or QR wallet ('wechat', 'alipay', ...); cash: null */
  readonly brand: string | null;
  readonly count: number;
  /** applied to sales */
  readonly amountMinor: number;
  /** cash: change given */
  readonly changeMinor: number;
  /** paid back to this kind of tender by refunds (per kind; brand rows carry 0) */
  readonly refundedMinor: number;
}

export interface CashierFigures {
  /** null: sales made with nobody signed in (training) */
  readonly operatorId: string | null;
  readonly code: string | null;
  readonly name: string | null;
  readonly sales: SalesFigures;
  readonly returns: ReturnsFigures;
  /** carts this cashier cleared with goods in them */
  readonly voids: number;
  /** lines this cashier removed from a cart */
  readonly lineVoids: number;
}

/** The sales of one hour of the day, by the shop's business time zone (hours without sales are left out). */
export interface HourFigures {
  /** 0-23, local to the business time zone */
  readonly hour: number;
  readonly count: number;
  readonly totalMinor: number;
}

/** A settlement date whose reconciliation was completed (every difference resolved) during the report's day. */
export interface ReconciledDayFigures {
  /** YYYY-MM-DD, the settlement's business date */
  readonly day: string;
  readonly reconciledAt: string;
  /** the differences the manager resolved to get there */
  readonly resolved: number;
  /** the journal entry that recorded it */
  readonly journalSeq: number;
}

/** Events counted over the day. */
export interface ReportCounts {
  readonly sales: number;
  readonly items: number;
  readonly noSaleOpens: number;
  readonly reprints: number;
  /** manager approvals that let a cashier past a limit (discounts, offline caps, ...) */
  readonly overrides: number;
  /** carts cleared with goods in them */
  readonly voids: number;
  /** lines removed from a cart */
  readonly lineVoids: number;
}

/** Card payments taken offline: what is still stored unforwarded, and what the gateway declined later. */
export interface OfflineExposure {
  readonly stored: { readonly count: number; readonly amountMinor: number };
  readonly declinedAfterForwarding: { readonly count: number; readonly amountMinor: number };
}

export interface ShiftFigures {
  readonly shiftId: string;
  readonly drawerId: string;
  readonly state: 'open' | 'closing' | 'closed';
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly floatMinor: number;
  readonly paidInMinor: number;
  readonly paidOutMinor: number;
  readonly dropsMinor: number;
  /** null until the blind count */
  readonly expectedMinor: number | null;
  readonly countedMinor: number | null;
  readonly varianceMinor: number | null;
  readonly signOff: { readonly note: string; readonly approvedBy: string } | null;
}

/** The hash chain of a Z: sha256 of its canonical figures, and the chain through every Z before it. */
export interface ZChain {
  readonly bodySha256: string;
  readonly prevSha256: string;
  readonly chainSha256: string;
  readonly journalSeq: number;
}

export interface ReportView {
  readonly kind: ReportKind;
  /** Z only: 1, 2, ... without gaps */
  readonly zNo: number | null;
  readonly dayNo: number;
  readonly terminalId: string;
  readonly storeName: string;
  readonly currency: string;
  readonly training: boolean;
  /** when the business day opened (the previous Z, or the first start) */
  readonly openedAt: string;
  /** when the report was taken (a Z: when the day closed) */
  readonly takenAt: string;
  /** who took it (signed in, or the approving manager of a Z) */
  readonly takenBy: string | null;
  readonly sales: SalesFigures;
  readonly returns: ReturnsFigures;
  /** sales total - returns */
  readonly netSalesMinor: number;
  readonly taxes: readonly TaxRateFigures[];
  readonly tenders: readonly TenderFigures[];
  readonly cashiers: readonly CashierFigures[];
  readonly counts: ReportCounts;
  readonly offline: OfflineExposure;
  readonly shifts: readonly ShiftFigures[];
  /** sum of the day's closed shifts' variances (counted - expected; negative is short) */
  readonly cashVarianceMinor: number;
  /** sales by hour of the day, in the business time zone */
  readonly hourly: readonly HourFigures[];
  /** settlement dates reconciled since the previous Z (shown on the Z) */
  readonly reconciledDays: readonly ReconciledDayFigures[];
  readonly chain: ZChain | null;
}

/** A report as stored before issue 14 (a Z's body, a queued print job's copy): without the figures added since. */
export type StoredReportView = Omit<ReportView, 'hourly' | 'reconciledDays' | 'cashiers'> & {
  readonly hourly?: readonly HourFigures[];
  readonly reconciledDays?: readonly ReconciledDayFigures[];
  readonly cashiers: readonly (Omit<CashierFigures, 'voids' | 'lineVoids'> &
    Partial<Pick<CashierFigures, 'voids' | 'lineVoids'>>)[];
};

/**
 * Reads a stored report as today's ReportView. A Z is frozen as it was taken (its body is hashed), so one
 * taken before these figures existed shows none: no hours, no reconciled days, no voids per cashier (the
 * day's void counts are in `counts` either way).
 */
export const readStoredReport = (stored: StoredReportView): ReportView => ({
  ...stored,
  cashiers: stored.cashiers.map((c) => ({ ...c, voids: c.voids ?? 0, lineVoids: c.lineVoids ?? 0 })),
  hourly: stored.hourly ?? [],
  reconciledDays: stored.reconciledDays ?? [],
});

/** A past Z in the list. */
export interface ZSummaryView {
  readonly zNo: number;
  readonly openedAt: string;
  readonly closedAt: string;
  readonly salesCount: number;
  readonly netSalesMinor: number;
  readonly chainSha256: string;
}

/** Why a Z cannot be taken now (detail.blockers of Z_REFUSED). */
export type ZBlocker =
  | {
      readonly kind: 'shift-open';
      readonly drawerId: string;
      readonly shiftId: string;
      readonly state: string;
    }
  | {
      readonly kind: 'payment-unknown';
      readonly attemptId: string;
      readonly state: string;
      readonly amountMinor: number;
    }
  | { readonly kind: 'refund-unknown'; readonly refundId: string; readonly amountMinor: number };

export interface ExportView {
  /** the file written, under the data folder's `exports/` */
  readonly path: string;
  readonly bytes: number;
}

const zRef = z.strictObject({ zNo: z.int().min(1) });

export const reportChannels = {
  /** The open day's figures so far. Changes nothing. */
  'report.x': { input: z.strictObject({}), output: returns<ReportView>() },
  /**
   * Closes the business day (permission report.z): Z_REFUSED with detail.blockers while a shift is not closed
   * or a payment's or refund's outcome is unknown; otherwise the new Z, printed.
   */
  'report.z': { input: z.strictObject({ approval: ApprovalSchema }), output: returns<ReportView>() },
  /** Past Zs, newest first. */
  'report.list': {
    input: z.strictObject({
      beforeZNo: z.int().min(1).optional(),
      limit: z.int().min(1).max(200).optional(),
    }),
    output: returns<readonly ZSummaryView[]>(),
  },
  'report.get': { input: zRef, output: returns<ReportView>() },
  /** Prints a past Z again (marked as a copy), or an X of now. */
  'report.print': {
    input: z.strictObject({ zNo: z.int().min(1).optional() }),
    output: returns<PrintJobRef>(),
  },
  /** Writes a Z (or an X of now, without zNo) as CSV or PDF into the data folder's exports/. */
  'report.export': {
    input: z.strictObject({ zNo: z.int().min(1).optional(), format: z.enum(EXPORT_FORMATS) }),
    output: returns<ExportView>(),
  },
} as const satisfies ChannelDefs;
