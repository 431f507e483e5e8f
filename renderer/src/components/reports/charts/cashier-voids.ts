// Refunds and voids by cashier: per cashier name, grouped bars of what they returned (money, left axis) and
// how many returns, cart voids and line voids (counts, right axis), the figures a manager checks for habits.
import type { CashierFigures } from '@contract/contract';
import type { ChartOption } from '../../charts/chart-option';
import { GRID, TOOLTIP, moneyAxis, numberOf, titled, type ChartWords } from './chart-parts';

type Measure = 'returnsAmount' | 'returnsCount' | 'voids' | 'lineVoids';
const MEASURES: readonly { id: Measure; of: (c: CashierFigures) => number }[] = [
  { id: 'returnsAmount', of: (c) => c.returns.amountMinor },
  { id: 'returnsCount', of: (c) => c.returns.count },
  { id: 'voids', of: (c) => c.voids },
  { id: 'lineVoids', of: (c) => c.lineVoids },
];

export function cashierName(c: CashierFigures, w: ChartWords): string {
  return c.operatorId === null ? w.t('charts.nobody') : (c.name ?? c.code ?? c.operatorId);
}

/** The cashiers who returned or voided anything: the chart's bars. */
export const voidingCashiers = (cashiers: readonly CashierFigures[]): CashierFigures[] =>
  cashiers.filter((c) => MEASURES.some((m) => m.of(c) > 0));

/** null when no cashier returned or voided anything. */
export function cashierVoidsOption(cashiers: readonly CashierFigures[], w: ChartWords): ChartOption | null {
  const shown = voidingCashiers(cashiers);
  if (shown.length === 0) return null;
  const asText = (id: Measure, v: number): string => (id === 'returnsAmount' ? w.money(v) : String(v));
  return {
    ...titled(w.t('charts.cashierVoids')),
    grid: { ...GRID, bottom: 32 },
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    legend: { bottom: 0 },
    xAxis: {
      type: 'category',
      data: shown.map((c) => cashierName(c, w)),
      axisLabel: { width: 120, overflow: 'truncate', interval: 0 },
    },
    yAxis: [
      { ...moneyAxis(w), name: w.t('charts.amountAxis') },
      { type: 'value', name: w.t('charts.countAxis'), minInterval: 1, splitLine: { show: false } },
    ],
    series: MEASURES.map((m) => ({
      type: 'bar' as const,
      name: w.t('charts.measure', { measure: m.id }),
      yAxisIndex: m.id === 'returnsAmount' ? 0 : 1,
      data: shown.map(m.of),
      label: {
        show: true,
        position: 'top' as const,
        formatter: (p: { value?: unknown }) =>
          numberOf(p.value) === 0 ? '' : asText(m.id, numberOf(p.value)),
      },
      tooltip: { valueFormatter: (v: unknown) => asText(m.id, numberOf(v)) },
    })),
  };
}
