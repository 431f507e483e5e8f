// What an open cart stores: the cashier's inputs, with a snapshot of each product as it was scanned, so a
// price change in the back office never changes a line under the cashier's hands. Totals are derived by
// pricing on every read; they are never stored for an open cart.
import { z } from 'zod';
import { DiscountSchema } from '../api/contract';

export const CartLineInputSchema = z.strictObject({
  lineId: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  unit: z.enum(['each', 'kg']),
  qtyMilli: z.int().min(1),
  unitPriceMinor: z.int().min(0),
  taxCategoryId: z.string(),
  taxRateBp: z.int().min(0).max(10_000),
  discount: DiscountSchema.nullable(),
  /** Came from a scale label (weight/price in the barcode): never merged with another scan. */
  fromLabel: z.boolean(),
});
export type CartLineInput = z.infer<typeof CartLineInputSchema>;

export const CartBodySchema = z.strictObject({
  lines: z.array(CartLineInputSchema),
  orderDiscount: DiscountSchema.nullable(),
  lastLineId: z.string().nullable(),
});
export type CartBody = z.infer<typeof CartBodySchema>;

export const EMPTY_CART: CartBody = { lines: [], orderDiscount: null, lastLineId: null };
