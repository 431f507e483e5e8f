// Where a cash sale is completed: the cart is opened for tender and the sale written by the one checkout
// (checkout.ts), in ONE transaction; the cashier sees "complete" only after it returns.
// Idempotent by cart: a retry (double click, a renderer that reconnected, a restart between commit and
// acknowledgement) gets the sale that was already committed, never a second one.
import type { Database } from '../store/db';
import type { SaleView } from '../api/contract';
import { PosFailure } from '../api/result';
import type { Checkout } from './checkout';

export interface TenderCashInput {
  readonly cartId: string;
  readonly cartVersion: number;
  readonly tenderedMinor: number;
}

export function createCashTender(deps: {
  readonly db: Database;
  readonly checkout: Checkout;
}): (input: TenderCashInput) => SaleView {
  const { checkout } = deps;
  const commit = deps.db.transaction((input: TenderCashInput): SaleView => {
    try {
      return checkout.complete(checkout.open(input), [{ kind: 'cash', tenderedMinor: input.tenderedMinor }]);
    } catch (e) {
      // The cart is not open: a retry of a tender that already committed gets the sale it made.
      const sold = e instanceof PosFailure && e.code === 'NOT_FOUND' ? checkout.soldFor(input.cartId) : null;
      if (sold) return sold;
      throw e;
    }
  });
  return (input) => commit.immediate(input);
}
