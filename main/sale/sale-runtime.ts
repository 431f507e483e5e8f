// Assembles the sale capability: the sale's view of the catalog, the cart and sale repositories, the cart
// service, the one checkout and the cash tender. The payments' cart locks come in as a port (ports.ts).
import type { CartView } from '../api/contract';
import type { PosConfig } from '../config/config';
import type { Database } from '../store/db';
import type { MaintenanceTask } from '../store/idle-maintenance';
import type { CartHandoverPort } from '../staff/cart-handover';
import { cartCompaction } from './cart-compaction';
import { createCartHandover } from './cart-handover';
import { receiptSearchMerge } from './receipt-search-merge';
import type { CartRepo } from './cart-repo';
import { createCartRepo } from './cart-repo';
import { createCartService, type CartService } from './cart-service';
import { discountGate, discountLimit } from './discount-limit';
import { createCheckout, type Checkout } from './checkout';
import type { CartLocks, SaleCatalog, SaleSettings } from './ports';
import { createSaleCatalog } from './sale-catalog';
import { createSaleRepo, type SaleRepo } from './sale-repo';
import { saleSettings } from './settings';
import { createCashTender, type TenderCashInput } from './tender-cash';
import type { SaleView } from '../api/contract';
import { OPEN_TILL, type TillGate } from './till-gate';

export interface SaleDeps {
  readonly db: Database;
  readonly config: PosConfig;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly locks: CartLocks;
  /** Open the cash drawer after a sale with a cash tender (the printer's setting). */
  readonly kickDrawerOnCash: boolean;
  readonly onCartChange: (cart: CartView) => void;
  /** the shop's business time zone, read once at start: the calendar days receipt search's filters name */
  readonly timeZone: string;
  /** who may sell now (signed in, a shift open), and whose each sale is (till-gate.ts) */
  readonly till?: TillGate;
}

export interface Sale {
  readonly settings: SaleSettings;
  readonly catalog: SaleCatalog;
  readonly carts: CartRepo;
  readonly sales: SaleRepo;
  readonly cart: CartService;
  readonly checkout: Checkout;
  readonly tenderCash: (input: TenderCashInput) => SaleView;
  /** a switch of cashier parks and gives back carts (staff's port, cart-handover.ts) */
  readonly handover: CartHandoverPort;
  /** while the till is idle: old completed carts cleared, the receipt search index merged */
  readonly idleTasks: readonly MaintenanceTask[];
}

export function createSale(d: SaleDeps): Sale {
  const { db, config, now, newId, locks } = d;
  const settings = saleSettings(config);
  const catalog = createSaleCatalog(db, config.variableMeasureRules);
  const carts = createCartRepo(db, { now, newId });
  const sales = createSaleRepo(db, () => catalog.taxCategoryNames(), { timeZone: d.timeZone });
  const cart = createCartService({
    db,
    carts,
    catalog,
    settings,
    newId,
    now,
    onChange: d.onCartChange,
    locks,
    // an approved discount over the limit is an override, counted for the till's shift and cashier
    discountGate: discountGate(db, now, discountLimit(config), () => (d.till ?? OPEN_TILL).attribution()),
    till: d.till,
  });
  // The one checkout (checkout.ts): cash here, card and QR through the payments runtime.
  const checkout = createCheckout({
    ...{ db, carts, sales, catalog, settings, now, newId, locks },
    kickDrawerOnCash: d.kickDrawerOnCash,
    till: d.till,
  });
  return {
    ...{ settings, catalog, carts, sales, cart, checkout },
    tenderCash: createCashTender({ db, checkout }),
    handover: createCartHandover({ carts, locks, cart: cart.get, onCartChange: d.onCartChange }),
    idleTasks: [cartCompaction(db, carts), receiptSearchMerge(db)],
  };
}
