// Sales by hour: one bar per hour of the day (0-23, the business time zone's), its height what was sold,
// labelled in money. Hours without sales stand at zero so the day's shape reads at a glance.
import type { HourFigures } from '@contract/contract';
import type { ChartOption } from '../../charts/chart-option';
import { GRID, TOOLTIP, moneyAxis, numberOf, titled, type ChartWords } from './chart-parts';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** null when nothing was sold (the screen says so instead of drawing an empty grid). */
export function salesByHourOption(hourly: readonly HourFigures[], w: ChartWords): ChartOption | null {
  const sold = new Map(hourly.filter((h) => h.count > 0).map((h) => [h.hour, h.totalMinor]));
  if (sold.size === 0) return null;
  return {
    ...titled(w.t('charts.salesByHour')),
    grid: GRID,
    tooltip: { ...TOOLTIP, trigger: 'axis', valueFormatter: (v) => w.money(numberOf(v)) },
    xAxis: {
      type: 'category',
      name: w.t('charts.hourAxis'),
      nameLocation: 'middle',
      nameGap: 28,
      data: HOURS.map((h) => w.t('charts.hour', { hour: String(h).padStart(2, '0') })),
    },
    yAxis: moneyAxis(w),
    series: [
      {
        type: 'bar',
        name: w.t('charts.sales'),
        data: HOURS.map((h) => sold.get(h) ?? 0),
        label: {
          show: true,
          position: 'top',
          // only the hours that sold carry a figure
          formatter: (p) => (numberOf(p.value) === 0 ? '' : w.money(numberOf(p.value))),
        },
      },
    ],
  };
}
