// Where the cashier's cart is changed. Each verb validates, re-prices (pricing rejects impossible discounts
// before anything is saved), persists in one transaction and returns the priced view. Removing a line (a line
// void) and clearing a cart with lines (a void) are counted in the day's totals in that same transaction.
import type { Database } from '../store/db';
import type { CartView, Discount } from '../api/contract';
import { isWholeForUnit, type Unit } from '../api/quantity';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import type { CartBody, CartLineInput } from './cart-body';
import { EMPTY_CART } from './cart-body';
import type { CartRepo, OpenCart } from './cart-repo';
import { priceCart } from './pricing';
import type { CartLocks, SaleCatalog, SaleSettings } from './ports';
import type { Approver } from '../staff/approvals';
import type { DiscountGate } from './discount-limit';
import { OPEN_TILL, type TillGate } from './till-gate';
import { createEventCounter } from '../totals/counted-events';

export interface CartService {
  get(): CartView;
  scan(code: string): CartView;
  addProduct(productId: string, qtyMilli?: number): CartView;
  setQuantity(lineId: string, qtyMilli: number): CartView;
  removeLine(lineId: string): CartView;
  /** `approver`: someone's approval of a discount over the limit (discount-limit.ts), or null. */
  setLineDiscount(lineId: string, discount: Discount | null, approver?: Approver | null): CartView;
  setOrderDiscount(discount: Discount | null, approver?: Approver | null): CartView;
  clear(): CartView;
}

export interface CartServiceDeps {
  readonly db: Database;
  readonly carts: CartRepo;
  readonly catalog: SaleCatalog;
  readonly settings: SaleSettings;
  readonly newId: () => string;
  readonly now: () => Date;
  readonly onChange?: (cart: CartView) => void;
  /** Refuses a change while a card or QR payment may be moving money for the cart (provided by payments). */
  readonly locks?: CartLocks;
  /** Refuses a discount over the limit without an approval, journals one with (discount-limit.ts). */
  readonly discountGate?: DiscountGate;
  /** Refuses a change while the till may not sell (nobody signed in, no open shift; till-gate.ts). */
  readonly till?: TillGate | undefined;
}

// Pricing is a pure function of the cart body, the settings and the tax category names; the cart was
// priced when it last changed, so the tender (and every read) reuses that result while nothing moved.
const priced = new WeakMap<CartBody, { readonly key: string; readonly view: CartView }>();
const namesKeys = new WeakMap<ReadonlyMap<string, { readonly name: string }>, string>();

function namesKey(names: ReadonlyMap<string, { readonly name: string }>): string {
  let k = namesKeys.get(names);
  if (k === undefined) {
    k = [...names].map(([id, n]) => `${id}=${n.name}`).join('\u0001');
    namesKeys.set(names, k);
  }
  return k;
}

export function priceView(rec: OpenCart, deps: Pick<CartServiceDeps, 'catalog' | 'settings'>): CartView {
  const names = deps.catalog.taxCategoryNames();
  const s = deps.settings;
  const key = [rec.id, rec.version, s.currency, s.pricingMode, s.taxRounding, namesKey(names)].join('\u0001');
  const hit = priced.get(rec.body);
  if (hit?.key === key) return hit.view;
  const { lines, totals } = priceCart(
    rec.body.lines,
    rec.body.orderDiscount,
    { currency: s.currency, mode: s.pricingMode, rounding: s.taxRounding },
    names,
  );
  const view: CartView = {
    cartId: rec.id,
    version: rec.version,
    currency: s.currency,
    pricingMode: s.pricingMode,
    taxRounding: s.taxRounding,
    lines,
    orderDiscount: rec.body.orderDiscount,
    totals,
    lastLineId: rec.body.lastLineId,
  };
  priced.set(rec.body, { key, view });
  return view;
}

export function createCartService(deps: CartServiceDeps): CartService {
  const { db, carts, catalog } = deps;
  const count = createEventCounter(db);
  const till = deps.till ?? OPEN_TILL;

  /** Applies a change to the open cart atomically: price first (may throw), then save. */
  const change = (mutate: (body: CartBody) => CartBody, check?: (next: CartView) => void): CartView => {
    deps.till?.assertCanSell();
    const view = db
      .transaction(() => {
        const cart = carts.openCart();
        deps.locks?.assertUnlocked(cart.id);
        const next = mutate(cart.body);
        // Price before saving: an invalid discount or quantity throws here and nothing is written.
        const nextView = priceView({ ...cart, body: next }, deps);
        check?.(nextView);
        return priceView(carts.save(cart.id, next), deps);
        // IMMEDIATE: a deferred read-then-write fails at once (SQLITE_BUSY_SNAPSHOT) if another connection (a
        // catalog import in its worker) commits in between; taking the write lock first waits for it instead.
      })
      .immediate();
    deps.onChange?.(view);
    return view;
  };

  const findLine = (body: CartBody, lineId: string): CartLineInput => {
    const line = body.lines.find((l) => l.lineId === lineId);
    if (!line) throw new PosFailure('LINE_NOT_FOUND', `No line ${lineId} in the cart`, { lineId });
    return line;
  };

  const checkQty = (unit: Unit, qtyMilli: number): void => {
    if (!isWholeForUnit(unit, qtyMilli)) {
      throw new PosFailure('QUANTITY_INVALID', 'Items sold by the piece need a whole quantity', { qtyMilli });
    }
  };

  const addLine = (body: CartBody, line: Omit<CartLineInput, 'lineId'>): CartBody => {
    // Scanning the same piece item again bumps its quantity, as cashiers expect; weighed or
    // discounted lines stay separate so each label and each discount remains visible. So does a scan after
    // the product's price, tax or name changed (an import meanwhile): each line is the product as scanned.
    const same = body.lines.find(
      (l) =>
        !line.fromLabel &&
        !l.fromLabel &&
        l.unit === 'each' &&
        l.productId === line.productId &&
        !l.discount &&
        l.unitPriceMinor === line.unitPriceMinor &&
        l.taxCategoryId === line.taxCategoryId &&
        l.taxRateBp === line.taxRateBp &&
        l.name === line.name &&
        l.nameEn === line.nameEn,
    );
    if (same && line.unit === 'each') {
      const lines = body.lines.map((l) => (l === same ? { ...l, qtyMilli: l.qtyMilli + line.qtyMilli } : l));
      return { ...body, lines, lastLineId: same.lineId };
    }
    const lineId = deps.newId();
    return { ...body, lines: [...body.lines, { ...line, lineId }], lastLineId: lineId };
  };

  const lineFor = (productId: string, qtyMilli: number, priceMinor: number | null, fromLabel: boolean) => {
    const p = catalog.product(productId);
    checkQty(p.unit, qtyMilli);
    const tax = catalog.taxCategory(p.taxCategoryId);
    return {
      productId: p.id,
      sku: p.sku,
      name: p.name,
      nameEn: p.nameEn,
      unit: p.unit,
      qtyMilli,
      unitPriceMinor: priceMinor ?? p.priceMinor,
      taxCategoryId: p.taxCategoryId,
      taxRateBp: tax.rateBp,
      discount: null,
      fromLabel,
    };
  };

  return {
    get: () => db.transaction(() => priceView(carts.openCart(), deps))(),
    scan(code) {
      const item = catalog.scan(code.trim());
      const fromLabel = item.qtyMilli !== null || item.priceOverrideMinor !== null;
      const qty = item.qtyMilli ?? 1000;
      return change((b) => addLine(b, lineFor(item.product.id, qty, item.priceOverrideMinor, fromLabel)));
    },
    addProduct(productId, qtyMilli) {
      const product = catalog.product(productId);
      // A weighed item added by search without a weight starts at 1.000 kg; the cashier enters the weight (F3).
      const qty = qtyMilli ?? 1000;
      return change((b) => addLine(b, lineFor(product.id, qty, null, false)));
    },
    setQuantity(lineId, qtyMilli) {
      return change((b) => {
        const line = findLine(b, lineId);
        checkQty(line.unit, qtyMilli);
        return { ...b, lines: b.lines.map((l) => (l === line ? { ...l, qtyMilli } : l)), lastLineId: lineId };
      });
    },
    removeLine(lineId) {
      return change(
        (b) => {
          const line = findLine(b, lineId);
          const lines = b.lines.filter((l) => l !== line);
          return { ...b, lines, lastLineId: null, orderDiscount: lines.length ? b.orderDiscount : null };
        },
        () => count('lineVoid', till.attribution()),
      );
    },
    setLineDiscount(lineId, discount, approver = null) {
      return change(
        (b) => {
          const line = findLine(b, lineId);
          return {
            ...b,
            lines: b.lines.map((l) => (l === line ? { ...l, discount } : l)),
            lastLineId: lineId,
          };
        },
        (next) => deps.discountGate?.(next, lineId, discount, approver),
      );
    },
    setOrderDiscount(discount, approver = null) {
      return change(
        (b) => {
          if (discount && b.lines.length === 0) throw new PosFailure('CART_EMPTY', 'Nothing to discount');
          return { ...b, orderDiscount: discount };
        },
        (next) => deps.discountGate?.(next, null, discount, approver),
      );
    },
    clear() {
      const view = db
        .transaction(() => {
          const cart = carts.openCart();
          deps.locks?.assertUnlocked(cart.id);
          if (cart.body.lines.length === 0) return priceView(carts.save(cart.id, EMPTY_CART), deps);
          // Clearing a cart with lines is a loss-prevention event: it goes into the journal.
          const priced = priceView(cart, deps);
          carts.close(cart.id, 'abandoned');
          appendJournal(db, {
            at: deps.now().toISOString(),
            kind: 'cart.abandoned',
            ref: cart.id,
            body: {
              lines: priced.lines.length,
              totalMinor: priced.totals.totalMinor,
              currency: priced.currency,
            },
          });
          count('void', till.attribution());
          return priceView(carts.openCart(), deps);
        })
        .immediate(); // see change()
      deps.onChange?.(view);
      return view;
    },
  };
}
