// The cart/sale lifecycle, in one place. A cart is `open` while the cashier works on it; the tender's single
// commit moves it to `completed` and creates the sale row in the same transaction; `abandoned` is a cart the
// cashier cleared after lines were on it (kept for loss-prevention reports). Nothing moves backwards.
//
//   open --tender commit--> completed
//   open --clear (had lines)--> abandoned
import { PosFailure } from '../api/result';

export type CartStatus = 'open' | 'completed' | 'abandoned';

export const CART_TRANSITIONS: Readonly<Record<CartStatus, readonly CartStatus[]>> = {
  open: ['completed', 'abandoned'],
  completed: [],
  abandoned: [],
};

export function assertCartTransition(from: CartStatus, to: CartStatus): void {
  if (!CART_TRANSITIONS[from].includes(to)) {
    throw new PosFailure('INTERNAL', `Cart cannot go from ${from} to ${to}`);
  }
}
