// The payment alerts screen's second section: card and QR refunds whose outcome is not known yet
// (refund.open), each with "Check now" (refund.resolve). Selection and F5 are the alerts screen's: it lists
// these rows after its payments and checks whichever row is selected.
import type { RefundView } from '@contract/contract';
import { formatMoney } from '@contract/money';
import type { Actions } from '../../app/actions';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/context';
import { tenderLabel } from '../../refunds/refund-text';
import { TID } from '../../testids';

export type RefundCheckActions = Pick<Actions, 'refundResolve' | 'notify'>;

/** Looks a refund up now and says how it ended in a toast: paid back, refused, or still not known. */
export async function checkRefund(
  actions: RefundCheckActions,
  money: (minor: number) => string,
  refund: RefundView,
): Promise<void> {
  const r = await actions.refundResolve(refund.refundId);
  if (!r.ok) {
    const shown = errorMessage(r.error);
    return actions.notify(shown.key, shown.values, 'error');
  }
  const v = r.value;
  const no = v.refundNo;
  if (v.state === 'completed') {
    actions.notify('recovery.refundCompleted', { no, amount: money(v.amountMinor) });
  } else if (v.state === 'failed') {
    actions.notify('recovery.refundFailed', { no, message: v.message ?? 'none' }, 'error');
  } else {
    actions.notify('recovery.refundStillUnknown', { no });
  }
}

interface Props {
  readonly refunds: readonly RefundView[];
  readonly selectedId: string | null;
  /** the refund being looked up now, or null */
  readonly checkingId: string | null;
  readonly onSelect: (refund: RefundView) => void;
  readonly onCheck: (refund: RefundView) => void;
}

export function OpenRefunds({ refunds, selectedId, checkingId, onSelect, onCheck }: Props) {
  const { t, locale } = useI18n();
  if (refunds.length === 0) return null;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const title = t('recovery.refunds');
  return (
    <section className="alerts-refunds" data-testid={TID.alertsRefunds} data-count={refunds.length}>
      <h3 className="refund-sub">{title}</h3>
      <ul className="recovery-rows" role="listbox" aria-label={title}>
        {refunds.map((r) => {
          const selected = r.refundId === selectedId;
          const checking = r.refundId === checkingId;
          return (
            <li
              key={r.refundId}
              className={`recovery-row alerts-refund-row${selected ? ' selected' : ''}`}
              role="option"
              aria-selected={selected}
              data-testid={TID.alertsRefundRow}
              data-refund-id={r.refundId}
              data-refund-no={r.refundNo}
              data-state={r.state}
              data-minor={r.amountMinor}
              onClick={() => onSelect(r)}
            >
              <span className="refund-row-no">{r.refundNo}</span>
              <span>{t('recovery.refundReceipt', { no: r.receiptNo })}</span>
              <span className="num">{formatMoney(r.amountMinor, r.currency, locale)}</span>
              <span>{tenderLabel(t, { kind: r.tenderKind, brand: r.brand, last4: r.last4 })}</span>
              <span>{time.format(new Date(r.createdAt))}</span>
              <button
                type="button"
                className="btn btn-secondary"
                data-testid={TID.alertsRefundCheck}
                disabled={checking}
                aria-busy={checking}
                onClick={() => onCheck(r)}
              >
                {t(checking ? 'payment.checking' : 'payment.checkNow')}
              </button>
              <span className="recovery-state alerts-refund-state">
                {t('recovery.refundState', { state: r.state })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
