import { useState, type ReactNode } from 'react';
import { Modal } from './Modal';
import { DialogButtons } from './DialogButtons';

interface Props {
  readonly title: string;
  readonly body: ReactNode;
  readonly confirmLabel: string;
  readonly testId: string;
  readonly onConfirm: () => Promise<boolean>;
  readonly onClose: () => void;
}

/** A destructive step (clear cart): the confirm button has focus, so the key sequence is F9, Enter. */
export function ConfirmDialog({ title, body, confirmLabel, testId, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const confirm = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const ok = await onConfirm();
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Modal title={title} onClose={onClose} testId={testId}>
      <p className="modal-body">{body}</p>
      <DialogButtons
        onCancel={onClose}
        onOk={() => void confirm()}
        okLabel={confirmLabel}
        okTone="danger"
        okDisabled={busy}
        autoFocusOk
      />
    </Modal>
  );
}
