// What the sale capability needs from the catalog, as the catalog provides it (adapted in main/host.ts).
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
