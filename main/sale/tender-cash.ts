// Where a cash sale is completed. ONE transaction writes the sale, its lines, the tender, the hash-chained
// journal entry and the outbox row, and closes the cart (write-sale.ts); the cashier sees "complete" only after
// it returns.
// Idempotent by cart: a retry (double click, a renderer that reconnected, a restart between commit and
// acknowledgement) gets the sale that was already committed, never a second one.
import type Database from 'better-sqlite3';
import type { SaleView, TenderView } from '../api/contract';
import { PosFailure } from '../api/result';
import type { CartRepo } from './cart-repo';
import { priceView } from './cart-service';
import type { SaleCatalog, SaleSettings } from './ports';
import type { SaleRepo } from './sale-repo';
import { createSaleWriter } from './write-sale';

/** The tender of a cash payment of `totalMinor` with `tenderedMinor` handed over. */
export function cashTenderView(totalMinor: number, tenderedMinor: number): TenderView {
  return {
    kind: 'cash',
    amountMinor: totalMinor,
    tenderedMinor,
    changeMinor: tenderedMinor - totalMinor,
    reference: null,
    brand: null,
    last4: null,
    authCode: null,
    storedOffline: false,
  };
}

export interface TenderCashInput {
  readonly cartId: string;
  readonly cartVersion: number;
  readonly tenderedMinor: number;
}

export interface TenderDeps {
  readonly db: Database.Database;
  readonly carts: CartRepo;
  readonly sales: SaleRepo;
  readonly catalog: SaleCatalog;
  readonly settings: SaleSettings;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Open the cash drawer after the sale (a drawer job queued with the receipt). Default false. */
  readonly kickDrawer?: boolean;
  /** Throws CART_LOCKED while a card or QR payment for the cart may be moving money. */
  readonly assertCartUnlocked?: (cartId: string) => void;
}

export function createCashTender(deps: TenderDeps): (input: TenderCashInput) => SaleView {
  const writer = createSaleWriter(deps);
  const commit = deps.db.transaction((input: TenderCashInput): SaleView => {
    const cart = deps.carts.byId(input.cartId);
    if (!cart || cart.status !== 'open') {
      // A retry of a tender that already committed: the sale it made, never a second one.
      const existing = deps.sales.byCartId(input.cartId);
      if (existing) return existing;
      throw new PosFailure('NOT_FOUND', `Cart ${input.cartId} is not open`, { cartId: input.cartId });
    }
    if (cart.version !== input.cartVersion) {
      throw new PosFailure(
        'CART_STALE',
        'The cart changed since the total was shown; check it and tender again',
        { expected: cart.version, got: input.cartVersion },
      );
    }
    if (cart.body.lines.length === 0) throw new PosFailure('CART_EMPTY', 'The cart is empty');
    // A card or QR payment may be moving money for this cart: cash must wait until it is resolved.
    deps.assertCartUnlocked?.(cart.id);
    const view = priceView(cart, deps);
    const total = view.totals.totalMinor;
    if (input.tenderedMinor < total) {
      throw new PosFailure('TENDER_INSUFFICIENT', 'Cash given is less than the total due', {
        totalMinor: total,
        tenderedMinor: input.tenderedMinor,
      });
    }
    return writer.write({
      cartId: cart.id,
      cartVersion: cart.version,
      view,
      tenders: [{ ...cashTenderView(total, input.tenderedMinor), attemptId: null }],
      at: deps.now().toISOString(),
      kickDrawer: deps.kickDrawer === true,
    });
  });

  return (input) => commit.immediate(input);
}
