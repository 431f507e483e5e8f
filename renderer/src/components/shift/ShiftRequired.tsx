// main refused a sale step (SHIFT_REQUIRED): selling outside training needs an open shift on this drawer.
// Say so in words and offer the one way forward, the Shift screen, where the float is counted.
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { Modal } from '../Modal';
import { DialogButtons } from '../DialogButtons';

interface Props {
  readonly onOpenShift: () => void;
  readonly onClose: () => void;
}

export function ShiftRequired({ onOpenShift, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal title={t('shift.requiredTitle')} onClose={onClose} testId={TID.shiftRequired}>
      <p className="modal-body">{t('shift.requiredBody')}</p>
      <DialogButtons onCancel={onClose} onOk={onOpenShift} okLabel={t('shift.requiredOpen')} autoFocusOk />
    </Modal>
  );
}
