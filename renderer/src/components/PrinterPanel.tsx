import { useEffect, useState } from 'react';
import type { BootstrapView, DeviceState } from '@contract/contract';
import { useI18n } from '../i18n/context';
import type { ApprovedCall } from '../app/actions';
import { actionForKey, keyHint } from '../keys/bindings';
import { TID } from '../testids';
import { problemKey, type PrinterInfo } from '../printer/printer-info';
import { Modal, isEnterInField } from './Modal';
import { CloseButton, DialogButtons } from './DialogButtons';
import { ManagerApproval } from './ManagerApproval';

interface Props {
  readonly printer: PrinterInfo | null;
  /** Fetch fresh details (`printer.status`) when the panel opens. */
  readonly refresh: () => void;
  readonly onReprintLast: () => Promise<boolean>;
  /** The no-sale drawer open for a reason; called with the manager's approval. */
  readonly onOpenDrawer: (reason: string) => ApprovedCall;
  readonly trainingApprover: BootstrapView['trainingApprover'];
  /** Switch to the receipts screen (sales history). */
  readonly onReceipts: () => void;
  readonly onClose: () => void;
}

const deviceKey = (s: DeviceState): string => (s === 'not-configured' ? 'notConfigured' : s);

/**
 * The printer at a glance (F7 or a tap on the status slot), with reprint, the receipts screen and a "no sale"
 * drawer open: reason first, then a manager's approval.
 */
export function PrinterPanel({
  printer,
  refresh,
  onReprintLast,
  onOpenDrawer,
  trainingApprover,
  onReceipts,
  onClose,
}: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'info' | 'drawer' | 'approve'>('info');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    refresh();
  }, [refresh]);

  const run = async (call: () => Promise<boolean>, closeOnOk: boolean): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const ok = await call();
    setBusy(false);
    if (ok && closeOnOk) onClose();
  };

  const submitDrawer = (): void => {
    if (reason.trim() === '') return setInvalid(true);
    setMode('approve');
  };

  // Esc / Cancel in the approval go back to the reason (kept), in the reason step back to the panel.
  if (mode === 'approve') {
    return (
      <ManagerApproval
        title={t('approval.titleNoSale')}
        trainingApprover={trainingApprover}
        onApprove={onOpenDrawer(reason.trim())}
        onDone={onClose}
        onCancel={() => setMode('drawer')}
      />
    );
  }
  if (mode === 'drawer') {
    return (
      <Modal
        title={t('drawer.title')}
        onClose={() => setMode('info')}
        testId={TID.printerPanel}
        onKey={(e) => {
          if (!isEnterInField(e)) return false;
          submitDrawer();
          return true;
        }}
      >
        <label className="field-label" htmlFor="drawer-reason">
          {t('drawer.reason')}
        </label>
        <input
          id="drawer-reason"
          className="input input-large"
          type="text"
          maxLength={80}
          autoComplete="off"
          autoFocus
          data-testid={TID.drawerReason}
          value={reason}
          aria-invalid={invalid}
          aria-required="true"
          onChange={(e) => {
            setReason(e.target.value);
            setInvalid(false);
          }}
        />
        {invalid && (
          <p className="field-error" role="alert" data-testid={TID.dialogError}>
            {t('drawer.reasonRequired')}
          </p>
        )}
        <DialogButtons
          onCancel={() => setMode('info')}
          onOk={submitDrawer}
          okLabel={t('drawer.confirm')}
          okDisabled={busy}
        />
      </Modal>
    );
  }

  const unknown = t('printer.unknown');
  const waiting = printer?.waiting ?? null;
  const printing = printer?.printing ?? null;
  const drawerOpen = printer?.drawerOpen ?? null;
  const queueText =
    waiting === null
      ? unknown
      : printing === null
        ? t('status.printerWaiting', { count: waiting })
        : t('printer.queueValue', { waiting, printing });
  return (
    <Modal
      title={t('printer.title')}
      onClose={onClose}
      testId={TID.printerPanel}
      // The receipts key shown on its button works here too (the screen's hotkeys are off under a dialog).
      onKey={(e) => {
        if (busy || actionForKey(e.key, e.shiftKey) !== 'receipts') return false;
        onReceipts();
        return true;
      }}
    >
      <dl className="printer-facts">
        <dt>{t('printer.state')}</dt>
        <dd data-testid={TID.printerState} data-state={printer?.state ?? ''}>
          {printer ? t('status.printer', { state: deviceKey(printer.state) }) : unknown}
        </dd>
        <dt>{t('printer.problem')}</dt>
        <dd data-testid={TID.printerProblem} data-problem={printer?.problem ?? ''}>
          {printer?.problem
            ? t('status.printerProblem', { problem: problemKey(printer.problem) })
            : t('printer.noProblem')}
        </dd>
        <dt>{t('printer.queue')}</dt>
        <dd
          data-testid={TID.printerQueue}
          data-waiting={printer?.waiting ?? ''}
          data-printing={printer?.printing ?? ''}
        >
          {queueText}
        </dd>
        {printer?.lastError && (
          <>
            <dt>{t('printer.lastError')}</dt>
            <dd data-testid={TID.printerLastError}>{printer.lastError}</dd>
          </>
        )}
        {drawerOpen !== null && (
          <>
            <dt>{t('printer.drawer')}</dt>
            <dd data-testid={TID.printerDrawer} data-open={String(drawerOpen)}>
              {t('printer.drawerState', { open: drawerOpen ? 'yes' : 'no' })}
            </dd>
          </>
        )}
      </dl>
      <div className="printer-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid={TID.printerReprint}
          disabled={busy}
          autoFocus
          onClick={() => void run(onReprintLast, false)}
        >
          {t('printer.reprintLast')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid={TID.drawerOpen}
          disabled={busy}
          onClick={() => setMode('drawer')}
        >
          {t('printer.openDrawer')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid={TID.receiptsOpen}
          disabled={busy}
          onClick={onReceipts}
        >
          <kbd>{keyHint('receipts')}</kbd> {t('history.open')}
        </button>
      </div>
      <div className="dialog-buttons">
        <CloseButton onClose={onClose} />
      </div>
    </Modal>
  );
}
