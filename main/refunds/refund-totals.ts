// What a completed refund adds to its business day's totals (main/totals/metrics.ts): the refund itself (n,
// amount paid back, tax in it) and its tender's refund metric. Added in the transaction that completes it, for
// the shift and cashier it was issued under (stored on the refund), so a card refund the background resolver
// completes later still counts for the cashier who issued it.
import type { DayTotals } from '../totals/day-totals';
import { REFUNDS, refundTenderMetric, type TotalsRow } from '../totals/metrics';

export interface CompletedRefund {
  readonly tenderKind: 'cash' | 'card' | 'qr';
  readonly amountMinor: number;
  readonly taxMinor: number;
  readonly shiftId: string | null;
  readonly operatorId: string | null;
}

export const refundTotalsRows = (r: CompletedRefund): TotalsRow[] => [
  { metric: REFUNDS, n: 1, amountMinor: r.amountMinor, taxMinor: r.taxMinor },
  { metric: refundTenderMetric(r.tenderKind), n: 1, amountMinor: r.amountMinor },
];

/** Inside the completing transaction. */
export const addRefundTotals = (totals: DayTotals, r: CompletedRefund): void =>
  totals.add(refundTotalsRows(r), { shiftId: r.shiftId, operatorId: r.operatorId });
