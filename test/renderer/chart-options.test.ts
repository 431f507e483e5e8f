// The reports screen's four chart options, built from a report's figures and a day's reconciliation items
// (renderer/src/components/reports/charts/): what is drawn, in which words (en and zh-CN) and with the app's
// money formatting, and null (the screen's empty state) when there is nothing to draw.
import { describe, expect, it } from 'vitest';
import type { CashierFigures, ReconClass, ReconItemView, TenderFigures } from '../../main/api/contract';
import { formatMoney } from '../../main/api/money';
import { translator } from '../../renderer/src/i18n/translate';
import type { ChartOption } from '../../renderer/src/components/charts/chart-option';
import type { ChartWords } from '../../renderer/src/components/reports/charts/chart-parts';
import { salesByHourOption } from '../../renderer/src/components/reports/charts/sales-by-hour';
import { tenderMixOption } from '../../renderer/src/components/reports/charts/tender-mix';
import { cashierVoidsOption } from '../../renderer/src/components/reports/charts/cashier-voids';
import { differencesOption } from '../../renderer/src/components/reports/charts/differences-by-class';
import { DIFFERENCE_CLASSES } from '../../main/api/contract/reconciliation';
import { reportView } from '../support/report-fixture';

const words = (locale: 'en' | 'zh-CN'): ChartWords => ({
  t: translator(locale),
  money: (minor) => formatMoney(minor, 'CNY', locale),
});
const en = words('en');
const zh = words('zh-CN');

// ECharts' option is a wide union; the tests read the one shape each builder makes.
interface Series {
  readonly type: string;
  readonly name: string;
  readonly data: readonly unknown[];
  readonly yAxisIndex?: number;
  readonly label: { readonly formatter: (p: { value?: unknown; name?: string; percent?: number }) => string };
}
const seriesOf = (o: ChartOption | null): Series[] => (o?.series ?? []) as unknown as Series[];
const axis = (a: unknown): { data: string[]; axisLabel?: { formatter: (v: number) => string } } =>
  a as { data: string[]; axisLabel?: { formatter: (v: number) => string } };
const titleOf = (o: ChartOption | null): string => (o?.title as { text: string }).text;

const cashier = (over: Partial<CashierFigures> & Pick<CashierFigures, 'operatorId'>): CashierFigures => ({
  code: null,
  name: null,
  sales: { count: 1, items: 1, grossMinor: 100, discountMinor: 0, totalMinor: 100, taxMinor: 0 },
  returns: { count: 0, amountMinor: 0, taxMinor: 0 },
  voids: 0,
  lineVoids: 0,
  ...over,
});

const item = (cls: ReconClass, n: number): ReconItemView => ({
  id: `i-${cls}-${n}`,
  class: cls,
  reference: `ref-${n}`,
  saleId: null,
  attemptId: null,
  refundId: null,
  localMinor: 100,
  settledMinor: 100,
  details: {},
  state: 'open',
  resolution: null,
});

describe('sales by hour', () => {
  const hourly = [
    { hour: 9, count: 3, totalMinor: 1250 },
    { hour: 14, count: 1, totalMinor: 300 },
  ];

  it('draws a bar for each of the 24 hours, the hours that sold at their totals and labelled in money', () => {
    const o = salesByHourOption(hourly, en);
    const [bars] = seriesOf(o);
    expect(bars?.type).toBe('bar');
    expect(bars?.data).toHaveLength(24);
    expect(bars?.data[9]).toBe(1250);
    expect(bars?.data[14]).toBe(300);
    expect(bars?.data.filter((v) => v !== 0)).toHaveLength(2);
    expect(bars?.label.formatter({ value: 1250 })).toBe('CN¥12.50');
    expect(bars?.label.formatter({ value: 0 })).toBe('');
    expect(axis(o?.xAxis).data[9]).toBe('09:00');
    expect(axis(o?.yAxis).axisLabel?.formatter(100000)).toBe('CN¥1,000.00');
    // a small day's axis: whole minor units only (0.2 fen is no amount, and the money format refuses it)
    expect(o?.yAxis).toMatchObject({ minInterval: 1 });
    expect(axis(o?.yAxis).axisLabel?.formatter(0.2)).toBe('CN¥0.00');
    expect(titleOf(o)).toBe('Sales by hour');
  });

  it('in Chinese', () => {
    const o = salesByHourOption(hourly, zh);
    expect(titleOf(o)).toBe('分时销售');
    expect(axis(o?.xAxis).data[9]).toBe('09时');
  });

  it('is null (the empty state) when nothing sold', () => {
    expect(salesByHourOption([], en)).toBeNull();
    expect(salesByHourOption([{ hour: 3, count: 0, totalMinor: 0 }], en)).toBeNull();
  });
});

describe('tender mix', () => {
  const { tenders } = reportView();
  const refundOnly: TenderFigures = {
    kind: 'card',
    brand: null,
    count: 0,
    amountMinor: 0,
    changeMinor: 0,
    refundedMinor: 500,
  };

  it('one slice per tender paid: cash, card per brand, QR per wallet, named and labelled with amount and share', () => {
    // a refund-only row (no sales) is no slice
    const withRefund = [...tenders, refundOnly];
    const [pie] = seriesOf(tenderMixOption(withRefund, en));
    expect(pie?.type).toBe('pie');
    expect(pie?.data).toEqual([
      { name: 'Cash', value: 50111 },
      { name: 'Card · UnionPay', value: 30000 },
      { name: 'Card · Visa', value: 9000 },
      { name: 'QR · WeChat Pay', value: 22000 },
      { name: 'QR · Alipay', value: 10000 },
    ]);
    expect(pie?.label.formatter({ name: 'Cash', value: 50111, percent: 41.38 })).toBe(
      'Cash\nCN¥501.11 (41.38%)',
    );
  });

  it('in Chinese', () => {
    const [pie] = seriesOf(tenderMixOption(tenders, zh));
    expect((pie?.data as { name: string }[]).map((d) => d.name)).toEqual([
      '现金',
      '银行卡·银联',
      '银行卡·Visa',
      '扫码·微信支付',
      '扫码·支付宝',
    ]);
  });

  it('is null when nothing was paid', () => {
    expect(tenderMixOption([], en)).toBeNull();
    expect(tenderMixOption([refundOnly], en)).toBeNull();
  });
});

describe('refunds and voids by cashier', () => {
  const cashiers = [
    cashier({
      operatorId: 'op-1',
      code: 'C01',
      name: '李小红',
      returns: { count: 2, amountMinor: 2140, taxMinor: 0 },
      voids: 1,
      lineVoids: 4,
    }),
    cashier({ operatorId: 'op-2', code: 'C02', name: 'Quiet One' }),
    cashier({ operatorId: null, voids: 2 }),
  ];

  it('groups returned amount (money axis) and returns, voids and line voids (count axis) per cashier who has any', () => {
    const o = cashierVoidsOption(cashiers, en);
    expect(axis(o?.xAxis).data).toEqual(['李小红', 'Nobody signed in']);
    const series = seriesOf(o);
    expect(series.map((s) => [s.name, s.yAxisIndex, s.data])).toEqual([
      ['Returned', 0, [2140, 0]],
      ['Returns', 1, [2, 0]],
      ['Carts voided', 1, [1, 2]],
      ['Lines voided', 1, [4, 0]],
    ]);
    expect(series[0]?.label.formatter({ value: 2140 })).toBe('CN¥21.40');
    const [amounts] = o?.yAxis as unknown[];
    expect(amounts).toMatchObject({ minInterval: 1, name: 'Amount' });
    expect(axis(amounts).axisLabel?.formatter(0.6)).toBe('CN¥0.01');
    expect(series[3]?.label.formatter({ value: 4 })).toBe('4');
    expect(series[3]?.label.formatter({ value: 0 })).toBe('');
  });

  it('in Chinese', () => {
    const o = cashierVoidsOption(cashiers, zh);
    expect(titleOf(o)).toBe('按收银员的退货与作废');
    expect(seriesOf(o).map((s) => s.name)).toEqual(['退货金额', '退货笔数', '整单作废', '删除商品行']);
    expect(axis(o?.xAxis).data).toEqual(['李小红', '未登录']);
  });

  it('is null when nobody returned or voided anything', () => {
    expect(cashierVoidsOption(cashiers.slice(1, 2), en)).toBeNull();
  });
});

describe('differences by class', () => {
  const items = [
    item('matched', 1),
    item('matched', 2),
    item('charged_no_sale', 3),
    item('fee', 4),
    item('fee', 5),
    item('fee', 6),
  ];

  it('a bar per class of difference (matched left out), counted, with the classes’ names', () => {
    const o = differencesOption(items, en);
    expect(axis(o?.yAxis).data).toEqual([
      'Charged, no sale',
      'Sale, not settled',
      'Amounts differ',
      'Status differs',
      'Refund on one side',
      'Declined after forwarding',
      'Fees',
    ]);
    expect(seriesOf(o)[0]?.data).toEqual([1, 0, 0, 0, 0, 0, 3]);
    expect(DIFFERENCE_CLASSES).not.toContain('matched');
  });

  it('in Chinese', () => {
    const o = differencesOption(items, zh);
    expect(titleOf(o)).toBe('按类别的对账差异');
    expect(axis(o?.yAxis).data[0]).toBe('已扣款无销售');
    expect(axis(o?.yAxis).data).not.toContain('Other');
  });

  it('is null when everything matched', () => {
    expect(differencesOption([item('matched', 1)], en)).toBeNull();
    expect(differencesOption([], en)).toBeNull();
  });
});
