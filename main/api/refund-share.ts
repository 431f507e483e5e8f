// What returning part of a sale line pays back: THE rule, for main (main/refunds/refundable.ts decides the
// refund with it) and for the refund screen (which shows the figure before anyone asks). Pure; Money in integer
// minor units through ./money. The renderer imports this file through @contract/refund-share.
//
// Amounts telescope: after R of a line's S units are back, the customer has had round(total x R / S) in all, so
// returning q more pays round(total x (R + q) / S) minus what earlier refunds paid. However the line is returned
// in parts, the parts sum to exactly the line's total once every unit is back, and never more (rounding half up
// each part separately could overshoot: eight halves of 0.625 round to 8, not 5).
import type { RefundableLineView } from './contract/refunds';
import { divHalfUp, toSafeNumber } from './money';

/** What earlier refunds took of one line: the quantity back and what was paid for it (amount, or tax). */
export interface ReturnedBefore {
  readonly qtyMilli: number;
  readonly minor: number;
}

/** What has been paid back of `wholeMinor` (a line's total, or its tax) once `upToQtyMilli` of `soldQtyMilli` are back. */
export const paidBackAfter = (wholeMinor: number, upToQtyMilli: number, soldQtyMilli: number): number =>
  toSafeNumber(divHalfUp(BigInt(wholeMinor) * BigInt(upToQtyMilli), BigInt(soldQtyMilli)));

/** What returning `qtyMilli` more of a line pays back of `wholeMinor`, after earlier refunds took `before`. */
export const returnShareMinor = (
  wholeMinor: number,
  soldQtyMilli: number,
  before: ReturnedBefore,
  qtyMilli: number,
): number => paidBackAfter(wholeMinor, before.qtyMilli + qtyMilli, soldQtyMilli) - before.minor;

/** The refund screen's figure for one line: what returning `qtyMilli` of it pays back (none: 0; capped at what is left). */
export function lineRefundMinor(line: RefundableLineView, qtyMilli: number): number {
  if (qtyMilli <= 0 || line.soldQtyMilli <= 0) return 0;
  const before = { qtyMilli: line.refundedQtyMilli, minor: line.totalMinor - line.remainingMinor };
  return returnShareMinor(
    line.totalMinor,
    line.soldQtyMilli,
    before,
    Math.min(qtyMilli, line.remainingQtyMilli),
  );
}

/** The refund's total for the chosen quantities (lineNo -> qtyMilli). */
export function refundTotalMinor(
  lines: readonly RefundableLineView[],
  qty: ReadonlyMap<number, number>,
): number {
  return lines.reduce((sum, l) => sum + lineRefundMinor(l, qty.get(l.lineNo) ?? 0), 0);
}
