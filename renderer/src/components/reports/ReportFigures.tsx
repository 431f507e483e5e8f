// A report on screen: which report (X of now, or Z No. n), its day and period, then its figures section by
// section, the same figures the printed report and the exports carry (all from main's ReportView).
import type { ReportView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { ReportSales } from './ReportSales';
import { ReportTenders } from './ReportTenders';
import { ReportDay } from './ReportDay';

export function ReportFigures({ report }: { readonly report: ReportView }) {
  const { t, locale } = useI18n();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div
      className="settings-body"
      data-testid={TID.reportView}
      data-kind={report.kind}
      data-zno={report.zNo ?? ''}
      data-day={report.dayNo}
    >
      <h3>
        {t('reports.heading', {
          kind: report.kind,
          zNo: report.zNo ?? 0,
          dayNo: report.dayNo,
          terminal: report.terminalId,
        })}
      </h3>
      {report.training && <p className="payment-notice info">{t('reports.training')}</p>}
      <p>
        {report.storeName} ·{' '}
        {t('reports.period', {
          from: time.format(new Date(report.openedAt)),
          to: time.format(new Date(report.takenAt)),
        })}
        {report.takenBy && ` · ${t('reports.takenBy', { name: report.takenBy })}`}
      </p>
      <ReportSales report={report} />
      <ReportTenders report={report} />
      <ReportDay report={report} />
    </div>
  );
}
