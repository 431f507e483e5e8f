// A report's tenders (cash, card per brand, QR per wallet) and its figures per cashier (sales, returns, voids).
import type { ReportView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { Section } from './Figure';

export function ReportTenders({ report }: { readonly report: ReportView }) {
  const { t, money } = useI18n();
  return (
    <>
      <Section title={t('reports.tenders')}>
        {report.tenders.length === 0 && <p className="hint">{t('reports.none')}</p>}
        <ul>
          {report.tenders.map((d) => (
            <li
              key={`${d.kind}:${d.brand ?? ''}`}
              data-testid={TID.reportTender}
              data-kind={d.kind}
              data-brand={d.brand ?? ''}
              data-value={d.amountMinor}
            >
              {t('reports.tender', { kind: d.kind, brand: d.brand ?? 'none' })}:{' '}
              {t('reports.tenderCount', { count: d.count })}, {money(d.amountMinor)}
              {d.changeMinor > 0 && ` · ${t('reports.change', { amount: money(d.changeMinor) })}`}
              {d.refundedMinor > 0 && ` · ${t('reports.refunded', { amount: money(d.refundedMinor) })}`}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('reports.cashiers')}>
        {report.cashiers.length === 0 && <p className="hint">{t('reports.none')}</p>}
        <ul>
          {report.cashiers.map((c) => (
            <li
              key={c.operatorId ?? 'nobody'}
              data-testid={TID.reportCashier}
              data-code={c.code ?? ''}
              data-value={c.sales.totalMinor}
              data-voids={c.voids}
              data-line-voids={c.lineVoids}
            >
              {c.operatorId === null ? t('reports.nobody') : `${c.name ?? ''} (${c.code ?? ''})`}:{' '}
              {t('reports.cashier', {
                count: c.sales.count,
                total: money(c.sales.totalMinor),
                returns: c.returns.count,
              })}
              {(c.voids > 0 || c.lineVoids > 0) &&
                ` · ${t('reports.cashierVoids', { voids: c.voids, lineVoids: c.lineVoids })}`}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
