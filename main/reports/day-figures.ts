// The figures of one business day from its summary rows in day_totals (main/totals/metrics.ts says what each
// column means per metric): a few hundred rows per day, read by the primary key's day prefix, never the lines.
import type {
  ReportCounts,
  ReturnsFigures,
  SalesFigures,
  TaxRateFigures,
  TenderFigures,
} from '../api/contract/reports';
import { COUNTS, REFUNDS, SALES } from '../totals/metrics';

/** One day_totals row as read. */
export interface TotalsRowRead {
  readonly metric: string;
  readonly operatorId: string;
  readonly n: number;
  readonly amount: number;
  readonly gross: number;
  readonly discount: number;
  readonly tax: number;
  readonly qtyMilli: number;
  readonly change: number;
}

export const DAY_TOTALS_SQL = `SELECT metric, operator_id AS operatorId, sum(n) AS n, sum(amount_minor) AS amount,
    sum(gross_minor) AS gross, sum(discount_minor) AS discount, sum(tax_minor) AS tax, sum(qty_milli) AS qtyMilli,
    sum(change_minor) AS change
  FROM day_totals WHERE day_no = ? GROUP BY metric, operator_id ORDER BY metric, operator_id`;

const EMPTY_SALES: SalesFigures = {
  count: 0,
  items: 0,
  grossMinor: 0,
  discountMinor: 0,
  totalMinor: 0,
  taxMinor: 0,
};
const EMPTY_RETURNS: ReturnsFigures = { count: 0, amountMinor: 0, taxMinor: 0 };

export function salesOf(rows: readonly TotalsRowRead[]): SalesFigures {
  return rows
    .filter((r) => r.metric === SALES)
    .reduce(
      (s, r) => ({
        count: s.count + r.n,
        items: s.items + Math.round(r.qtyMilli / 1000),
        grossMinor: s.grossMinor + r.gross,
        discountMinor: s.discountMinor + r.discount,
        totalMinor: s.totalMinor + r.amount,
        taxMinor: s.taxMinor + r.tax,
      }),
      EMPTY_SALES,
    );
}

export function returnsOf(rows: readonly TotalsRowRead[]): ReturnsFigures {
  return rows
    .filter((r) => r.metric === REFUNDS)
    .reduce(
      (s, r) => ({
        count: s.count + r.n,
        amountMinor: s.amountMinor + r.amount,
        taxMinor: s.taxMinor + r.tax,
      }),
      EMPTY_RETURNS,
    );
}

/** Rows of one metric family (`tax:`, `tender:`, ...) summed over cashiers, keyed by the metric's suffix. */
function byMetric(rows: readonly TotalsRowRead[], prefix: string): Map<string, TotalsRowRead> {
  const out = new Map<string, TotalsRowRead>();
  for (const r of rows) {
    if (!r.metric.startsWith(prefix)) continue;
    const key = r.metric.slice(prefix.length);
    const had = out.get(key);
    out.set(
      key,
      had === undefined
        ? r
        : {
            ...had,
            n: had.n + r.n,
            amount: had.amount + r.amount,
            tax: had.tax + r.tax,
            change: had.change + r.change,
          },
    );
  }
  return out;
}

export function taxesOf(rows: readonly TotalsRowRead[]): TaxRateFigures[] {
  return [...byMetric(rows, 'tax:')]
    .map(([bp, r]) => ({ rateBp: Number(bp), taxableMinor: r.amount, taxMinor: r.tax }))
    .sort((a, b) => a.rateBp - b.rateBp);
}

const KIND_ORDER = ['cash', 'card', 'qr'] as const;
type TenderKind = (typeof KIND_ORDER)[number];
const isKind = (k: string): k is TenderKind => (KIND_ORDER as readonly string[]).includes(k);

/**
 * Tenders by kind and brand (cash, card per brand, QR per wallet). Refunds are kept per kind only, so each
 * kind with refunds has a row without a brand carrying them (added with no sales if there was none).
 */
export function tendersOf(rows: readonly TotalsRowRead[]): TenderFigures[] {
  const refunded = byMetric(rows, 'refund:');
  const out: TenderFigures[] = [];
  for (const [key, r] of byMetric(rows, 'tender:')) {
    const [kind = '', brand = null] = key.split(':', 2);
    if (!isKind(kind)) continue;
    const back = brand === null ? (refunded.get(kind)?.amount ?? 0) : 0;
    out.push({ kind, brand, count: r.n, amountMinor: r.amount, changeMinor: r.change, refundedMinor: back });
  }
  for (const [kind, r] of refunded) {
    if (!isKind(kind) || out.some((t) => t.kind === kind && t.brand === null)) continue;
    out.push({ kind, brand: null, count: 0, amountMinor: 0, changeMinor: 0, refundedMinor: r.amount });
  }
  const rank = (t: TenderFigures): number => KIND_ORDER.indexOf(t.kind);
  return out.sort((a, b) => rank(a) - rank(b) || (a.brand ?? '').localeCompare(b.brand ?? ''));
}

export function countsOf(rows: readonly TotalsRowRead[], sales: SalesFigures): ReportCounts {
  const n = (metric: string): number => rows.reduce((s, r) => s + (r.metric === metric ? r.n : 0), 0);
  return {
    sales: sales.count,
    items: sales.items,
    noSaleOpens: n(COUNTS.noSale),
    reprints: n(COUNTS.reprint),
    overrides: n(COUNTS.override),
    voids: n(COUNTS.void),
    lineVoids: n(COUNTS.lineVoid),
  };
}
