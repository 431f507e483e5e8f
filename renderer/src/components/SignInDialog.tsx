// Who is signed in at this till (the header's button). Nobody: the operator's code and PIN in the approval
// prompt's own fields, so a wrong PIN gets the same answer and lock as at any approval. A staff badge scanned
// while the dialog is open fills the code and asks for the PIN (main/api/staff-badge.ts; main checks the
// badge again). Someone: their name, sign out, or sign in as someone else.
import { useLayoutEffect, useState } from 'react';
import type { BootstrapView, SignedInStatus } from '@contract/contract';
import type { PosError } from '@contract/result';
import { badgeCode } from '@contract/staff-badge';
import { useI18n } from '../i18n/context';
import { errorMessage } from '../i18n/errors';
import type { PaymentInputSlot } from '../payments/payment-input';
import { getPos } from '../platform/pos';
import { signInWith } from '../app/sign-in-call';
import { TID } from '../testids';
import { Modal } from './Modal';
import { ManagerApproval } from './ManagerApproval';
import { CloseButton } from './DialogButtons';

interface Props {
  readonly signedIn: SignedInStatus | null;
  readonly trainingApprover: BootstrapView['trainingApprover'];
  /** the scanner, borrowed while open: a badge scan */
  readonly inputRef: PaymentInputSlot;
  readonly onClose: () => void;
}

export function SignInDialog({ signedIn, trainingApprover, inputRef, onClose }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(signedIn === null);
  const [badge, setBadge] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PosError | null>(null);

  useLayoutEffect(() => {
    inputRef.current = {
      scan: (scanned) => {
        if (badgeCode(scanned) === null) return;
        setBadge(scanned);
        setAsking(true);
      },
      swipe: () => undefined, // a card, not a badge: nothing kept
      badSwipe: () => undefined,
    };
    return () => {
      inputRef.current = null;
    };
  });

  if (asking) {
    return (
      <ManagerApproval
        key={badge ?? ''} // a new badge starts the prompt again, its code filled in
        title={t('signin.title')}
        okLabel={t('signin.confirm')}
        trainingApprover={trainingApprover}
        initialCode={badge === null ? '' : (badgeCode(badge) ?? '')}
        onApprove={(approval) => signInWith(approval, badge)}
        onDone={onClose}
        onCancel={() => (signedIn ? setAsking(false) : onClose())}
      />
    );
  }
  const signOut = async (): Promise<void> => {
    setBusy(true);
    const r = await (await getPos()).session.signOut({});
    setBusy(false);
    if (r.ok) return onClose();
    setError(r.error);
  };
  const shown = error ? errorMessage(error) : null;
  return (
    <Modal title={t('signin.open')} onClose={onClose} testId={TID.signInPanel}>
      {signedIn && (
        <p className="field-hint">{t('signin.signedIn', { code: signedIn.code, name: signedIn.name })}</p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="btn" data-testid={TID.signInSwitch} onClick={() => setAsking(true)}>
          {t('signin.switch')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid={TID.signOut}
          disabled={busy}
          onClick={() => void signOut()}
        >
          {t('signin.signOut')}
        </button>
        <CloseButton onClose={onClose} />
      </div>
      {shown && (
        <p className="field-error" role="alert" data-testid={TID.dialogError}>
          {t(shown.key, shown.values)}
        </p>
      )}
    </Modal>
  );
}
