// A customer-presented payment code (WeChat Pay, Alipay, UnionPay QuickPass) for the cart's total. Opened by
// scanning such a code on the sale screen (it arrives with the code) or from its key, then scanned or typed.
// payment.startQr can take up to ~30 s while the customer confirms on the phone; main's `payment` events say
// so meanwhile. The code is a one-time bearer token: it is sent once and never shown back.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CartView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import type { Actions } from '../app/actions';
import { TID } from '../testids';
import type { PaymentInputSlot } from '../payments/payment-input';
import { narrowDigits } from '../format/parse';
import { isBusy } from '../payments/phase';
import { usePaymentPhase, type PhaseActions } from '../payments/use-payment-phase';
import { PaymentDeclined, PaymentRefused, PaymentUnknown, PaymentWaiting } from './PaymentNotices';
import { PaymentDialogFrame, PaymentField } from './PaymentDialogFrame';

type QrActions = PhaseActions & Pick<Actions, 'startQr'>;

interface Props {
  readonly cart: CartView;
  /** the code that opened the dialog (scanned on the sale screen), or null to ask for one */
  readonly code: string | null;
  readonly actions: QrActions;
  readonly inputRef: PaymentInputSlot;
  readonly onClose: () => void;
  readonly onCash: () => void;
}

/** Payment codes are 16 to 24 digits (main checks the wallet's exact shape). */
const CODE_SHAPE = /^\d{16,24}$/;

export function QrPaymentDialog({ cart, code, actions, inputRef, onClose, onCash }: Props) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const flow = usePaymentPhase(
    code === null ? { step: 'code', error: null } : { step: 'starting' },
    'qr',
    actions,
    onClose,
  );
  const { phase } = flow;
  const dueMinor = cart.totals.totalMinor;

  const inFlight = useRef(false);
  const start = async (value: string): Promise<void> => {
    const now = flow.current().step;
    // One payment at a time, and never a second one while the first may still move money.
    if (inFlight.current || now === 'waiting' || now === 'unknown') return;
    inFlight.current = true;
    setTyped('');
    flow.setPhase({ step: 'starting' });
    const r = await actions.startQr({ cartId: cart.cartId, cartVersion: cart.version, code: value });
    inFlight.current = false;
    const seen = flow.current(); // events may have told us the attempt meanwhile
    flow.settle(r, 'payment' in seen ? seen.payment : null);
  };
  const opened = useRef(false);
  useEffect(() => {
    if (code === null || opened.current) return;
    opened.current = true;
    void start(code);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening only
  }, []);

  const submitTyped = (): void => {
    const value = typed.trim();
    if (!CODE_SHAPE.test(value))
      return flow.setPhase({ step: 'code', error: { code: 'BARCODE_MALFORMED', message: '' } });
    void start(value);
  };

  // Borrow the scanner while open: a scanned payment code pays; a card swipe is not for this dialog.
  // (Before paint: a swipe the moment the dialog shows is already this dialog's.)
  useLayoutEffect(() => {
    inputRef.current = {
      scan: (scanned) => void start(scanned),
      swipe: () => actions.notify('payment.notReady'),
      badSwipe: () => actions.notify('payment.notReady'),
    };
    return () => {
      inputRef.current = null;
    };
  });

  const busy = isBusy(phase);
  const canCash = phase.step === 'declined' || phase.step === 'refused' || phase.step === 'code';

  return (
    <PaymentDialogFrame
      title={t('qr.title')}
      testId={TID.qrDialog}
      dueMinor={dueMinor}
      onClose={() => !isBusy(flow.current()) && onClose()}
      closeDisabled={busy}
      canCash={canCash}
      onCash={onCash}
      primary={phase.step === 'code' ? { label: t('qr.pay'), run: submitTyped } : null}
    >
      {phase.step === 'code' && (
        <>
          <p className="payment-prompt" role="status">
            {t('qr.scan')}
          </p>
          <PaymentField
            id="qr-code"
            label={t('qr.codeLabel')}
            testId={TID.qrCode}
            inputMode="numeric"
            maxLength={24}
            value={typed}
            onChange={(v) => setTyped(narrowDigits(v).replace(/\D/g, ''))}
            error={phase.error ? t('qr.invalid') : null}
          />
        </>
      )}
      {(phase.step === 'starting' || phase.step === 'waiting') && (
        <PaymentWaiting payment={phase.step === 'waiting' ? phase.payment : null} />
      )}
      {phase.step === 'declined' && (
        <PaymentDeclined
          message={phase.message}
          retryLabel={t('qr.again')}
          onRetry={() => flow.setPhase({ step: 'code', error: null })}
        />
      )}
      {phase.step === 'unknown' && (
        <PaymentUnknown checking={phase.checking} onCheck={() => void flow.check()} />
      )}
      {phase.step === 'refused' && <PaymentRefused error={phase.error} onOverride={null} />}
    </PaymentDialogFrame>
  );
}
