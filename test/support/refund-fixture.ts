// A refund of the fixture sale (fixtures/sale.json): two cans of cola and the weighed apples, paid back in cash.
import type { RefundView } from '../../main/api/contract';
import type { ReceiptStore } from '../../main/printing/receipt-input';

export const REFUND_STORE: ReceiptStore = {
  name: '好又多便利店',
  nameEn: 'HaoYouDuo Mart',
  address: '上海市徐汇区漕溪北路88号',
  taxNumber: '91310104MA1FL0XX3K',
  terminalId: 'T01',
};

export function refundView(over: Partial<RefundView> = {}): RefundView {
  return {
    refundId: '5b0f2a52-6a0c-4d1e-9d7e-0c7e4d1f2a10',
    refundNo: 'T01-R000004',
    saleId: 'sale-0042',
    receiptNo: 'R20261125-0042',
    state: 'completed',
    tenderKind: 'cash',
    brand: null,
    last4: null,
    amountMinor: 2140,
    taxMinor: 200,
    currency: 'CNY',
    reason: 'defective',
    lines: [
      {
        lineNo: 1,
        name: '可口可乐 330ml',
        nameEn: 'Coca-Cola 330ml',
        unit: 'each',
        qtyMilli: 2000,
        amountMinor: 700,
        taxMinor: 81,
      },
      {
        lineNo: 2,
        name: '红富士苹果（散装称重）',
        nameEn: 'Fuji apples (loose, by weight)',
        unit: 'kg',
        qtyMilli: 1250,
        amountMinor: 1440,
        taxMinor: 119,
      },
    ],
    training: false,
    message: null,
    createdAt: '2026-11-25T03:19:50Z',
    completedAt: '2026-11-25T03:20:05Z',
    ...over,
  };
}
