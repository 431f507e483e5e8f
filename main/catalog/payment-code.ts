// Customer-presented payment codes (付款码) arrive through the same scanner as product barcodes. They are
// one-time bearer tokens, so they must never be looked up as products, logged or echoed back in errors.

export type Wallet = 'wechat' | 'alipay' | 'unionpay';

interface PaymentCodeShape {
  readonly wallet: Wallet;
  readonly label: string;
  readonly test: (digits: string) => boolean;
}

const prefixIn = (digits: string, lo: number, hi: number): boolean => {
  const p = Number(digits.slice(0, 2));
  return p >= lo && p <= hi;
};

/** As published by the wallets for their merchant-scanned (被扫) codes. */
export const PAYMENT_CODE_SHAPES: readonly PaymentCodeShape[] = [
  {
    wallet: 'wechat',
    label: 'WeChat Pay: 18 digits starting 10-15',
    test: (d) => d.length === 18 && prefixIn(d, 10, 15),
  },
  {
    wallet: 'alipay',
    label: 'Alipay: 16-24 digits starting 25-30',
    test: (d) => d.length >= 16 && d.length <= 24 && prefixIn(d, 25, 30),
  },
  {
    wallet: 'unionpay',
    label: 'UnionPay QuickPass: 19 digits starting 62',
    test: (d) => d.length === 19 && d.startsWith('62'),
  },
];

/** The wallet whose payment-code shape `digits` (already known to be all digits) has, or null. */
export function paymentCodeShape(digits: string): PaymentCodeShape | null {
  return PAYMENT_CODE_SHAPES.find((s) => s.test(digits)) ?? null;
}
