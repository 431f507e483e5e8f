// Differences by class: how many of the settlement's differences of each class the report's dates hold (every
// class but matched, named in the chart's language), so a manager sees at a glance what to resolve.
import {
  DIFFERENCE_CLASSES,
  type DifferenceClass as Difference,
  type ReconItemView,
} from '@contract/contract/reconciliation';
import type { ChartOption } from '../../charts/chart-option';
import { GRID, TOOLTIP, titled, type ChartWords } from './chart-parts';

/** The number of differences per class, every class present (0 when none). */
export function countByClass(items: readonly ReconItemView[]): Readonly<Record<Difference, number>> {
  const out = Object.fromEntries(DIFFERENCE_CLASSES.map((c) => [c, 0])) as Record<Difference, number>;
  for (const i of items) if (i.class !== 'matched') out[i.class] += 1;
  return out;
}

/** null when the items hold no difference (everything matched). */
export function differencesOption(items: readonly ReconItemView[], w: ChartWords): ChartOption | null {
  const counts = countByClass(items);
  if (DIFFERENCE_CLASSES.every((c) => counts[c] === 0)) return null;
  return {
    ...titled(w.t('charts.differences')),
    grid: GRID,
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    // classes down the side: their names are long, in either language
    xAxis: { type: 'value', minInterval: 1, name: w.t('charts.countAxis') },
    yAxis: {
      type: 'category',
      inverse: true,
      data: DIFFERENCE_CLASSES.map((c) => w.t('charts.class', { class: c })),
    },
    series: [
      {
        type: 'bar',
        name: w.t('charts.differenceCount'),
        data: DIFFERENCE_CLASSES.map((c) => counts[c]),
        label: { show: true, position: 'right' },
      },
    ],
  };
}
