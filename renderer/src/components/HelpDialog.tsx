import { useI18n } from '../i18n/context';
import {
  HISTORY_REFUND_KEY,
  REFUND_ALL_KEY,
  RECOVERY_ACK_KEY,
  RECOVERY_CHECK_KEY,
  BINDINGS,
  QUICK_AMOUNT_KEYS,
  REPRINT_KEY,
  keyLabel,
} from '../keys/bindings';
import type { MessageKey } from '../i18n/translate';
import { TID } from '../testids';
import { Modal } from './Modal';

/** Keys that act inside a dialog or field rather than globally. */
const CONTEXT_KEYS: readonly { keys: string; what: MessageKey }[] = [
  { keys: 'Enter', what: 'help.ctx.enter' },
  { keys: 'Esc', what: 'help.ctx.escape' },
  { keys: '↑ ↓', what: 'help.ctx.results' },
  { keys: QUICK_AMOUNT_KEYS.join(' '), what: 'help.ctx.quick' },
  { keys: 'F12', what: 'help.ctx.tenderF12' },
  { keys: '10%', what: 'help.ctx.percent' },
  { keys: REPRINT_KEY, what: 'help.ctx.reprint' },
  { keys: 'F12', what: 'help.ctx.cardCash' },
  { keys: RECOVERY_CHECK_KEY, what: 'help.ctx.checkNow' },
  { keys: RECOVERY_ACK_KEY, what: 'help.ctx.acknowledge' },
  { keys: HISTORY_REFUND_KEY, what: 'help.ctx.refund' },
  { keys: REFUND_ALL_KEY, what: 'help.ctx.refundAll' },
];

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      title={t('help.title')}
      size="wide"
      testId={TID.helpDialog}
      onClose={onClose}
      onKey={(e) => {
        if (e.key !== 'F1') return false;
        onClose();
        return true;
      }}
    >
      <div className="help">
        <section>
          <h3 className="help-sub">{t('help.global')}</h3>
          <table className="help-table">
            <tbody>
              {BINDINGS.map((b) => (
                <tr key={b.action}>
                  <td>
                    {b.keys.map((k) => (
                      <kbd key={k}>{keyLabel(k)}</kbd>
                    ))}
                  </td>
                  <td>{t(`help.${b.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h3 className="help-sub">{t('help.inDialogs')}</h3>
          <table className="help-table">
            <tbody>
              {CONTEXT_KEYS.map((c) => (
                <tr key={c.what}>
                  <td>
                    <kbd>{c.keys}</kbd>
                  </td>
                  <td>{t(c.what)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <p className="field-hint help-note">{t('help.scanner')}</p>
      </div>
      <div className="dialog-buttons">
        <button
          type="button"
          className="btn btn-primary"
          data-testid={TID.dialogOk}
          autoFocus
          onClick={onClose}
        >
          {t('dialog.close')}
        </button>
      </div>
    </Modal>
  );
}
