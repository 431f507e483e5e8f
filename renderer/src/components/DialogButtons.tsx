import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { TID } from '../testids';

interface Props {
  readonly onCancel: () => void;
  readonly onOk: () => void;
  readonly okLabel?: ReactNode;
  readonly okDisabled?: boolean;
  readonly okTone?: 'primary' | 'danger';
  readonly autoFocusOk?: boolean;
}

export function DialogButtons({
  onCancel,
  onOk,
  okLabel,
  okDisabled = false,
  okTone = 'primary',
  autoFocusOk = false,
}: Props) {
  const { t } = useI18n();
  return (
    <div className="dialog-buttons">
      <button type="button" className="btn btn-secondary" data-testid={TID.dialogCancel} onClick={onCancel}>
        <kbd>Esc</kbd> {t('dialog.cancel')}
      </button>
      <button
        type="button"
        className={`btn btn-${okTone}`}
        data-testid={TID.dialogOk}
        disabled={okDisabled}
        autoFocus={autoFocusOk}
        onClick={onOk}
      >
        <kbd>Enter</kbd> {okLabel ?? t('dialog.ok')}
      </button>
    </div>
  );
}

/** The "Esc Close" button of a screen that has nothing to confirm. */
export function CloseButton({
  onClose,
  disabled = false,
  label,
}: {
  readonly onClose: () => void;
  readonly disabled?: boolean;
  /** instead of "Close", when Esc does more */
  readonly label?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-secondary"
      data-testid={TID.dialogCancel}
      disabled={disabled}
      onClick={onClose}
    >
      <kbd>Esc</kbd> {label ?? t('dialog.close')}
    </button>
  );
}

/** "Enter Check now" on an outcome that is not known yet (a payment or a refund being looked up). */
export function CheckNowButton({
  testId,
  checking,
  onCheck,
}: {
  readonly testId: string;
  readonly checking: boolean;
  readonly onCheck: () => void;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-primary"
      data-testid={testId}
      disabled={checking}
      aria-busy={checking}
      autoFocus
      onClick={onCheck}
    >
      <kbd>Enter</kbd> {t(checking ? 'payment.checking' : 'payment.checkNow')}
    </button>
  );
}
