// The metrics kept per business day, shift and cashier in `day_totals` (migration 015), and what each of the
// row's columns means for it. Names are data: a Z stored years ago must still read, so a metric is never
// renamed, only added.
export const SALES = 'sales'; // n sales; amount = total paid; gross; discount (line + order); tax; qty = items x 1000 (a weighed line is one item)
export const REFUNDS = 'refunds'; // n refunds; amount = paid back; tax = tax in it
export const taxMetric = (rateBp: number): string => `tax:${rateBp}`; // n lines; amount = net taxable; tax
/** cash | card:<brand> | qr:<wallet>: n tenders; amount = applied to sales; change = change given */
export const tenderMetric = (kind: string, brand: string | null): string =>
  kind === 'cash' || brand === null ? `tender:${kind}` : `tender:${kind}:${brand}`;
export const refundTenderMetric = (kind: string): string => `refund:${kind}`; // n; amount
/**
 * Events counted (n only), each in its journal entry's transaction (counted-events.ts). `override` is every
 * approval that lets someone past a limit: a discount over the limit ('cart.discount-approved'), a float or
 * cash movement over the threshold ('shift.opened' / 'shift.cash-moved' with approvedBy), an offline payment
 * over the caps ('payment.stored-offline' with override). A no-sale or reprint counts as itself, not as an
 * override; a refund and a variance's sign-off have figures of their own. `void`: a cart cleared with lines
 * ('cart.abandoned'); `lineVoid`: a line removed from the cart.
 */
export const COUNTS = {
  noSale: 'count:no-sale',
  reprint: 'count:reprint',
  override: 'count:override',
  void: 'count:void',
  lineVoid: 'count:line-void',
} as const;
export type CountName = keyof typeof COUNTS;

/** One row to add into the day's totals: every amount column defaults to 0. */
export interface TotalsRow {
  readonly metric: string;
  readonly n: number;
  readonly amountMinor?: number;
  readonly grossMinor?: number;
  readonly discountMinor?: number;
  readonly taxMinor?: number;
  readonly qtyMilli?: number;
  readonly changeMinor?: number;
}
