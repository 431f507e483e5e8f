// Tender mix: a donut of what the day was paid with, cash, card per brand and QR per wallet, each slice named
// in the chart's language and labelled with its amount and share.
import type { TenderFigures } from '@contract/contract';
import type { ChartOption } from '../../charts/chart-option';
import { TOOLTIP, numberOf, titled, type ChartWords } from './chart-parts';

/** A tender row's name: 'Cash', 'Card · UnionPay', 'QR · WeChat Pay'. */
export function tenderName(t: Pick<TenderFigures, 'kind' | 'brand'>, w: ChartWords): string {
  return w.t('charts.tender', { kind: t.kind, brand: t.brand ?? 'none' });
}

/** null when nothing was paid (refund-only rows carry no sales). */
export function tenderMixOption(tenders: readonly TenderFigures[], w: ChartWords): ChartOption | null {
  const paid = tenders.filter((t) => t.amountMinor > 0);
  if (paid.length === 0) return null;
  return {
    ...titled(w.t('charts.tenderMix')),
    tooltip: { ...TOOLTIP, trigger: 'item', valueFormatter: (v) => w.money(numberOf(v)) },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        name: w.t('charts.tenderMix'),
        radius: ['38%', '64%'],
        center: ['50%', '52%'],
        data: paid.map((t) => ({ name: tenderName(t, w), value: t.amountMinor })),
        label: {
          formatter: (p) => `${p.name}\n${w.money(numberOf(p.value))} (${String(p.percent ?? 0)}%)`,
        },
      },
    ],
  };
}
