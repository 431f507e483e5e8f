import type { SaleSummaryView } from '@contract/contract';
import { formatMoney } from '@contract/money';
import { useI18n } from '../i18n/context';
import { TID } from '../testids';

interface Props {
  readonly rows: readonly SaleSummaryView[];
  readonly selectedId: string | null;
  readonly loading: boolean;
  readonly onSelect: (saleId: string) => void;
}

/** The history rows: receipt number, time, total, line count, training marker; tap or arrows select. */
export function SaleHistoryList({ rows, selectedId, loading, onSelect }: Props) {
  const { t, locale } = useI18n();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  if (rows.length === 0) {
    return (
      <p className="history-empty" data-testid={TID.receiptsEmpty}>
        {t(loading ? 'history.loading' : 'history.empty')}
      </p>
    );
  }
  return (
    <ul className="history-rows" role="listbox" aria-label={t('history.title')}>
      {rows.map((row) => {
        const selected = row.saleId === selectedId;
        return (
          <li
            key={row.saleId}
            role="option"
            aria-selected={selected}
            className={`history-row${selected ? ' selected' : ''}`}
            data-testid={TID.receiptsRow}
            data-sale-id={row.saleId}
            data-receipt-no={row.receiptNo}
            data-minor={row.totalMinor}
            data-training={String(row.training)}
            // Scroll the keyboard's selection into view as the arrows move it.
            ref={selected ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onSelect(row.saleId)}
          >
            <span className="history-no">{row.receiptNo}</span>
            <span className="history-time">{time.format(new Date(row.completedAt))}</span>
            <span className="history-total num">{formatMoney(row.totalMinor, row.currency, locale)}</span>
            <span className="history-lines">{t('history.lines', { count: row.lineCount })}</span>
            {row.training && (
              <span className="badge badge-training history-training">{t('history.training')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
