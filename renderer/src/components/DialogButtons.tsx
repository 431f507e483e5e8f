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
