// Fixed words printed on a receipt or a refund slip, per receipt locale. The copy, training and refund marks
// are printed in both languages whatever the locale: whoever picks up the paper must not mistake it for an
// original sale.
import type { Locale, RefundReason } from '../api/contract';

export interface ReceiptLabels {
  readonly receiptNo: string;
  readonly date: string;
  readonly terminal: string;
  readonly taxNumber: string;
  readonly subtotal: string;
  readonly lineDiscounts: string;
  readonly orderDiscount: string;
  readonly discount: string;
  readonly tax: string;
  readonly total: string;
  readonly taxHeader: readonly [string, string, string];
  readonly pricesIncludeTax: string;
  readonly cash: string;
  readonly change: string;
  readonly card: string;
  /** a QR payment whose scheme is unknown */
  readonly qr: string;
  readonly lookup: string;
  readonly thanks: string;
}

export const COPY_MARK = '*** 重印 COPY ***';
export const TRAINING_MARK = '*** 培训 TRAINING ***';
export const TRAINING_NOTICE = '非正式收据 NOT A RECEIPT';
export const REFUND_MARK = '退货 REFUND';

const LABELS: Readonly<Record<Locale, ReceiptLabels>> = {
  'zh-CN': {
    receiptNo: '单号',
    date: '时间',
    terminal: '终端',
    taxNumber: '税号',
    subtotal: '小计',
    lineDiscounts: '单品折扣',
    orderDiscount: '整单折扣',
    discount: '折扣',
    tax: '税',
    total: '合计',
    taxHeader: ['税率', '不含税', '税额'],
    pricesIncludeTax: '以上价格已含税',
    cash: '现金',
    change: '找零',
    card: '银行卡',
    qr: '扫码支付',
    lookup: '扫码查看电子小票',
    thanks: '谢谢惠顾',
  },
  en: {
    receiptNo: 'Receipt',
    date: 'Date',
    terminal: 'Terminal',
    taxNumber: 'Tax No.',
    subtotal: 'Subtotal',
    lineDiscounts: 'Item discounts',
    orderDiscount: 'Order discount',
    discount: 'Discount',
    tax: 'Tax',
    total: 'TOTAL',
    taxHeader: ['Tax rate', 'Net', 'Tax'],
    pricesIncludeTax: 'Prices include tax',
    cash: 'Cash',
    change: 'Change',
    card: 'Card',
    qr: 'QR payment',
    lookup: 'Scan for your e-receipt',
    thanks: 'Thank you!',
  },
};

export function receiptLabels(locale: Locale): ReceiptLabels {
  return LABELS[locale];
}

export interface RefundLabels {
  readonly refundNo: string;
  readonly originalReceipt: string;
  readonly quantity: string;
  readonly refundTotal: string;
  readonly taxIncluded: string;
  readonly cashRefund: string;
  readonly toCard: string;
  readonly toQr: string;
  readonly reason: string;
  readonly reasons: Readonly<Record<RefundReason, string>>;
  readonly signature: string;
}

const REFUND_LABELS: Readonly<Record<Locale, RefundLabels>> = {
  'zh-CN': {
    refundNo: '退货单号',
    originalReceipt: '原单号',
    quantity: '数量',
    refundTotal: '退款合计',
    taxIncluded: '其中税额',
    cashRefund: '现金退款',
    toCard: '退回卡',
    toQr: '退回',
    reason: '退货原因',
    reasons: {
      defective: '商品质量问题',
      wrong_item: '商品不符',
      not_wanted: '顾客不需要',
      price_error: '价格错误',
      other: '其他',
    },
    signature: '顾客签名',
  },
  en: {
    refundNo: 'Refund',
    originalReceipt: 'Original receipt',
    quantity: 'Qty',
    refundTotal: 'REFUND TOTAL',
    taxIncluded: 'Tax included',
    cashRefund: 'Cash refund',
    toCard: 'Card refund',
    toQr: 'Refund to',
    reason: 'Reason',
    reasons: {
      defective: 'Defective',
      wrong_item: 'Wrong item',
      not_wanted: 'No longer wanted',
      price_error: 'Price error',
      other: 'Other',
    },
    signature: 'Customer signature',
  },
};

export function refundLabels(locale: Locale): RefundLabels {
  return REFUND_LABELS[locale];
}

const QR_SCHEMES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': { wechat: '微信支付', alipay: '支付宝', unionpay: '银联云闪付' },
  en: { wechat: 'WeChat Pay', alipay: 'Alipay', unionpay: 'UnionPay QuickPass' },
};

/**
 * How a card or QR payment is named on paper: "VISA ****0010" (brand upper-cased, masked last four, each only
 * when known; "" when neither is), or the QR scheme's name ("微信支付", "WeChat Pay"; "扫码支付" when unknown).
 */
export function paymentName(
  kind: 'card' | 'qr',
  brand: string | null,
  last4: string | null,
  locale: Locale,
): string {
  if (kind === 'qr') {
    if (brand === null || brand === '') return LABELS[locale].qr;
    return QR_SCHEMES[locale][brand.toLowerCase()] ?? brand.toUpperCase();
  }
  const parts = [brand === null ? '' : brand.toUpperCase(), last4 === null ? '' : `****${last4}`];
  return parts.filter((p) => p !== '').join(' ');
}
