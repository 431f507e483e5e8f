// The note a manager signs a variance off with (their approval follows, in the approval dialog).
import { useState } from 'react';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { Modal, isEnterInField } from '../Modal';
import { DialogButtons } from '../DialogButtons';

interface Props {
  readonly onSubmit: (note: string) => void;
  readonly onCancel: () => void;
}

export function SignOffForm({ onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const submit = (): void => {
    if (note.trim() !== '') onSubmit(note.trim());
  };
  return (
    <Modal
      title={t('shift.signOff')}
      onClose={onCancel}
      testId={TID.shiftSignOffForm}
      onKey={(e) => {
        if (!isEnterInField(e)) return false;
        submit();
        return true;
      }}
    >
      <label className="field-label">
        {t('shift.note')}
        <input
          className="input"
          data-testid={TID.shiftNote}
          maxLength={500}
          autoFocus
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <DialogButtons
        onCancel={onCancel}
        onOk={submit}
        okDisabled={note.trim() === ''}
        okLabel={t('shift.signOff')}
      />
    </Modal>
  );
}
