// The charts of a report (X of now or a past Z), read at a glance: sales by hour, tender mix, refunds and voids
// by cashier, and the settlement differences by class of the dates the report's day covers. A chart with
// nothing to draw says why instead (no sales yet, not reconciled yet, ...). data-points names what is drawn.
import { useMemo } from 'react';
import type { ReportView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import type { MessageKey, MessageValues } from '../../i18n/translate';
import { TID } from '../../testids';
import { Chart } from '../charts/Chart';
import type { ChartOption } from '../charts/chart-option';
import type { ChartWords } from './charts/chart-parts';
import { salesByHourOption } from './charts/sales-by-hour';
import { tenderMixOption } from './charts/tender-mix';
import { cashierVoidsOption, voidingCashiers } from './charts/cashier-voids';
import { countByClass, differencesOption } from './charts/differences-by-class';
import { useReconDays, type ReconDays } from './charts/use-recon-days';
import { Section } from './Figure';

interface CellProps {
  readonly name: string;
  readonly title: MessageKey;
  readonly option: ChartOption | null;
  /** what is drawn, for a test to read: hours, slices, names, classes */
  readonly points: string;
  readonly empty: { readonly key: MessageKey; readonly values?: MessageValues };
}

function ChartCell({ name, title, option, points, empty }: CellProps) {
  const { t } = useI18n();
  return (
    <div className="chart-cell" data-testid={TID.reportChart} data-chart={name} data-points={points}>
      {option ? (
        <Chart option={option} label={t(title)} testId={TID.reportChartDrawing} name={name} />
      ) : (
        <div className="chart-empty" data-testid={TID.reportChartEmpty}>
          <h4>{t(title)}</h4>
          <p>{t(empty.key, empty.values)}</p>
        </div>
      )}
    </div>
  );
}

function differencesCell(
  recon: ReconDays,
  w: ChartWords,
  dates: (d: readonly string[]) => string,
): CellProps {
  const base = { name: 'differences', title: 'charts.differences' as const };
  if (recon.state !== 'read') {
    const key = recon.state === 'loading' ? 'charts.reconLoading' : 'charts.reconFailed';
    return { ...base, option: null, points: '', empty: { key } };
  }
  const counts = Object.entries(countByClass(recon.items)).filter(([, n]) => n > 0);
  const notYet = { key: 'charts.notReconciled' as const, values: { dates: dates(recon.pending) } };
  // a date never fetched is said as such, not drawn as "no differences"
  if (recon.reconciled.length === 0) return { ...base, option: null, points: '', empty: notYet };
  return {
    ...base,
    option: differencesOption(recon.items, w),
    points: counts.map(([c, n]) => `${c}=${n}`).join(','),
    empty:
      recon.pending.length > 0
        ? notYet
        : { key: 'charts.noDifferences', values: { dates: dates(recon.reconciled) } },
  };
}

export function ReportCharts({ report }: { readonly report: ReportView }) {
  const { t, money, locale } = useI18n();
  const recon = useReconDays(report.openedAt, report.takenAt);
  const cells = useMemo((): CellProps[] => {
    const w: ChartWords = { t, money };
    const list = new Intl.ListFormat(locale, { type: 'conjunction' });
    const paid = report.tenders.filter((d) => d.amountMinor > 0);
    return [
      {
        name: 'hourly',
        title: 'charts.salesByHour',
        option: salesByHourOption(report.hourly, w),
        points: report.hourly
          .filter((h) => h.count > 0)
          .map((h) => h.hour)
          .join(','),
        empty: { key: 'charts.noSales' },
      },
      {
        name: 'tenders',
        title: 'charts.tenderMix',
        option: tenderMixOption(report.tenders, w),
        points: paid.map((d) => `${d.kind}:${d.brand ?? ''}`).join(','),
        empty: { key: 'charts.noTenders' },
      },
      {
        name: 'cashiers',
        title: 'charts.cashierVoids',
        option: cashierVoidsOption(report.cashiers, w),
        points: voidingCashiers(report.cashiers)
          .map((c) => c.code ?? 'nobody')
          .join(','),
        empty: { key: 'charts.noVoids' },
      },
      differencesCell(recon, w, (d) => list.format(d)),
    ];
  }, [report, recon, t, money, locale]);
  return (
    <Section title={t('charts.title')}>
      <div className="report-charts" data-testid={TID.reportCharts}>
        {cells.map((c) => (
          <ChartCell key={c.name} {...c} />
        ))}
      </div>
    </Section>
  );
}
