// What the sale capability needs from others: the catalog (adapted in sale-catalog.ts), the settings, and the
// payments' lock on a cart (declared here, provided by main/payments/cart-locks.ts: payments sit above sale).
import type { ProductView } from '../api/contract';

export interface ScannedItem {
  readonly product: ProductView;
  /** From a scale label: the weighed quantity in thousandths of a kg. */
  readonly qtyMilli: number | null;
  /** From a price-embedded label: the price printed on it, used as this line's price. */
  readonly priceOverrideMinor: number | null;
}

export interface SaleCatalog {
  /** Throws PosFailure BARCODE_MALFORMED / BARCODE_UNKNOWN. */
  scan(code: string): ScannedItem;
  /** Throws PosFailure PRODUCT_NOT_FOUND. */
  product(id: string): ProductView;
  taxCategory(id: string): { readonly name: string; readonly rateBp: number };
  taxCategoryNames(): ReadonlyMap<string, { readonly name: string }>;
}

export interface SaleSettings {
  readonly currency: string;
  readonly pricingMode: 'inclusive' | 'exclusive';
  readonly taxRounding: 'line' | 'receipt';
  readonly trainingMode: boolean;
  readonly terminalId: string;
}

/** A cart with a card or QR payment that may be moving money for it takes no edit and no other tender. */
export interface CartLocks {
  /** Throws CART_LOCKED while such a payment exists (a card still waiting for its card is cancelled instead). */
  assertUnlocked(cartId: string): void;
}
