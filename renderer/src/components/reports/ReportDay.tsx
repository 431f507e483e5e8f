// The rest of a report: counted events, card payments taken offline, the day's shifts (variance and sign-off),
// the settlement days reconciled since the previous Z and, for a Z, its place in the hash chain.
import type { ReconciledDayFigures, ReportCounts, ReportView, ShiftFigures } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { Figure, Section } from './Figure';

const COUNTS: readonly (keyof ReportCounts)[] = [
  'sales',
  'items',
  'noSaleOpens',
  'reprints',
  'overrides',
  'voids',
  'lineVoids',
];

/** The first characters of a hash are enough to compare with the printed Z; the whole one is in the title. */
const short = (sha: string): string => sha.slice(0, 12);

function ShiftRow({ shift }: { readonly shift: ShiftFigures }) {
  const { t, money } = useI18n();
  const counted = shift.countedMinor !== null && shift.expectedMinor !== null;
  return (
    <li
      data-testid={TID.reportShift}
      data-state={shift.state}
      data-variance={shift.varianceMinor ?? ''}
      data-shift={shift.shiftId}
    >
      {t('reports.shift', { drawer: shift.drawerId, state: shift.state, float: money(shift.floatMinor) })}
      {counted &&
        ` · ${t('reports.shiftCount', {
          expected: money(shift.expectedMinor ?? 0),
          counted: money(shift.countedMinor ?? 0),
          variance: money(shift.varianceMinor ?? 0),
        })}`}
      {shift.signOff &&
        ` · ${t('reports.signedOff', { name: shift.signOff.approvedBy, note: shift.signOff.note })}`}
    </li>
  );
}

function Reconciled({ days }: { readonly days: readonly ReconciledDayFigures[] }) {
  const { t, locale } = useI18n();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Section title={t('reports.reconciled')}>
      <ul>
        {days.map((d) => (
          <li
            key={d.day}
            data-testid={TID.reportReconciled}
            data-day={d.day}
            data-resolved={d.resolved}
            data-seq={d.journalSeq}
          >
            {t('reports.reconciledDay', {
              day: d.day,
              resolved: d.resolved,
              at: time.format(new Date(d.reconciledAt)),
            })}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ReportDay({ report }: { readonly report: ReportView }) {
  const { t, money } = useI18n();
  const { stored, declinedAfterForwarding: declined } = report.offline;
  return (
    <>
      <Section title={t('reports.counts')}>
        <dl className="settings-grid">
          {COUNTS.map((c) => (
            <Figure
              key={c}
              id={c}
              label={t('reports.count', { count: c })}
              value={report.counts[c]}
              isMoney={false}
              testId={TID.reportCount}
            />
          ))}
        </dl>
      </Section>
      <Section title={t('reports.offline')}>
        <p
          data-testid={TID.reportOffline}
          data-stored={stored.amountMinor}
          data-declined={declined.amountMinor}
        >
          {t('reports.offlineStored', { count: stored.count, amount: money(stored.amountMinor) })}
          <br />
          {t('reports.offlineDeclined', { count: declined.count, amount: money(declined.amountMinor) })}
        </p>
      </Section>
      <Section title={t('reports.shifts')}>
        {report.shifts.length === 0 && <p className="hint">{t('reports.none')}</p>}
        <ul>
          {report.shifts.map((s) => (
            <ShiftRow key={s.shiftId} shift={s} />
          ))}
        </ul>
      </Section>
      {report.reconciledDays.length > 0 && <Reconciled days={report.reconciledDays} />}
      {report.chain && (
        <Section title={t('reports.chain')}>
          <p
            data-testid={TID.reportChain}
            data-chain={report.chain.chainSha256}
            title={report.chain.chainSha256}
          >
            {t('reports.chainLine', {
              seq: report.chain.journalSeq,
              prev: short(report.chain.prevSha256),
              chain: short(report.chain.chainSha256),
            })}
          </p>
        </Section>
      )}
    </>
  );
}
