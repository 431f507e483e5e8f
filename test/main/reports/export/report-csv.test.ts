// The report's CSV read back with a CSV parser, as a spreadsheet would: a BOM, a header row, and every figure
// under its section and item, in Chinese and in English.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../../../main/reports/export/report-csv';
import { CHAIN_SHA256, reportView } from '../../../support/report-fixture';

/** The CSV's records as `section|item` -> value. */
function figures(csv: string): Map<string, string> {
  const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
  const out = new Map<string, string>();
  for (const r of records) {
    const [section, item, value] = Object.values(r);
    const key = `${section}|${item}`;
    expect(out.has(key), `one row for ${key}`).toBe(false);
    out.set(key, value ?? '');
  }
  return out;
}

describe('reportCsv', () => {
  it('Chinese: UTF-8 with a BOM, a header row, and each figure under its section and item', () => {
    const csv = reportCsv(reportView(), 'zh-CN');
    expect(csv.startsWith('\uFEFF区块,项目,数值\r\n')).toBe(true);
    const f = figures(csv);
    expect(f.get('报表|报表类型')).toBe('Z 报表（日结）');
    expect(f.get('报表|门店')).toBe('好又多便利店');
    expect(f.get('报表|Z 报表编号')).toBe('12');
    expect(f.get('报表|开始')).toBe('2026-11-25 08:30');
    expect(f.get('销售|折前金额')).toBe('1234.56');
    expect(f.get('销售|销售合计')).toBe('1211.11');
    expect(f.get('退货|金额')).toBe('21.40');
    expect(f.get('净销售额|净销售额')).toBe('1189.71');
    expect(f.get('税额（按税率）|13% / 税额')).toBe('117.00');
    expect(f.get('收款方式|现金 / 金额')).toBe('501.11');
    expect(f.get('收款方式|现金 / 找零 / 金额')).toBe('88.90');
    expect(f.get('收款方式|银行卡 VISA / 笔数')).toBe('3');
    expect(f.get('收款方式|微信支付 / 金额')).toBe('220.00');
    expect(f.get('收款方式|退款 现金 / 金额')).toBe('21.40');
    expect(f.get('收银员|C01 李小红 / 退货 / 金额')).toBe('-21.40');
    expect(f.get('收银员|C02 Alexandra Konstantinopoulou-Winterbottom / 金额')).toBe('321.11');
    expect(f.get('离线卡交易|上传后被拒 / 金额')).toBe('12.00');
    expect(f.get('班次|钱箱 D1 / 差异')).toBe('-2.50');
    expect(f.get('班次|钱箱 D1 / 差异说明')).toBe('coin roll miscounted at noon');
    expect(f.get('现金差异|现金差异合计')).toBe('-2.50');
    expect(f.get('防篡改校验|校验码')).toBe(CHAIN_SHA256.slice(0, 16));
  });

  it('English labels, the same figures; an X report has no Z number or chain', () => {
    const f = figures(reportCsv(reportView({ kind: 'x', zNo: null, chain: null }), 'en'));
    expect(f.get('Report|Report type')).toBe('X REPORT');
    expect(f.get('Sales|Gross')).toBe('1234.56');
    expect(f.get('Tenders|Card VISA / Amount')).toBe('90.00');
    expect(f.get('Shifts|Drawer D1 / Variance note')).toBe('coin roll miscounted at noon');
    expect([...f.keys()].some((k) => k.startsWith('Tamper check|') || k === 'Report|Z No.')).toBe(false);
  });

  it('the sales by hour, the voids per cashier and the reconciled dates, in both languages', () => {
    const en = figures(reportCsv(reportView(), 'en'));
    expect(en.get('Sales by hour|08:00 / Count')).toBe('5');
    expect(en.get('Sales by hour|12:00 / Amount')).toBe('951.11');
    expect(en.get('Cashiers|C01 李小红 / Voided carts / Count')).toBe('3');
    expect(en.get('Cashiers|C01 李小红 / Removed lines / Count')).toBe('4');
    expect(en.get('Reconciliation|Reconciled: 2026-11-23')).toBe('(3 resolved)');
    const zh = figures(reportCsv(reportView(), 'zh-CN'));
    expect(zh.get('分时销售|21:00 / 金额')).toBe('140.00');
    expect(zh.get('收银员|C02 Alexandra Konstantinopoulou-Winterbottom / 整单作废 / 笔数')).toBe('1');
    expect(zh.get('已完成对账|已对账：2026-11-24')).toBe('（处理差异 1 笔）');
  });

  it('a note that a spreadsheet would run as a formula is kept as text; negative amounts stay numbers', () => {
    const shift = reportView().shifts[0];
    if (!shift) throw new Error('fixture has a shift');
    const report = reportView({
      shifts: [{ ...shift, signOff: { note: '=HYPERLINK("http://x")', approvedBy: '@boss' } }],
    });
    const f = figures(reportCsv(report, 'en'));
    expect(f.get('Shifts|Drawer D1 / Variance note')).toBe(`'=HYPERLINK("http://x")`);
    expect(f.get('Shifts|Drawer D1 / Approved by')).toBe(`'@boss`);
    expect(f.get('Cash variance|Total cash variance')).toBe('-2.50');
  });
});
