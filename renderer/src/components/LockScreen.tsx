// The lock screen (issue 13 point 1), over everything while main says the till is locked: who is signed in,
// their PIN to unlock (the same cart goes on), or "switch user" (another cashier's code and PIN; main parks
// the cart for its owner). Both are a sign-in, in the approval prompt's fields, so a wrong PIN gets the same
// answer and lock as anywhere. A scanned staff badge switches to its owner's code. Esc does not unlock.
import { useLayoutEffect, useState } from 'react';
import type { BootstrapView, SignedInStatus } from '@contract/contract';
import { badgeCode } from '@contract/staff-badge';
import { useI18n } from '../i18n/context';
import type { PaymentInputSlot } from '../payments/payment-input';
import { signInWith } from '../app/sign-in-call';
import { TID } from '../testids';
import { Modal } from './Modal';
import { ManagerApproval } from './ManagerApproval';

interface Props {
  readonly signedIn: SignedInStatus;
  readonly trainingApprover: BootstrapView['trainingApprover'];
  /** the scanner, borrowed while the lock is up: a badge, never an item */
  readonly inputRef: PaymentInputSlot;
}

type Asking = { readonly code: string; readonly badge: string | null } | null;

export function LockScreen({ signedIn, trainingApprover, inputRef }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState<Asking>(null);
  const who = { code: signedIn.code, name: signedIn.name };

  useLayoutEffect(() => {
    inputRef.current = {
      scan: (scanned) => {
        const code = badgeCode(scanned);
        if (code !== null) setAsking({ code, badge: scanned });
      },
      swipe: () => undefined,
      badSwipe: () => undefined,
    };
    return () => {
      inputRef.current = null;
    };
  });

  if (asking) {
    const { code, badge } = asking;
    return (
      <ManagerApproval
        key={`${code}:${badge ?? ''}`}
        title={t(code === signedIn.code ? 'lock.unlockTitle' : 'lock.switchTitle', who)}
        okLabel={t('signin.confirm')}
        trainingApprover={trainingApprover}
        initialCode={code}
        onApprove={(approval) => signInWith(approval, badge)}
        onDone={() => setAsking(null)}
        onCancel={() => setAsking(null)}
      />
    );
  }
  return (
    <Modal title={t('lock.title')} onClose={() => undefined} testId={TID.lockScreen}>
      <p className="field-hint" data-testid={TID.lockWho}>
        {t('signin.signedIn', who)}
      </p>
      <div className="dialog-buttons">
        <button
          type="button"
          className="btn"
          data-testid={TID.lockSwitch}
          onClick={() => setAsking({ code: '', badge: null })}
        >
          {t('lock.switch')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid={TID.lockUnlock}
          onClick={() => setAsking({ code: signedIn.code, badge: null })}
        >
          {t('lock.unlock')}
        </button>
      </div>
    </Modal>
  );
}
