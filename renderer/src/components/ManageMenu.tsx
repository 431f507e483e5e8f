// The manager's menu: a list of back-office screens (renderer/src/app/manage-entries.ts). Opening one replaces
// the menu; each screen asks for a manager's approval itself where its action needs one.
import { MANAGE_ENTRIES } from '../app/manage-entries';
import type { ModalState } from '../app/modals';
import { useI18n } from '../i18n/context';
import { TID } from '../testids';
import { CloseButton } from './DialogButtons';
import { Modal } from './Modal';

interface Props {
  readonly open: (modal: ModalState) => void;
  readonly onClose: () => void;
}

export function ManageMenu({ open, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal title={t('manage.title')} testId={TID.manageMenu} onClose={onClose}>
      <ul className="manage-list">
        {MANAGE_ENTRIES.map((e, i) => (
          <li key={e.modal.kind}>
            <button
              type="button"
              className="btn btn-secondary manage-entry"
              data-testid={TID.manageEntry}
              data-entry={e.modal.kind}
              autoFocus={i === 0}
              onClick={() => open(e.modal)}
            >
              <span className="manage-label">{t(e.label)}</span>
              <span className="manage-hint">{t(e.hint)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-buttons">
        <CloseButton onClose={onClose} />
      </div>
    </Modal>
  );
}
