// The cart and the sale: cart.* edits the open cart, sale.* completes, finds and reprints sales.
import { z } from 'zod';
import { ApprovalSchema, DiscountSchema, id, minor, qtyMilli, type Discount, type Unit } from './shared';
import type { PrintJobRef } from './printing';
import { carries, returns, type ChannelDefs, type EventDefs } from './define';

export type PricingMode = 'inclusive' | 'exclusive';
export type TaxRounding = 'line' | 'receipt';

export interface CartLineView {
  readonly lineId: string;
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly unit: Unit;
  readonly qtyMilli: number;
  readonly unitPriceMinor: number;
  readonly taxCategoryId: string;
  readonly taxRateBp: number;
  readonly discount: Discount | null;
  /** unitPrice x quantity, rounded half-up to the minor unit */
  readonly grossMinor: number;
  readonly lineDiscountMinor: number;
  /** this line's share of the order discount */
  readonly orderDiscountMinor: number;
  /** gross - line discount - order share; what the customer pays for this line (tax-inclusive mode) */
  readonly netMinor: number;
  readonly taxMinor: number;
  /** what this line contributes to the total due */
  readonly totalMinor: number;
}

export interface TaxSummaryView {
  readonly taxCategoryId: string;
  readonly name: string;
  readonly rateBp: number;
  readonly baseMinor: number; // tax-exclusive base
  readonly taxMinor: number;
}

export interface TotalsView {
  readonly grossMinor: number;
  readonly lineDiscountMinor: number;
  readonly orderDiscountMinor: number;
  readonly taxMinor: number;
  readonly totalMinor: number;
  readonly taxes: readonly TaxSummaryView[];
}

export interface CartView {
  readonly cartId: string;
  readonly version: number;
  readonly currency: string;
  readonly pricingMode: PricingMode;
  readonly taxRounding: TaxRounding;
  readonly lines: readonly CartLineView[];
  readonly orderDiscount: Discount | null;
  readonly totals: TotalsView;
  /** The line the last scan/add touched, so the UI can highlight it. */
  readonly lastLineId: string | null;
}

export interface TenderView {
  readonly kind: 'cash' | 'card' | 'qr';
  readonly amountMinor: number; // applied to the sale
  readonly tenderedMinor: number; // handed over (card and QR: the amount)
  readonly changeMinor: number; // card and QR: 0
  /** card and QR: the payment attempt, which is also the gateway reference; cash: null */
  readonly reference: string | null;
  /** card brand ('visa', 'unionpay', ...) or QR scheme ('wechat', 'alipay', 'unionpay'); cash: null */
  readonly brand: string | null;
  /** card: the last four digits, never more */
  readonly last4: string | null;
  readonly authCode: string | null;
  /** a card payment taken offline, to be forwarded by the sync worker */
  readonly storedOffline: boolean;
}

export interface SaleView {
  readonly saleId: string;
  readonly receiptNo: string;
  readonly completedAt: string; // ISO-8601
  readonly training: boolean;
  readonly currency: string;
  readonly lines: readonly CartLineView[];
  readonly orderDiscount: Discount | null;
  readonly totals: TotalsView;
  readonly tenders: readonly TenderView[];
}

/** One row of the sales history. */
export interface SaleSummaryView {
  readonly saleId: string;
  readonly receiptNo: string;
  readonly completedAt: string;
  readonly currency: string;
  readonly totalMinor: number;
  readonly lineCount: number;
  readonly training: boolean;
  /** pass as `after` to get the rows that follow this one */
  readonly cursor: string;
}

/** What the emulated (training-mode) printer printed for a sale's receipt. */
export interface ReceiptImageView {
  /** `data:image/png;base64,...` of that receipt's paper; null when not printed yet or not in training mode */
  readonly png: string | null;
}

const cartEdit = <S extends z.ZodType>(input: S) => ({ input, output: returns<CartView>() });

export const cartChannels = {
  'cart.get': cartEdit(z.strictObject({})),
  /** A scanned or typed barcode (keyboard-wedge burst or manual entry). */
  'cart.scan': cartEdit(z.strictObject({ code: z.string().max(128) })),
  'cart.addProduct': cartEdit(z.strictObject({ productId: id, qtyMilli: qtyMilli.optional() })),
  'cart.setQuantity': cartEdit(z.strictObject({ lineId: id, qtyMilli })),
  'cart.removeLine': cartEdit(z.strictObject({ lineId: id })),
  /** `approval`: needed when the discount is over config `discountApproval` (APPROVAL_REQUIRED without). */
  'cart.setLineDiscount': cartEdit(
    z.strictObject({ lineId: id, discount: DiscountSchema.nullable(), approval: ApprovalSchema.optional() }),
  ),
  'cart.setOrderDiscount': cartEdit(
    z.strictObject({ discount: DiscountSchema.nullable(), approval: ApprovalSchema.optional() }),
  ),
  'cart.clear': cartEdit(z.strictObject({})),
} as const satisfies ChannelDefs;

/**
 * Past sales, newest first, for the manager's receipts screen. `query` is part of the receipt number (3+
 * characters: anywhere; 1-2: its end) and takes no other filter; `from`/`to` are shop days (the shop's time
 * zone, inclusive), combinable with `amountMinor` (the sale's total) and `last4` (a card that paid it).
 */
const historyQuery = z
  .strictObject({
    query: z.string().trim().max(32).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    amountMinor: minor.optional(),
    last4: z
      .string()
      .regex(/^\d{4}$/)
      .optional(),
    /** the `cursor` of the previous page's last row: the next page starts after it */
    after: z.string().max(128).optional(),
    limit: z.int().min(1).max(100).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'the first day is after the last day',
    path: ['to'],
  })
  .refine(
    (q) =>
      q.query === undefined || q.query === '' || (q.from ?? q.to ?? q.amountMinor ?? q.last4) === undefined,
    { message: 'a receipt number search takes no other filter', path: ['query'] },
  );

export const saleChannels = {
  /** Completes the sale. `cartId`+`cartVersion` make it idempotent: a retry returns the same sale. */
  'sale.tenderCash': {
    input: z.strictObject({ cartId: id, cartVersion: z.int().min(0), tenderedMinor: minor }),
    output: returns<SaleView>(),
  },
  'sale.get': { input: z.strictObject({ saleId: id }), output: returns<SaleView>() },
  /** Training mode: the PNG of what the emulated printer printed for this sale's receipt. */
  'sale.receiptImage': { input: z.strictObject({ saleId: id }), output: returns<ReceiptImageView>() },
  'sale.last': { input: z.strictObject({}), output: returns<SaleView | null>() },
  /** Prints the last sale's receipt again, marked 重印 / COPY (cashier). */
  'sale.reprintLast': { input: z.strictObject({}), output: returns<PrintJobRef>() },
  /** Prints any sale's receipt again, marked 重印 / COPY; needs a manager's approval (receipt.reprintAny). */
  'sale.reprint': {
    input: z.strictObject({ saleId: id, approval: ApprovalSchema }),
    output: returns<PrintJobRef>(),
  },
  'sale.history': { input: historyQuery, output: returns<readonly SaleSummaryView[]>() },
} as const satisfies ChannelDefs;

export const saleEvents = {
  /** The open cart after every change, so every connected UI shows the same cart. */
  cart: carries<CartView>(),
} as const satisfies EventDefs;
