// Fixed words printed on a receipt, per receipt locale. The copy and training markers are printed in both
// languages whatever the locale: whoever picks up the paper must not mistake it for an original sale.
import type { Locale } from '../api/contract';

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
  readonly lookup: string;
  readonly thanks: string;
}

export const COPY_MARK = '*** 重印 COPY ***';
export const TRAINING_MARK = '*** 培训 TRAINING ***';
export const TRAINING_NOTICE = '非正式收据 NOT A RECEIPT';

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
    lookup: 'Scan for your e-receipt',
    thanks: 'Thank you!',
  },
};

export function receiptLabels(locale: Locale): ReceiptLabels {
  return LABELS[locale];
}
