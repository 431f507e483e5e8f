// A report's money in and out: sales (gross, discounts, total, tax), returns, net, the taxes per rate and the
// day's cash variance.
import type { ReportView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { Figure, Section } from './Figure';

export function ReportSales({ report }: { readonly report: ReportView }) {
  const { t, money } = useI18n();
  const { sales, returns } = report;
  const figure = (id: string, value: number, isMoney = true) => (
    <Figure id={id} label={t('reports.figure', { figure: id })} value={value} isMoney={isMoney} />
  );
  return (
    <>
      <Section title={t('reports.sales')}>
        <dl className="settings-grid">
          {figure('count', sales.count, false)}
          {figure('items', sales.items, false)}
          {figure('gross', sales.grossMinor)}
          {figure('discounts', sales.discountMinor)}
          {figure('total', sales.totalMinor)}
          {figure('tax', sales.taxMinor)}
          {figure('returnsCount', returns.count, false)}
          {figure('returns', returns.amountMinor)}
          {figure('returnsTax', returns.taxMinor)}
          {figure('net', report.netSalesMinor)}
          {figure('variance', report.cashVarianceMinor)}
        </dl>
      </Section>
      <Section title={t('reports.taxes')}>
        {report.taxes.length === 0 && <p className="hint">{t('reports.none')}</p>}
        <ul>
          {report.taxes.map((r) => (
            <li key={r.rateBp} data-testid={TID.reportTax} data-rate-bp={r.rateBp} data-tax={r.taxMinor}>
              {t('reports.taxRate', {
                rate: r.rateBp / 10_000,
                taxable: money(r.taxableMinor),
                tax: money(r.taxMinor),
              })}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
