// The CSV an accountant opens: every section in the till's language, stable class and action ids beside their
// labels, every difference with how it was resolved, every matched item, amounts as decimals, times in the
// business zone, a staff note never run as a formula.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reconCsv } from '../../../../main/reconciliation/export/recon-csv';
import { reconExportData } from '../../../support/recon-export-fixture';

const TZ = 'Asia/Shanghai';
const rowsOf = (text: string): string[][] =>
  parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];

describe('reconCsv', () => {
  it('Chinese: summary, imports, breakdown, cash, every difference and every matched item', () => {
    const text = reconCsv(reconExportData(), { locale: 'zh-CN', timeZone: TZ });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = rowsOf(text);
    expect(rows[0]).toEqual(['对账 2026-12-05']);
    const cells = rows.map((r) => r.join('|'));
    for (const s of [
      '营业日|2026-12-05',
      '门店|好又多便利店',
      '状态|未对平',
      '待处理|6',
      '已处理|1',
      '收款|1234.56',
      '退款|25.00',
      '手续费|0.36',
      'gateway|（从支付网关获取）|8|2026-12-06 00:30',
      'wechat|微信账单-20261205.csv|2|2026-12-06 09:02',
      '支付方式|card|1000.00|999.99|-0.01',
      '收银员|101 王芳|600.00|600.00|0.00',
      '收银员|op-gone|5.00|0.00|-5.00',
      'shift-1|D1|500.00|497.50|-2.50',
      'shift-2|D1|10.00|未清点|',
    ]) {
      expect(cells).toContain(s);
    }
    expect(cells).toContain(
      "charged_no_sale|已扣款无销售|ref-00001||0.00|12.51|12.51|已处理|refund_online|已线上退款|'=已退款给顾客|王经理 (900)|2026-12-06 10:15",
    );
    expect(cells).toContain('fee|手续费|ref-00007||0.00|0.36|0.36|待处理|||||');
    const header = rows.findIndex((r) => r[0] === '差异');
    expect(rows[header + 1]).toEqual([
      ...['类别代码', '类别', '参考号', '销售单', '本机', '结算', '差额'],
      ...['状态', '处理方式代码', '处理方式', '备注', '处理人', '处理时间'],
    ]);
    // seven differences, then the matched section with its three items
    const matched = rows.findIndex((r) => r[0] === '已匹配' && r.length === 1);
    expect(matched - header).toBe(1 + 1 + 7 + 1);
    expect(rows.slice(matched + 2, matched + 5).map((r) => r.slice(0, 3))).toEqual([
      ['matched', '已匹配', 'ref-00100'],
      ['matched', '已匹配', 'ref-00101'],
      ['matched', '已匹配', 'ref-00102'],
    ]);
  });

  it('English: labels follow the locale, ids stay the same; a training day says so', () => {
    const data = { ...reconExportData(1), training: true };
    const rows = rowsOf(reconCsv(data, { locale: 'en', timeZone: TZ }));
    expect(rows[0]).toEqual(['TRAINING Reconciliation 2026-12-05']);
    const cells = rows.map((r) => r.join('|'));
    expect(cells).toContain('State|Not reconciled');
    expect(
      cells.some((c) =>
        c.startsWith('amount_mismatch|Amount mismatch|ref-00003|sale-3|12.53|12.54|0.01|Open'),
      ),
    ).toBe(true);
    expect(cells).toContain('matched|Matched|ref-00100|sale-100|13.50|13.50|0.00');
  });
});
