// The lock a card or QR tender respects when it opens its cart (main/sale/checkout.ts): any payment holding the
// cart refuses it. Stricter than the cart edits' and cash's lock (cart-locks.ts), which first cancel a card
// payment still waiting for its card: a second payment must not end the first one.
import { PosFailure } from '../api/result';
import type { CartLocks } from '../sale/ports';
import type { Attempt, AttemptRepo } from './attempts/attempt-repo';

/** CART_LOCKED, naming the payment that holds the cart. */
export function cartLockedBy(a: Pick<Attempt, 'id' | 'state'>): PosFailure {
  return new PosFailure('CART_LOCKED', 'A payment for this cart is in progress or unresolved', {
    attemptId: a.id,
    state: a.state,
  });
}

/** Refuses a cart held by a payment, unless `goesOn` says that payment is the one this tender continues. */
export function paymentLocks(
  attempts: Pick<AttemptRepo, 'blockingFor'>,
  goesOn: (holder: Attempt) => boolean = () => false,
): CartLocks {
  return {
    assertUnlocked(cartId) {
      const holder = attempts.blockingFor(cartId);
      if (holder !== null && !goesOn(holder)) throw cartLockedBy(holder);
    },
  };
}
