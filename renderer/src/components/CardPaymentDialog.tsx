// Card payment of the cart's total. Offline (store-and-forward) it first asks for the customer's contact;
// then it starts the attempt (the cart is locked from here), waits for a swipe on the wedge reader (or, in
// training, a test-card button), and shows the outcome. Swipes reach it through the screen's scanner and go
// straight to main: the tracks never touch this component's state.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Approval, BootstrapView, CartView, PaymentResultView, PaymentView } from '@contract/contract';
import type { PosError, Result } from '@contract/result';
import { useI18n } from '../i18n/context';
import { errorMessage } from '../i18n/errors';
import type { Actions, TestCard } from '../app/actions';
import { TID } from '../testids';
import { fromError, isBusy, type Phase } from '../payments/phase';
import type { PaymentInputSlot } from '../payments/payment-input';
import { usePaymentPhase, type PhaseActions } from '../payments/use-payment-phase';
import { PaymentDialogFrame, PaymentField } from './PaymentDialogFrame';
import { ManagerApproval, isApprovalRefusal } from './ManagerApproval';
import { PaymentDeclined, PaymentRefused, PaymentUnknown, PaymentWaiting } from './PaymentNotices';

/** main/payments' emulated reader's documented test cards, in the order they are offered. */
const TEST_CARDS: readonly TestCard[] = [
  'visa',
  'unionpay',
  'mastercard',
  'decline',
  'stolen',
  'expired',
  'bad-read',
];

type CardActions = PhaseActions &
  Pick<Actions, 'startCard' | 'trainingSwipe' | 'wedgeSwipe' | 'cancelPayment'>;

interface Props {
  readonly cart: CartView;
  /** the gateway is offline: the payment will be stored and sent later, and needs the customer's contact */
  readonly offline: boolean;
  readonly training: boolean;
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly actions: CardActions;
  readonly inputRef: PaymentInputSlot;
  readonly onClose: () => void;
  /** "pay cash instead": close this and open the cash dialog */
  readonly onCash: () => void;
}

const UNREADABLE: PosError = { code: 'CARD_UNREADABLE', message: 'bad swipe' };

export function CardPaymentDialog(props: Props) {
  const { cart, offline, training, trainingApprover, actions, inputRef, onClose, onCash } = props;
  const { t, money } = useI18n();
  const [contact, setContact] = useState('');
  const [overriding, setOverriding] = useState(false);
  const flow = usePaymentPhase(
    offline ? { step: 'contact', error: null } : { step: 'starting' },
    'card',
    actions,
    onClose,
  );
  const { phase } = flow;
  const dueMinor = cart.totals.totalMinor;

  /** main's answer to payment.startCard: wait for the card, or say why not. */
  const started = (r: Result<PaymentView>): void => {
    if (r.ok) flow.setPhase({ step: 'swipe', payment: r.value, error: null });
    else flow.setPhase(fromError(r.error, null));
  };
  const startCall = (override?: Approval) => {
    const customerContact = contact.trim();
    return actions.startCard({
      cartId: cart.cartId,
      cartVersion: cart.version,
      ...(customerContact === '' ? {} : { customerContact }),
      ...(override === undefined ? {} : { override }),
    });
  };
  const start = async (): Promise<void> => {
    flow.setPhase({ step: 'starting' });
    started(await startCall());
  };
  // Online, the attempt starts as the dialog opens (once: StrictMode runs effects twice in development).
  const opened = useRef(false);
  useEffect(() => {
    if (offline || opened.current) return;
    opened.current = true;
    void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening only; later starts are the cashier's
  }, []);

  const submitContact = (): void => {
    if (contact.trim() === '')
      return flow.setPhase({ step: 'contact', error: { code: 'CONTACT_REQUIRED', message: '' } });
    void start();
  };

  /** Sends a swipe (real or test card) for the attempt waiting for one; false when none is. */
  const swipe = (send: (attemptId: string) => Promise<Result<PaymentResultView>>): boolean => {
    const now = flow.current();
    if (now.step !== 'swipe') return false;
    flow.setPhase({ step: 'waiting', payment: now.payment });
    void send(now.payment.attemptId).then((r) => flow.settle(r, now.payment));
    return true;
  };

  // Borrow the scanner while open: swipes come here, scans are refused (the cart is being paid).
  // (Before paint: a swipe the moment the dialog shows is already this dialog's.)
  useLayoutEffect(() => {
    inputRef.current = {
      swipe: (tracks) => {
        if (!swipe((attemptId) => actions.wedgeSwipe(attemptId, tracks))) actions.notify('payment.notReady');
      },
      badSwipe: () => {
        const now = flow.current();
        if (now.step === 'swipe') flow.setPhase({ ...now, error: UNREADABLE });
        else actions.notify('payment.notReady');
      },
      scan: () => actions.notify('scan.blockedDuringTender', {}, 'error'),
    };
    return () => {
      inputRef.current = null;
    };
  });

  const busy = isBusy(phase);

  const close = async (): Promise<void> => {
    const now = flow.current();
    if (isBusy(now)) return; // the outcome of the call in flight must be seen
    if (now.step !== 'swipe') return onClose();
    // Esc while the attempt waits for a card: cancel it so the cart is unlocked.
    flow.setPhase({ step: 'starting' });
    const r = await actions.cancelPayment(now.payment.attemptId);
    if (r.ok) {
      actions.paymentEnded();
      return onClose();
    }
    // A swipe won the race: the payment moved on, so find out where it is rather than assume.
    if (r.error.code === 'PAYMENT_STATE_CHANGED') {
      flow.setPhase({ step: 'unknown', payment: now.payment, checking: false });
      return flow.check();
    }
    flow.setPhase({ ...now, error: r.error });
  };

  const canCash = phase.step === 'declined' || phase.step === 'refused' || phase.step === 'contact';

  return (
    <>
      <div inert={overriding}>
        <PaymentDialogFrame
          title={t('card.title')}
          testId={TID.cardDialog}
          dueMinor={dueMinor}
          onClose={() => void close()}
          closeLabel={phase.step === 'swipe' ? t('card.cancel') : undefined}
          closeDisabled={busy}
          canCash={canCash}
          onCash={onCash}
          primary={phase.step === 'contact' ? { label: t('card.contactNext'), run: submitContact } : null}
        >
          <CardBody
            phase={phase}
            contact={contact}
            onContact={setContact}
            offline={offline}
            training={training}
            onTestCard={(card) => void swipe((attemptId) => actions.trainingSwipe(attemptId, card))}
            onRetry={() => void start()}
            onCheck={() => void flow.check()}
            onOverride={() => setOverriding(true)}
          />
        </PaymentDialogFrame>
      </div>
      {overriding && phase.step === 'refused' && (
        <ManagerApproval
          title={t('approval.titleOfflineLimit', { amount: money(dueMinor) })}
          trainingApprover={trainingApprover}
          onApprove={async (approval) => {
            const r = await startCall(approval);
            if (!r.ok && isApprovalRefusal(r.error)) return r.error; // stays open for another try
            started(r);
            return null;
          }}
          onDone={() => setOverriding(false)}
          onCancel={() => setOverriding(false)}
        />
      )}
    </>
  );
}

interface BodyProps {
  readonly phase: Phase;
  readonly contact: string;
  readonly onContact: (value: string) => void;
  readonly offline: boolean;
  readonly training: boolean;
  readonly onTestCard: (card: TestCard) => void;
  readonly onRetry: () => void;
  readonly onCheck: () => void;
  readonly onOverride: () => void;
}

/** The dialog's middle: one view per phase. */
function CardBody({
  phase,
  contact,
  onContact,
  offline,
  training,
  onTestCard,
  onRetry,
  onCheck,
  onOverride,
}: BodyProps) {
  const { t } = useI18n();
  switch (phase.step) {
    case 'contact':
      return (
        <>
          <p className="payment-notice warn" data-testid={TID.cardOfflineNote}>
            {t('card.offlineNote')}
          </p>
          <PaymentField
            id="card-contact"
            label={t('card.contactLabel')}
            testId={TID.cardContact}
            inputMode="email"
            maxLength={200}
            value={contact}
            onChange={onContact}
            error={phase.error ? t('error.CONTACT_REQUIRED') : null}
          />
        </>
      );
    case 'starting':
      return <PaymentWaiting payment={null} />;
    case 'swipe':
      return (
        <>
          <p
            className="payment-prompt"
            role="status"
            data-testid={TID.cardSwipePrompt}
            data-mode={phase.payment.mode}
          >
            {t('card.swipe')}
          </p>
          {(phase.payment.mode === 'offline' || offline) && (
            <p className="payment-notice warn" data-testid={TID.cardOfflineNote}>
              {t('card.storedLater')}
            </p>
          )}
          {phase.error && (
            <p
              className="field-error"
              role="alert"
              data-testid={TID.dialogError}
              data-code={phase.error.code}
            >
              {t(errorMessage(phase.error).key, errorMessage(phase.error).values)}
            </p>
          )}
          {training && (
            <div className="test-cards" role="group" aria-label={t('card.testCards')}>
              <span className="field-hint">{t('card.testCards')}</span>
              {TEST_CARDS.map((card) => (
                <button
                  key={card}
                  type="button"
                  className="btn btn-secondary btn-test-card"
                  data-testid={TID.testCard}
                  data-card={card}
                  onClick={() => onTestCard(card)}
                >
                  {t('card.testCard', { card: card === 'bad-read' ? 'badRead' : card })}
                </button>
              ))}
            </div>
          )}
        </>
      );
    case 'waiting':
      return <PaymentWaiting payment={phase.payment} />;
    case 'declined':
      return <PaymentDeclined message={phase.message} retryLabel={t('card.tryAnother')} onRetry={onRetry} />;
    case 'unknown':
      return <PaymentUnknown checking={phase.checking} onCheck={onCheck} />;
    case 'refused':
      return <PaymentRefused error={phase.error} onOverride={onOverride} />;
    case 'code':
      return null; // QR only
  }
}
