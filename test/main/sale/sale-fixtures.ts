// Pieces the sale tests build a cart from without a catalog: a catalog port that only names tax categories, and
// a cart line of one piece at a price.
import type { CartLineInput } from '../../../main/sale/cart-body';
import type { SaleCatalog } from '../../../main/sale/ports';

/** A catalog that names these tax categories and refuses scans and product lookups (unused by these tests). */
export function namingCatalog(names: ReadonlyMap<string, { readonly name: string }>): SaleCatalog {
  const unused = (): never => {
    throw new Error('unused');
  };
  return {
    scan: unused,
    product: unused,
    taxCategory: () => ({ name: '标准税率', rateBp: 1300 }),
    taxCategoryNames: () => names,
  };
}

/** One piece of product `p-<lineId>` at `unitPriceMinor`, in the standard category at `taxRateBp`. */
export function pieceLine(lineId: string, unitPriceMinor: number, taxRateBp = 1300): CartLineInput {
  return {
    lineId,
    productId: `p-${lineId}`,
    sku: `SKU-${lineId}`,
    name: `商品${lineId}`,
    nameEn: null,
    unit: 'each',
    qtyMilli: 1000,
    unitPriceMinor,
    taxCategoryId: 'std',
    taxRateBp,
    discount: null,
    fromLabel: false,
  };
}
