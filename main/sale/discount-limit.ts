// Which discounts a cashier may give alone (config.json `discountApproval`). A percent discount over
// `maxPercentBp`, or any discount that takes more than `maxAmountMinor` off (what pricing says it takes, so a
// modest percent of a large order counts too), needs the approval of someone holding `discount.overLimit`
// (a supervisor, manager or owner). An amount discount is judged by its amount. Taking a discount off never
// needs approval. The approval is journalled, and counted as an override in the day's totals, in the cart
// change's own transaction.
import type { CartView, Discount } from '../api/contract';
import type { PosConfig } from '../config/config';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import type { Database } from '../store/db';
import { approvedBy, type Approver } from '../staff/approvals';
import type { Attribution } from '../totals/day-totals';
import { createEventCounter, nobody } from '../totals/counted-events';

export interface DiscountLimit {
  readonly maxPercentBp: number;
  readonly maxAmountMinor: number;
}

export const DEFAULT_DISCOUNT_LIMIT: DiscountLimit = { maxPercentBp: 2000, maxAmountMinor: 5000 };

export const discountLimit = (config: Pick<PosConfig, 'discountApproval'>): DiscountLimit => ({
  ...DEFAULT_DISCOUNT_LIMIT,
  ...config.discountApproval,
});

/** null: the whole order; otherwise the line's id. */
export type DiscountTarget = string | null;

const takenOff = (view: CartView, target: DiscountTarget): number =>
  target === null
    ? view.totals.orderDiscountMinor
    : (view.lines.find((l) => l.lineId === target)?.lineDiscountMinor ?? 0);

export function isOverLimit(discount: Discount, takenMinor: number, limit: DiscountLimit): boolean {
  return (
    (discount.kind === 'percent' && discount.bp > limit.maxPercentBp) || takenMinor > limit.maxAmountMinor
  );
}

/**
 * Checks a priced cart after a discount change, inside the change's transaction: over the limit without an
 * approver is APPROVAL_REQUIRED (nothing is saved); with one, the approval is journalled.
 */
export type DiscountGate = (
  view: CartView,
  target: DiscountTarget,
  discount: Discount | null,
  approver: Approver | null,
) => void;

export function discountGate(
  db: Database,
  now: () => Date,
  limit: DiscountLimit,
  who: () => Attribution = nobody,
): DiscountGate {
  const count = createEventCounter(db);
  return (view, target, discount, approver) => {
    if (discount === null) return;
    const taken = takenOff(view, target);
    if (!isOverLimit(discount, taken, limit)) return;
    if (approver === null) {
      throw new PosFailure('APPROVAL_REQUIRED', 'A discount this large needs a manager', {
        permission: 'discount.overLimit',
        ...limit,
      });
    }
    appendJournal(db, {
      at: now().toISOString(),
      kind: 'cart.discount-approved',
      ref: view.cartId,
      body: {
        lineId: target,
        discount,
        discountMinor: taken,
        currency: view.currency,
        approvedBy: approvedBy(approver),
      },
    });
    count('override', who());
  };
}
