// The sale's side of staff's CartHandoverPort (main/staff/cart-handover.ts): when a different cashier signs
// in, the open cart, if it has lines, is parked for whoever signed in last (its owner: nobody else could edit
// it, as selling needs a signed-in cashier), and the new cashier's parked cart, if any, is the open cart
// again. Nothing is voided and nothing is sold by the wrong cashier. A card or QR payment moving money for
// the cart refuses the switch (CART_LOCKED). Runs inside the sign-in's transaction.
import type { CartView } from '../api/contract';
import type { CartHandOver, CartHandoverPort } from '../staff/cart-handover';
import type { CartRepo } from './cart-repo';
import type { CartLocks } from './ports';

export function createCartHandover(d: {
  readonly carts: CartRepo;
  readonly locks: CartLocks;
  /** the open cart, priced, for the cart event after a switch */
  readonly cart: () => CartView;
  readonly onCartChange: (cart: CartView) => void;
}): CartHandoverPort {
  const { carts } = d;
  const NOTHING: CartHandOver = { parked: null, restored: null };
  return {
    handOver(from, to) {
      if (from === to) return NOTHING;
      const open = carts.openCart();
      const hasLines = open.body.lines.length > 0;
      // Lines nobody signed in for (training before any sign-in) stay where they are, with the new cashier.
      if (hasLines && from === null) return NOTHING;
      let parked: string | null = null;
      if (hasLines && from !== null) {
        d.locks.assertUnlocked(open.id);
        carts.park(open.id, from);
        parked = open.id;
      }
      const back = carts.parkedFor(to);
      if (back === null) return { parked, restored: null };
      // An empty cart gives its place up: nothing was rung up on it, so nothing is journalled.
      if (parked === null) carts.close(open.id, 'abandoned');
      carts.unpark(back);
      return { parked, restored: back };
    },
    announce: () => d.onCartChange(d.cart()),
  };
}
