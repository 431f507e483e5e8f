// Customer-presented payment codes (付款码, "merchant scans customer"): the wallet app shows a one-time code as
// a barcode / QR code and the cashier scans it. Shapes as the wallets publish them for merchant integration
// (WeChat Pay micropay auth_code, Alipay trade.pay auth_code, UnionPay QuickPass C2B payment code).
// NOTE: main/catalog/payment-code.ts holds the same three shapes for the catalog's "this is not a product"
// error; test/main/payments/codes checks the two never disagree.

export type PaymentScheme = 'wechat' | 'alipay' | 'unionpay';

export interface PaymentCodeShape {
  readonly scheme: PaymentScheme;
  readonly lengths: { readonly min: number; readonly max: number };
  /** Two-digit prefix range, inclusive. */
  readonly prefix: { readonly min: number; readonly max: number };
  readonly label: string;
}

export const PAYMENT_CODE_SHAPES: readonly PaymentCodeShape[] = [
  {
    scheme: 'wechat',
    lengths: { min: 18, max: 18 },
    prefix: { min: 10, max: 15 },
    label: 'WeChat Pay: 18 digits starting 10-15',
  },
  {
    scheme: 'alipay',
    lengths: { min: 16, max: 24 },
    prefix: { min: 25, max: 30 },
    label: 'Alipay: 16-24 digits starting 25-30',
  },
  {
    scheme: 'unionpay',
    lengths: { min: 19, max: 19 },
    prefix: { min: 62, max: 62 },
    label: 'UnionPay QuickPass: 19 digits starting 62',
  },
];

/**
 * The scheme whose shape `digits` (all 0-9) has, or null. The shapes do not overlap each other (lengths or
 * prefixes differ), and none has the length of an EAN/UPC/GTIN (8, 12, 13, 14), so the answer is unique.
 */
export function paymentScheme(digits: string): PaymentScheme | null {
  const prefix = Number(digits.slice(0, 2));
  const shape = PAYMENT_CODE_SHAPES.find(
    (s) =>
      digits.length >= s.lengths.min &&
      digits.length <= s.lengths.max &&
      prefix >= s.prefix.min &&
      prefix <= s.prefix.max,
  );
  return shape?.scheme ?? null;
}
