// A manager approves one privileged action (no-sale, reprint of any receipt) with their operator code and PIN.
// The PIN lives only in this dialog's state: it goes to main with the one call and nowhere else (no toast,
// no log, no session state), and it is wiped after every refusal.
import { useRef, useState } from 'react';
import type { Approval, BootstrapView } from '@contract/contract';
import type { PosError } from '@contract/result';
import { useI18n } from '../i18n/context';
import { errorMessage } from '../i18n/errors';
import type { ApprovedCall } from '../app/actions';
import { TID } from '../testids';
import { Modal, isEnterInField } from './Modal';
import { Keypad, applyKeypad, type KeypadKey } from './Keypad';
import { DialogButtons } from './DialogButtons';
import { DigitField } from './DigitField';

/** The same limits as main's ApprovalSchema, so a typo is caught here without costing a PIN attempt. */
const CODE_MAX = 6;
const PIN_MIN = 4;
const PIN_MAX = 8;

type FieldName = 'code' | 'pin';

interface Props {
  /** What is being approved, e.g. "Manager approval: reprint receipt T01-000012". */
  readonly title: string;
  readonly trainingApprover: BootstrapView['trainingApprover'];
  /** The approved call; its error (if any) is shown here and the dialog stays open. */
  readonly onApprove: ApprovedCall;
  readonly onDone: () => void;
  readonly onCancel: () => void;
  /** the button's words when this is not an approval (the sign-in says "Sign in") */
  readonly okLabel?: string;
  /** a code already known (a scanned staff badge): the PIN is asked next */
  readonly initialCode?: string;
}

export const isApprovalRefusal = (e: PosError): boolean =>
  e.code === 'APPROVAL_DENIED' || e.code === 'APPROVAL_LOCKED';

export function ManagerApproval(props: Props) {
  const { title, trainingApprover, onApprove, onDone, onCancel, okLabel, initialCode = '' } = props;
  const { t } = useI18n();
  const [code, setCode] = useState(initialCode);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<PosError | null>(null);
  const [incomplete, setIncomplete] = useState(false);
  const [busy, setBusy] = useState(false);
  // The on-screen keypad types into whichever field was used last.
  const [target, setTarget] = useState<FieldName>(initialCode ? 'pin' : 'code');
  const codeRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  const edit = (field: FieldName, value: string): void => {
    if (field === 'code') setCode(value.slice(0, CODE_MAX));
    else setPin(value.slice(0, PIN_MAX));
    setIncomplete(false);
  };

  const submit = async (): Promise<void> => {
    if (busy) return;
    if (code === '' || pin.length < PIN_MIN) {
      setIncomplete(true);
      (code === '' ? codeRef : pinRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const approval: Approval = { operatorCode: code, pin };
    const failure = await onApprove(approval);
    setBusy(false);
    if (failure === null) return onDone();
    setError(failure);
    if (isApprovalRefusal(failure)) {
      setPin('');
      // Locked: another manager may step in, so start from the code; otherwise retype just the PIN.
      const next = failure.code === 'APPROVAL_LOCKED' ? codeRef : pinRef;
      setTarget(next === codeRef ? 'code' : 'pin');
      next.current?.focus();
      next.current?.select();
    }
  };

  const onKeypad = (key: KeypadKey): void => {
    const current = target === 'code' ? code : pin;
    edit(target, applyKeypad(current, key).replace(/\D/g, ''));
  };

  const shown = error ? errorMessage(error) : null;
  return (
    <Modal
      title={title}
      onClose={() => !busy && onCancel()}
      testId={TID.approvalDialog}
      onKey={(e) => {
        if (!isEnterInField(e)) return false;
        void submit();
        return true;
      }}
    >
      {trainingApprover && (
        <p className="field-hint approval-hint" data-testid={TID.approvalHint}>
          {t('approval.hint', { code: trainingApprover.code, pin: trainingApprover.pin })}
        </p>
      )}
      <div className="approval-fields">
        <DigitField
          id="approval-code"
          label={t('approval.code')}
          testId={TID.approvalCode}
          inputRef={codeRef}
          value={code}
          masked={false}
          invalid={incomplete && code === ''}
          autoFocus={!initialCode}
          onFocus={() => setTarget('code')}
          onChange={(v) => edit('code', v)}
        />
        <DigitField
          id="approval-pin"
          label={t('approval.pin')}
          testId={TID.approvalPin}
          inputRef={pinRef}
          value={pin}
          masked
          invalid={(incomplete && pin.length < PIN_MIN) || (error !== null && isApprovalRefusal(error))}
          autoFocus={!!initialCode}
          onFocus={() => setTarget('pin')}
          onChange={(v) => edit('pin', v)}
        />
      </div>
      {incomplete && (
        <p className="field-error" role="alert" data-testid={TID.dialogError}>
          {t('approval.incomplete')}
        </p>
      )}
      {shown && error && (
        <p className="field-error" role="alert" data-testid={TID.approvalError} data-code={error.code}>
          {t(shown.key, shown.values)}
        </p>
      )}
      <Keypad decimals={false} disabled={busy} onKey={onKeypad} />
      <DialogButtons
        onCancel={() => !busy && onCancel()}
        onOk={() => void submit()}
        okLabel={busy ? t('approval.working') : (okLabel ?? t('approval.confirm'))}
        okDisabled={busy}
      />
    </Modal>
  );
}
