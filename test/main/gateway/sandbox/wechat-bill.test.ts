// The sandbox's WeChat trade bill (downloadbill ALL layout) read back by the till's own reader: its rows and
// summary agree with the ledger's day (charges, refunds and reversals, the fee; nothing dropped, of the other
// wallet, unpaid, by card or of another day).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billDayFixture, expectBillReadsBack, fetchBill, type BillDayFixture } from './bill-day';

let f: BillDayFixture;
beforeAll(async () => {
  f = await billDayFixture('wechat');
});
afterAll(() => f.h.gw.close());

describe('the WeChat trade bill', () => {
  it('is served as a UTF-8 CSV in the ALL layout: header, backticked fields, the two summary lines', async () => {
    const res = await fetchBill(f.h, 'wechat');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toMatch(/^交易时间,公众账号ID,商户号,.*,费率备注$/);
    expect(lines[1]).toMatch(/^`2026-03-10 10:01:00,`wx/);
    expect(lines.at(-3)).toBe(
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
    );
    expect(lines.at(-2)).toBe('`8,`53.00,`16.00,`0.00,`0.06,`53.00,`16.00');
    expect(lines.at(-1)).toBe('');
  });

  it('reads back through the till’s reader with totals equal to the ledger’s', async () => {
    await expectBillReadsBack(f, 'wechat', Buffer.from(await (await fetchBill(f.h, 'wechat')).arrayBuffer()));
  });

  it('is refused for an unknown format or a date that does not exist', async () => {
    expect((await fetchBill(f.h, 'paypal')).status).toBe(400);
    expect((await fetchBill(f.h, 'wechat', '2026-02-30')).status).toBe(400);
  });
});
