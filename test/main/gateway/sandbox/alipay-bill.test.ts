// The sandbox's Alipay trade detail file (业务明细) read back by the till's own reader: GBK, `#` lines above and
// below the table, the 交易合计/退款合计 totals; its rows and totals agree with the ledger's day.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billDayFixture, expectBillReadsBack, fetchBill, type BillDayFixture } from './bill-day';

let f: BillDayFixture;
beforeAll(async () => {
  f = await billDayFixture('alipay');
});
afterAll(() => f.h.gw.close());

const billBytes = async (): Promise<Buffer> =>
  Buffer.from(await (await fetchBill(f.h, 'alipay')).arrayBuffer());

describe('the Alipay trade detail file', () => {
  it('is GBK with # lines above and below the table and the trade and refund totals', async () => {
    const bytes = await billBytes();
    expect(bytes.toString('utf8')).not.toContain('支付宝业务明细查询'); // not UTF-8
    const lines = iconv.decode(bytes, 'gbk').split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      '#支付宝业务明细查询',
      '#账号：[2088000000000000]',
      '#起始日期：[2026年03月10日 00:00:00]   终止日期：[2026年03月11日 00:00:00]',
    ]);
    expect(lines[4]).toMatch(/^支付宝交易号,商户订单号,业务类型,.*,备注$/);
    expect(lines).toContain('#交易合计：5笔，商家实收：53.00元，服务费：0.06元');
    expect(lines).toContain('#退款合计：3笔，商家实收：-16.00元');
    expect(lines.filter((l) => l.includes(',退款,')).map((l) => l.split(',')[12])).toEqual([
      '-5.00',
      '-8.00',
      '-3.00',
    ]);
  });

  it('reads back through the till’s reader with totals equal to the ledger’s', async () => {
    await expectBillReadsBack(f, 'alipay', await billBytes());
  });
});
