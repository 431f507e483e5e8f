// The one checkout (main/sale/checkout.ts): each refusal when a cart is opened for tender, and a sale completed
// from a list of tenders that must pay exactly the total (split tender: at most one cash, only cash gives change).
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { PosFailure, type PosError } from '../../../main/api/result';
import { createAttemptRepo, type AttemptRepo } from '../../../main/payments/attempts/attempt-repo';
import { paymentLocks } from '../../../main/payments/tender-locks';
import { createCartRepo, type CartRepo, type OpenCart } from '../../../main/sale/cart-repo';
import { createCheckout, type Checkout } from '../../../main/sale/checkout';
import type { SaleSettings } from '../../../main/sale/ports';
import { createSaleRepo } from '../../../main/sale/sale-repo';
import { createCashTender } from '../../../main/sale/tender-cash';
import type { PaymentTenderInput } from '../../../main/sale/tenders';
import { addTaxCategories, fixedNow, openTestDb } from '../../support/catalog-db';
import { namingCatalog, pieceLine } from './sale-fixtures';

const names = new Map([['std', { name: '标准税率' }]]);
const catalog = namingCatalog(names);
const settings: SaleSettings = {
  currency: 'CNY',
  pricingMode: 'inclusive',
  taxRounding: 'line',
  trainingMode: false,
  terminalId: 'T01',
};
/** The PosError a call threw (fails the test if it did not throw one). */
function refusal(fn: () => unknown): PosError {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof PosFailure)) throw e;
    return e.detail === undefined
      ? { code: e.code, message: e.message }
      : { code: e.code, message: e.message, detail: e.detail };
  }
  throw new Error('expected a refusal');
}

let db: Database.Database;
let carts: CartRepo;
let attempts: AttemptRepo;
let checkout: Checkout;
let n = 0;
const newId = (): string => `id-${String(++n).padStart(6, '0')}`;
const count = (table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The open cart with lines of these prices (inclusive: the total is their sum). */
function cartOf(...prices: number[]): OpenCart {
  return db.transaction(() => {
    const open = carts.openCart();
    const lines = prices.map((p, i) => pieceLine(`L${i + 1}`, p));
    return carts.save(open.id, { lines, orderDiscount: null, lastLineId: lines.at(-1)?.lineId ?? null });
  })();
}

const cardTender = (amountMinor: number, attemptId = 'att-1'): PaymentTenderInput => ({
  kind: 'card',
  amountMinor,
  attemptId,
  reference: attemptId,
  brand: 'visa',
  last4: '1111',
  authCode: 'A1',
  storedOffline: false,
});

/** Opens and completes in one IMMEDIATE transaction, as every tender does. */
const sell = (cart: OpenCart, tenders: Parameters<Checkout['complete']>[1]) =>
  db
    .transaction(() =>
      checkout.complete(checkout.open({ cartId: cart.id, cartVersion: cart.version }), tenders),
    )
    .immediate();

beforeEach(() => {
  db = openTestDb();
  addTaxCategories(db);
  carts = createCartRepo(db, { now: fixedNow, newId });
  attempts = createAttemptRepo(db, { now: fixedNow });
  checkout = createCheckout({
    db,
    carts,
    sales: createSaleRepo(db, () => names),
    catalog,
    settings,
    now: fixedNow,
    newId,
    locks: paymentLocks(attempts),
    kickDrawerOnCash: true,
  });
});

describe('opening a cart for tender', () => {
  it('refuses a cart that is not open (unknown, or already sold): NOT_FOUND', () => {
    expect(refusal(() => checkout.open({ cartId: 'nope', cartVersion: 1 }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Cart nope is not open',
    });
    const cart = cartOf(1000);
    sell(cart, [{ kind: 'cash', tenderedMinor: 1000 }]);
    expect(refusal(() => checkout.open({ cartId: cart.id, cartVersion: cart.version })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses a version other than the one the cashier saw: CART_STALE, naming both', () => {
    const cart = cartOf(1000);
    expect(refusal(() => checkout.open({ cartId: cart.id, cartVersion: cart.version - 1 }))).toEqual({
      code: 'CART_STALE',
      message: 'The cart changed since the total was shown; check it and tender again',
      detail: { expected: cart.version, got: cart.version - 1 },
    });
  });

  it('refuses an empty cart: CART_EMPTY', () => {
    const cart = cartOf();
    expect(refusal(() => checkout.open({ cartId: cart.id, cartVersion: cart.version })).code).toBe(
      'CART_EMPTY',
    );
  });

  it('refuses a cart a payment holds: CART_LOCKED, naming the payment; nothing is written', () => {
    const cart = cartOf(1000);
    const held = attempts.insert({
      id: 'att-held',
      kind: 'qr',
      mode: 'online',
      cartId: cart.id,
      cartVersion: cart.version,
      amountMinor: 1000,
      currency: 'CNY',
    });
    const tender = createCashTender({ db, checkout });
    expect(
      refusal(() => tender({ cartId: cart.id, cartVersion: cart.version, tenderedMinor: 1000 })),
    ).toEqual({
      code: 'CART_LOCKED',
      message: 'A payment for this cart is in progress or unresolved',
      detail: { attemptId: held.id, state: 'created' },
    });
    expect(count('sales')).toBe(0);
  });

  it("runs the tender's own check after the cart's checks and before the lock", () => {
    const order: string[] = [];
    const cart = cartOf(1000);
    const check = (): void => void order.push('check');
    const locks = { assertUnlocked: () => void order.push('lock') };
    refusal(() => checkout.open({ cartId: cart.id, cartVersion: cart.version + 1 }, { check, locks }));
    expect(order).toEqual([]);
    const opened = checkout.open({ cartId: cart.id, cartVersion: cart.version }, { check, locks });
    expect(order).toEqual(['check', 'lock']);
    expect(opened.view.totals.totalMinor).toBe(1000);
  });
});

describe('completing a sale from a list of tenders', () => {
  it('one cash tender: the change, the drawer kick, the upload queued in the same commit', () => {
    const sale = sell(cartOf(1000, 2500), [{ kind: 'cash', tenderedMinor: 5000 }]);
    expect(sale.tenders).toEqual([
      expect.objectContaining({ kind: 'cash', amountMinor: 3500, changeMinor: 1500 }),
    ]);
    expect(db.prepare(`SELECT kind FROM print_jobs ORDER BY id`).all()).toEqual([
      { kind: 'drawer' },
      { kind: 'receipt' },
    ]);
    expect(db.prepare(`SELECT kind, ref FROM outbox`).all()).toEqual([
      { kind: 'sale.upload', ref: sale.saleId },
    ]);
  });

  it('a card and cash on one sale: cash pays what the card leaves and alone gives change', () => {
    const cart = cartOf(10_000);
    const held = { cartId: cart.id, cartVersion: cart.version, attemptId: 'att-1' };
    const base = { kind: 'card', mode: 'online', currency: 'CNY' } as const;
    attempts.insert({ ...base, id: 'att-1', cartId: cart.id, cartVersion: cart.version, amountMinor: 4_000 });
    // The card payment holds the cart, so it is completed as a settled payment completes it.
    const sale = db
      .transaction(() =>
        checkout.complete(checkout.openHeld(held), [
          cardTender(4_000),
          { kind: 'cash', tenderedMinor: 7_000 },
        ]),
      )
      .immediate();
    expect(sale.tenders.map((t) => [t.kind, t.amountMinor, t.tenderedMinor, t.changeMinor])).toEqual([
      ['card', 4_000, 4_000, 0],
      ['cash', 6_000, 7_000, 1_000],
    ]);
    expect(db.prepare(`SELECT kind, attempt_id AS a FROM tenders ORDER BY id`).all()).toEqual([
      { kind: 'card', a: 'att-1' },
      { kind: 'cash', a: null },
    ]);
  });

  it('refuses tenders that do not add up, and writes nothing', () => {
    const cart = cartOf(10_000);
    const at = { cartId: cart.id, cartVersion: cart.version };
    const refused = (tenders: Parameters<Checkout['complete']>[1]): PosError =>
      refusal(() => db.transaction(() => checkout.complete(checkout.open(at), tenders)).immediate());
    expect(refused([cardTender(9_999)])).toMatchObject({
      code: 'INTERNAL',
      message: 'tenders pay 9999, the sale is 10000',
    });
    expect(refused([cardTender(6_000), cardTender(6_000, 'att-2')]).code).toBe('INTERNAL');
    expect(refused([cardTender(10_000), { kind: 'cash', tenderedMinor: 100 }]).code).toBe('INTERNAL');
    expect(
      refused([
        { kind: 'cash', tenderedMinor: 5_000 },
        { kind: 'cash', tenderedMinor: 5_000 },
      ]),
    ).toMatchObject({
      code: 'INTERNAL',
      message: 'at most one cash tender a sale',
    });
    expect(refused([cardTender(0)]).code).toBe('INTERNAL');
    expect(refused([])).toMatchObject({ code: 'INTERNAL', message: 'tenders pay 0, the sale is 10000' });
    expect(refused([cardTender(4_000), { kind: 'cash', tenderedMinor: 5_999 }])).toEqual({
      code: 'TENDER_INSUFFICIENT',
      message: 'Cash given is less than the total due',
      detail: { totalMinor: 6_000, tenderedMinor: 5_999 },
    });
    expect([count('sales'), count('tenders'), count('outbox'), count('print_jobs')]).toEqual([0, 0, 0, 0]);
    expect(carts.byId(cart.id)?.status).toBe('open');
  });

  it("a settled payment's cart must still be open at its version (openHeld): INTERNAL otherwise", () => {
    const cart = cartOf(1000);
    const held = { cartId: cart.id, cartVersion: cart.version, attemptId: 'att-9' };
    expect(checkout.openHeld(held).view.totals.totalMinor).toBe(1000);
    expect(refusal(() => checkout.openHeld({ ...held, cartVersion: cart.version + 1 }))).toEqual({
      code: 'INTERNAL',
      message: `cart ${cart.id} changed under payment att-9`,
      detail: { attemptId: 'att-9' },
    });
  });
});
