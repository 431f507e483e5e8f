// A sale's refunds, oldest first: refund number, state, time and amount (the refund dialog's "earlier refunds"
// and the receipts screen under the selected receipt).
import type { RefundView } from '@contract/contract';
import { formatMoney } from '@contract/money';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

interface Props {
  readonly refunds: readonly RefundView[];
  readonly title: string;
  readonly testId: string;
}

export function RefundList({ refunds, title, testId }: Props) {
  const { t, locale } = useI18n();
  if (refunds.length === 0) return null;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="refund-list" data-testid={testId} data-count={refunds.length}>
      <h3 className="refund-sub">{title}</h3>
      <ul>
        {refunds.map((r) => (
          <li
            key={r.refundId}
            className={`refund-row state-${r.state}`}
            data-testid={TID.refundRow}
            data-refund-no={r.refundNo}
            data-state={r.state}
            data-minor={r.amountMinor}
          >
            <span className="refund-row-no">{r.refundNo}</span>
            <span className="refund-row-time">{time.format(new Date(r.completedAt ?? r.createdAt))}</span>
            <span className="refund-row-state">{t('refund.state', { state: r.state })}</span>
            <span className="num">{formatMoney(r.amountMinor, r.currency, locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
