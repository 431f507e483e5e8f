// What a completed sale adds to its business day's totals (main/totals/metrics.ts): the sale itself, its
// lines per tax rate and its tenders per kind and brand, each metric once (a multi-row upsert).
import type { CartView, TenderView } from '../api/contract';
import { SALES, taxMetric, tenderMetric, type TotalsRow } from '../totals/metrics';

interface Acc {
  n: number;
  amountMinor: number;
  taxMinor: number;
  changeMinor: number;
}

export function saleTotalsRows(view: CartView, tenders: readonly TenderView[]): TotalsRow[] {
  const t = view.totals;
  let qtyMilli = 0;
  const byRate = new Map<number, Acc>();
  for (const l of view.lines) {
    // items: pieces for goods sold by the piece, one for each weighed line
    qtyMilli += l.unit === 'each' ? l.qtyMilli : 1000;
    const a = byRate.get(l.taxRateBp) ?? { n: 0, amountMinor: 0, taxMinor: 0, changeMinor: 0 };
    a.n += 1;
    a.amountMinor += l.netMinor;
    a.taxMinor += l.taxMinor;
    byRate.set(l.taxRateBp, a);
  }
  const byTender = new Map<string, Acc>();
  for (const x of tenders) {
    const m = tenderMetric(x.kind, x.brand);
    const a = byTender.get(m) ?? { n: 0, amountMinor: 0, taxMinor: 0, changeMinor: 0 };
    a.n += 1;
    a.amountMinor += x.amountMinor;
    a.changeMinor += x.changeMinor;
    byTender.set(m, a);
  }
  const rows: TotalsRow[] = [
    {
      metric: SALES,
      n: 1,
      amountMinor: t.totalMinor,
      grossMinor: t.grossMinor,
      discountMinor: t.lineDiscountMinor + t.orderDiscountMinor,
      taxMinor: t.taxMinor,
      qtyMilli,
    },
  ];
  for (const [rate, a] of byRate) rows.push({ metric: taxMetric(rate), ...a });
  for (const [metric, a] of byTender) rows.push({ metric, ...a });
  return rows;
}
