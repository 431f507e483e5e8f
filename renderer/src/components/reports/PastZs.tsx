// The past Z reports, newest first (report.list); choosing one opens it in full (report.get).
import type { ZSummaryView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

interface Props {
  readonly zs: readonly ZSummaryView[];
  readonly onOpen: (zNo: number) => void;
}

export function PastZs({ zs, onOpen }: Props) {
  const { t, money, locale } = useI18n();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  if (zs.length === 0) return <p className="hint">{t('reports.pastEmpty')}</p>;
  return (
    <ul className="manage-list">
      {zs.map((z) => (
        <li key={z.zNo}>
          <button
            type="button"
            className="btn btn-secondary manage-entry"
            data-testid={TID.reportPastRow}
            data-zno={z.zNo}
            onClick={() => onOpen(z.zNo)}
          >
            {t('reports.pastRow', {
              zNo: z.zNo,
              closed: time.format(new Date(z.closedAt)),
              count: z.salesCount,
              net: money(z.netSalesMinor),
            })}
          </button>
        </li>
      ))}
    </ul>
  );
}
