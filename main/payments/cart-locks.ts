// The payments' side of the sale's CartLocks port (main/sale/ports.ts) for cart edits and cash: a cart is
// locked while a card or QR payment for it may be moving money. It needs only the attempts, so the host builds
// it before the checkout and the payments that use the checkout, and hands it to the cart service and the
// checkout (card and QR tenders respect the stricter tender-locks.ts).
import type { PaymentView } from '../api/contract';
import type { CartLocks } from '../sale/ports';
import type { Database } from '../store/db';
import type { AttemptRepo } from './attempts/attempt-repo';
import { toPaymentView } from './payment-view';
import { cartLockedBy } from './tender-locks';

export interface CartLocksDeps {
  readonly db: Database;
  readonly attempts: Pick<AttemptRepo, 'blockingFor' | 'move'>;
  /** a card payment waiting for its card was cancelled (the dialog that started it hears it) */
  readonly onPayment: (p: PaymentView) => void;
}

export function createCartLocks({ db, attempts, onPayment }: CartLocksDeps): CartLocks {
  return {
    assertUnlocked(cartId) {
      const waiting = attempts.blockingFor(cartId);
      if (waiting === null) return; // the usual case: one query on every cart edit and every cash sale
      // A card payment still waiting for its card has moved no money: going on with the cart (an edit, cash,
      // clearing it) abandons it, so a refused or forgotten card dialog never leaves the cart stuck.
      if (waiting.state === 'created' && waiting.kind === 'card') {
        onPayment(
          toPaymentView(db.transaction(() => attempts.move(waiting.id, 'created', 'cancelled')).immediate()),
        );
      }
      const b = attempts.blockingFor(cartId);
      if (b) throw cartLockedBy(b);
    },
  };
}
