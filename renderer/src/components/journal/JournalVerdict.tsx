// The walk's verdict in words: intact (how many entries, from when to when, the head hash) or the first break
// (which entry, when, what it recorded, and why it does not check out).
import type { JournalReport } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

export function JournalVerdict({ report }: { readonly report: JournalReport }) {
  const { t, locale } = useI18n();
  const when = (iso: string): string =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  if (report.ok) {
    return (
      <div
        className="journal-verdict"
        data-testid={TID.journalVerdict}
        data-ok="true"
        data-entries={report.entries}
      >
        <p>
          {report.first && report.last
            ? t('journal.intact', {
                entries: report.entries,
                first: when(report.first.at),
                last: when(report.last.at),
              })
            : t('journal.empty')}
        </p>
        <p className="field-hint">{t('journal.head', { head: report.head })}</p>
      </div>
    );
  }
  return (
    <div
      className="journal-verdict"
      data-testid={TID.journalVerdict}
      data-ok="false"
      data-seq={report.seq}
      data-cause={report.cause}
    >
      <p>
        <strong>{t('journal.broken', { seq: report.seq })}</strong>
      </p>
      <p>
        {report.at !== null
          ? t('journal.when', { at: when(report.at) })
          : t('journal.whenMissing', {
              before: report.before ? when(report.before.at) : '—',
              after: report.after ? when(report.after.at) : '—',
            })}
      </p>
      {report.kind !== null && (
        <p data-testid={TID.journalCovered}>
          {report.covered !== null
            ? t('journal.covered', { covered: report.covered })
            : t('journal.coveredUnreadable', { kind: report.kind })}
        </p>
      )}
      <p>{t('journal.cause', { cause: report.cause })}</p>
    </div>
  );
}
