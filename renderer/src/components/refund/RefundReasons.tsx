// The refund's reason, one toggle button per reason (Enter on one is handled by the dialog: it picks the
// reason and confirms).
import { REFUND_REASONS, type RefundReason } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

interface Props {
  readonly reason: RefundReason | null;
  readonly disabled: boolean;
  readonly onPick: (reason: RefundReason) => void;
}

export function RefundReasons({ reason, disabled, onPick }: Props) {
  const { t } = useI18n();
  return (
    <div className="refund-reasons" role="radiogroup" aria-label={t('refund.reason')}>
      <span className="field-label">{t('refund.reason')}</span>
      {REFUND_REASONS.map((r) => (
        <button
          key={r}
          type="button"
          role="radio"
          aria-checked={reason === r}
          className={`btn btn-toggle${reason === r ? ' on' : ''}`}
          data-testid={TID.refundReason}
          data-reason={r}
          disabled={disabled}
          onClick={() => onPick(r)}
        >
          {t('refund.reasonName', { reason: r })}
        </button>
      ))}
    </div>
  );
}
