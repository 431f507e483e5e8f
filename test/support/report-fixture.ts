// A closed business day as a Z report (ReportView): two cashiers (one with a long name), cash, two card brands
// and two QR wallets, a cash refund, two tax rates, one shift short by ¥2.50 with a sign-off, the hash chain.
import type { ReportView } from '../../main/api/contract/reports';

export const CHAIN_SHA256 = '9f2c4e7a1b3d5f6e8a0c2e4f6a8b0d1c3e5f7a9b1d3f5e7c9a1b3d5f7e9a0b1c';

export function reportView(over: Partial<ReportView> = {}): ReportView {
  return {
    kind: 'z',
    zNo: 12,
    dayNo: 37,
    terminalId: 'T01',
    storeName: '好又多便利店',
    currency: 'CNY',
    training: false,
    openedAt: '2026-11-25T00:30:00.000Z',
    takenAt: '2026-11-25T14:05:00.000Z',
    takenBy: '王经理 (M01)',
    sales: {
      count: 41,
      items: 97,
      grossMinor: 123456,
      discountMinor: 2345,
      totalMinor: 121111,
      taxMinor: 13933,
    },
    returns: { count: 1, amountMinor: 2140, taxMinor: 200 },
    netSalesMinor: 118971,
    taxes: [
      { rateBp: 1300, taxableMinor: 90000, taxMinor: 11700 },
      { rateBp: 900, taxableMinor: 24811, taxMinor: 2233 },
    ],
    tenders: [
      { kind: 'cash', brand: null, count: 20, amountMinor: 50111, changeMinor: 8890, refundedMinor: 2140 },
      { kind: 'card', brand: 'unionpay', count: 8, amountMinor: 30000, changeMinor: 0, refundedMinor: 0 },
      { kind: 'card', brand: 'visa', count: 3, amountMinor: 9000, changeMinor: 0, refundedMinor: 0 },
      { kind: 'qr', brand: 'wechat', count: 6, amountMinor: 22000, changeMinor: 0, refundedMinor: 0 },
      { kind: 'qr', brand: 'alipay', count: 4, amountMinor: 10000, changeMinor: 0, refundedMinor: 0 },
    ],
    cashiers: [
      {
        operatorId: 'op-1',
        code: 'C01',
        name: '李小红',
        sales: {
          count: 30,
          items: 70,
          grossMinor: 90000,
          discountMinor: 1000,
          totalMinor: 89000,
          taxMinor: 10200,
        },
        returns: { count: 1, amountMinor: 2140, taxMinor: 200 },
        voids: 3,
        lineVoids: 4,
      },
      {
        operatorId: 'op-2',
        code: 'C02',
        name: 'Alexandra Konstantinopoulou-Winterbottom',
        sales: {
          count: 11,
          items: 27,
          grossMinor: 33456,
          discountMinor: 1345,
          totalMinor: 32111,
          taxMinor: 3733,
        },
        returns: { count: 0, amountMinor: 0, taxMinor: 0 },
        voids: 1,
        lineVoids: 1,
      },
    ],
    counts: { sales: 41, items: 97, noSaleOpens: 2, reprints: 3, overrides: 1, voids: 4, lineVoids: 5 },
    offline: {
      stored: { count: 1, amountMinor: 4500 },
      declinedAfterForwarding: { count: 1, amountMinor: 1200 },
    },
    shifts: [
      {
        shiftId: 'shift-1',
        drawerId: 'D1',
        state: 'closed',
        openedAt: '2026-11-25T00:31:00.000Z',
        closedAt: '2026-11-25T13:59:00.000Z',
        floatMinor: 50000,
        paidInMinor: 1000,
        paidOutMinor: 3000,
        dropsMinor: 20000,
        expectedMinor: 67081,
        countedMinor: 66831,
        varianceMinor: -250,
        signOff: { note: 'coin roll miscounted at noon', approvedBy: '王经理 (M01)' },
      },
    ],
    cashVarianceMinor: -250,
    hourly: [
      { hour: 8, count: 5, totalMinor: 12000 },
      { hour: 12, count: 30, totalMinor: 95111 },
      { hour: 21, count: 6, totalMinor: 14000 },
    ],
    reconciledDays: [
      { day: '2026-11-23', reconciledAt: '2026-11-25T03:10:00.000Z', resolved: 3, journalSeq: 790 },
      { day: '2026-11-24', reconciledAt: '2026-11-25T06:45:00.000Z', resolved: 1, journalSeq: 801 },
    ],
    chain: {
      bodySha256: 'a'.repeat(64),
      prevSha256: 'b'.repeat(64),
      chainSha256: CHAIN_SHA256,
      journalSeq: 812,
    },
    ...over,
  };
}
