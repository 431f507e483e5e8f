// The one checkout: every way of paying (cash in tender-cash.ts; card and QR in payments/ once their money is
// settled) opens its cart here and completes its sale here. A cart is tendered only when it is open, at the
// version the cashier saw, not empty and not held by a payment that may be moving money; the sale is written
// from a LIST of tenders through the one SaleWriter, after checking they pay exactly the total (today one
// tender a sale; split tender passes several, at most one of them cash, and only cash gives change).
import type { Database } from '../store/db';
import type { CartView, SaleView } from '../api/contract';
import { PosFailure } from '../api/result';
import type { CartRepo, OpenCart } from './cart-repo';
import { priceView } from './cart-service';
import type { CartLocks, SaleCatalog, SaleSettings } from './ports';
import type { SaleRepo } from './sale-repo';
import { createDayTotals, type Attribution } from '../totals/day-totals';
import { OPEN_TILL, type TillGate } from './till-gate';
import { createSaleWriter } from './write-sale';
import { tendersFor, type TenderInput } from './tenders';

export interface TenderTarget {
  readonly cartId: string;
  /** the version whose total the cashier saw */
  readonly cartVersion: number;
}

/** A cart cleared for tender, priced. */
export interface OpenedCart {
  readonly cart: OpenCart;
  readonly view: CartView;
}

export interface OpenOptions {
  /** The payment lock this tender respects (default: the cart locks the checkout was built with). */
  readonly locks?: CartLocks;
  /** The tender's own checks: after the cart's, before the lock (the order errors have always come in). */
  readonly check?: () => void;
}

export interface Checkout {
  /**
   * Inside the caller's IMMEDIATE transaction: NOT_FOUND (not open), CART_STALE, CART_EMPTY, the caller's
   * `check`, CART_LOCKED, then the priced cart.
   */
  open(target: TenderTarget, options?: OpenOptions): OpenedCart;
  /** The sale a committed tender made for this cart (a retried tender gets it back, never a second sale). */
  soldFor(cartId: string): SaleView | null;
  /**
   * The cart a settled payment holds, priced. The payment kept the cart from changing, so anything else means
   * the data was edited by hand: INTERNAL, nothing written.
   */
  openHeld(target: TenderTarget & { readonly attemptId: string }): OpenedCart;
  /** Inside the same transaction: the sale from `tenders` (they must pay exactly the total). */
  complete(opened: OpenedCart, tenders: readonly TenderInput[]): SaleView;
  /** whose a sale written now is (the till gate's): what a payment counts its own events for */
  attribution(): Attribution;
}

export interface CheckoutDeps {
  readonly db: Database;
  readonly carts: CartRepo;
  readonly sales: SaleRepo;
  readonly catalog: SaleCatalog;
  readonly settings: SaleSettings;
  readonly now: () => Date;
  readonly newId: () => string;
  /** payments' lock on a cart (cash respects it; card and QR pass their own stricter one) */
  readonly locks?: CartLocks;
  /** Open the cash drawer after a sale with a cash tender (a drawer job queued with the receipt). */
  readonly kickDrawerOnCash?: boolean;
  /** who may sell now, and whose a sale is (absent: anyone, and nobody's; tests of the sale alone) */
  readonly till?: TillGate | undefined;
}

export function createCheckout(deps: CheckoutDeps): Checkout {
  // The one SaleWriter: every sale, whatever paid for it, is the same set of rows (write-sale.ts).
  const till = deps.till ?? OPEN_TILL;
  const writer = createSaleWriter({ ...deps, till, totals: createDayTotals(deps.db) });
  const closedCart = (cartId: string): PosFailure =>
    new PosFailure('NOT_FOUND', `Cart ${cartId} is not open`, { cartId });

  return {
    attribution: () => till.attribution(),
    open(target, options = {}) {
      const cart = deps.carts.byId(target.cartId);
      if (!cart || cart.status !== 'open') throw closedCart(target.cartId);
      if (cart.version !== target.cartVersion) {
        throw new PosFailure(
          'CART_STALE',
          'The cart changed since the total was shown; check it and tender again',
          { expected: cart.version, got: target.cartVersion },
        );
      }
      if (cart.body.lines.length === 0) throw new PosFailure('CART_EMPTY', 'The cart is empty');
      till.assertCanSell();
      options.check?.();
      // A card or QR payment may be moving money for this cart: nothing else may tender it until it ends.
      (options.locks ?? deps.locks)?.assertUnlocked(cart.id);
      return { cart, view: priceView(cart, deps) };
    },
    soldFor: (cartId) => deps.sales.byCartId(cartId),
    openHeld(target) {
      const cart = deps.carts.byId(target.cartId);
      if (!cart || cart.status !== 'open' || cart.version !== target.cartVersion) {
        throw new PosFailure('INTERNAL', `cart ${target.cartId} changed under payment ${target.attemptId}`, {
          attemptId: target.attemptId,
        });
      }
      return { cart, view: priceView(cart, deps) };
    },
    complete({ cart, view }, tenders) {
      const written = tendersFor(view.totals.totalMinor, tenders);
      return writer.write({
        cartId: cart.id,
        cartVersion: cart.version,
        view,
        tenders: written,
        at: deps.now().toISOString(),
        kickDrawer: deps.kickDrawerOnCash === true && written.some((t) => t.kind === 'cash'),
      });
    },
  };
}

export type { TenderInput };
