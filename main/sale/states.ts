// The cart/sale lifecycle, in one place. A cart is `open` while the cashier works on it; the tender's single
// commit moves it to `completed` and creates the sale row in the same transaction; `abandoned` is a cart the
// cashier cleared after lines were on it (kept for loss-prevention reports). A cart with lines is `parked`
// for its owner when another cashier signs in, and is open again when its owner signs in (cart-handover.ts);
// nothing else moves backwards.
//
//   open --tender commit--> completed
//   open --clear (had lines)--> abandoned
//   open --another cashier signs in--> parked --its owner signs in--> open
import { PosFailure } from '../api/result';

export type CartStatus = 'open' | 'completed' | 'abandoned' | 'parked';

export const CART_TRANSITIONS: Readonly<Record<CartStatus, readonly CartStatus[]>> = {
  open: ['completed', 'abandoned', 'parked'],
  completed: [],
  abandoned: [],
  parked: ['open'],
};

export function assertCartTransition(from: CartStatus, to: CartStatus): void {
  if (!CART_TRANSITIONS[from].includes(to)) {
    throw new PosFailure('INTERNAL', `Cart cannot go from ${from} to ${to}`);
  }
}
