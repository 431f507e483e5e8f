// Where a sent refund ended: paid back (`RefundDone`), or not known yet (`RefundUnknown`, with a button that
// asks main to look it up).
import type { RefundView } from '@contract/contract';
import type { PosError } from '@contract/result';
import { useI18n } from '../../i18n/context';
import { doneText, translated } from '../../refunds/refund-text';
import { TID } from '../../testids';
import { CheckNowButton } from '../DialogButtons';

export function RefundDone({ refund }: { readonly refund: RefundView }) {
  const { t, money } = useI18n();
  return (
    <div
      className="payment-notice good refund-done"
      role="status"
      data-testid={TID.refundDone}
      data-refund-no={refund.refundNo}
      data-minor={refund.amountMinor}
      data-kind={refund.tenderKind}
      data-state={refund.state}
    >
      <p className="payment-headline">{t('refund.doneTitle', { no: refund.refundNo })}</p>
      <p className="refund-done-amount">{doneText(t, money, refund)}</p>
      <p>{t('refund.slip')}</p>
    </div>
  );
}

interface UnknownProps {
  readonly refundId: string;
  /** a look-up is under way */
  readonly checking: boolean;
  /** the last look-up did not know either */
  readonly stillUnknown: boolean;
  /** the last look-up failed */
  readonly error: PosError | null;
  readonly onCheck: () => void;
}

export function RefundUnknown({ refundId, checking, stillUnknown, error, onCheck }: UnknownProps) {
  const { t } = useI18n();
  return (
    <div
      className="payment-notice warn"
      role="alert"
      data-testid={TID.refundUnknown}
      data-refund-id={refundId}
    >
      <p className="payment-headline">{t('refund.unknownTitle')}</p>
      <p>{t('refund.unknownBody')}</p>
      {stillUnknown && <p role="status">{t('refund.stillUnknown')}</p>}
      {error && (
        <p className="field-error" data-testid={TID.refundError} data-code={error.code}>
          {translated(t, error)}
        </p>
      )}
      <CheckNowButton testId={TID.refundCheck} checking={checking} onCheck={onCheck} />
    </div>
  );
}
