// What a card or QR payment dialog shows once the payment has left the till: waiting, declined, unknown,
// refused. Shared so that the rules a cashier learns ("unknown: never take it again") look the same for both.
import type { PaymentView } from '@contract/contract';
import type { PosError } from '@contract/result';
import { useI18n } from '../i18n/context';
import { errorMessage } from '../i18n/errors';
import { TID } from '../testids';
import { isOverridable } from '../payments/phase';
import { CheckNowButton } from './DialogButtons';

/** Sent; main is waiting for the gateway, or (QR) for the customer to confirm on the phone. */
export function PaymentWaiting({ payment }: { readonly payment: PaymentView | null }) {
  const { t } = useI18n();
  const confirming = payment?.state === 'user_paying';
  return (
    <p
      className="payment-notice info"
      role="status"
      data-testid={TID.paymentWaiting}
      data-state={payment?.state ?? 'starting'}
    >
      {t(confirming ? 'payment.userPaying' : 'payment.working')}
    </p>
  );
}

/** Declined: nothing was taken; another card or code (the retry button), or cash. */
export function PaymentDeclined({
  message,
  retryLabel,
  onRetry,
}: {
  readonly message: string | null;
  readonly retryLabel: string;
  readonly onRetry: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="payment-notice bad" role="alert" data-testid={TID.paymentDeclined}>
        <p className="payment-headline">{t('error.PAYMENT_DECLINED', { message: message ?? 'none' })}</p>
        <p>{t('payment.declinedNext')}</p>
      </div>
      <button
        type="button"
        className="btn btn-primary"
        data-testid={TID.paymentRetry}
        autoFocus
        onClick={onRetry}
      >
        <kbd>Enter</kbd> {retryLabel}
      </button>
    </>
  );
}

/** The payment was sent and no answer came: money may have moved, so it must not be taken again. */
export function PaymentUnknown({
  checking,
  onCheck,
}: {
  readonly checking: boolean;
  readonly onCheck: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="payment-notice warn" role="alert" data-testid={TID.paymentUnknown}>
      <p className="payment-headline">{t('payment.unknownTitle')}</p>
      <p>{t('payment.unknownBody')}</p>
      <CheckNowButton testId={TID.paymentCheck} checking={checking} onCheck={onCheck} />
    </div>
  );
}

/** Refused before anything was charged; an overridable offline limit offers the manager override. */
export function PaymentRefused({
  error,
  onOverride,
}: {
  readonly error: PosError;
  readonly onOverride: (() => void) | null;
}) {
  const { t } = useI18n();
  const shown = errorMessage(error);
  return (
    <div className="payment-notice bad" role="alert" data-testid={TID.paymentRefused} data-code={error.code}>
      <p className="payment-headline">{t(shown.key, shown.values)}</p>
      {onOverride && isOverridable(error) && (
        <button
          type="button"
          className="btn btn-primary"
          data-testid={TID.paymentOverride}
          autoFocus
          onClick={onOverride}
        >
          <kbd>Enter</kbd> {t('payment.override')}
        </button>
      )}
    </div>
  );
}
