import type { DeviceState, StatusView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import type { ConnectionState } from '../platform/ws-bridge';
import { TID } from '../testids';
import { PaymentsStatus } from './PaymentsStatus';
import { problemKey, type PrinterInfo } from '../printer/printer-info';

// ICU select keys cannot contain '-'.
const deviceKey = (s: DeviceState): string => (s === 'not-configured' ? 'notConfigured' : s);
const tone = (s: DeviceState | 'ok'): string =>
  s === 'online' || s === 'ok' ? 'good' : s === 'not-configured' ? 'idle' : s === 'offline' ? 'warn' : 'bad';

interface Props {
  readonly status: StatusView | null;
  readonly connection: ConnectionState;
  readonly printer: PrinterInfo | null;
  /** Opens the printer panel (also F7). */
  readonly onPrinter: () => void;
  /** Opens the payment alerts screen (also Shift+F1). */
  readonly onPaymentAlerts: () => void;
  /** Opens the store data panel (checks and backups). */
  readonly onStore: () => void;
  /** A keyboard-wedge card reader types clear card data into this PC: it works, but the shop must know. */
  readonly widensPciScope?: boolean;
}

export function StatusBar({
  status,
  connection,
  printer,
  onPrinter,
  onPaymentAlerts,
  onStore,
  widensPciScope = false,
}: Props) {
  const { t } = useI18n();
  const problem = printer?.problem ?? null;
  const waiting = printer?.waiting ?? 0;
  return (
    <footer className="status-bar" data-testid={TID.statusBar}>
      {status && (
        <>
          <span
            className={`status-item ${status.trainingMode ? 'warn' : 'good'}`}
            data-testid={TID.statusTraining}
            data-state={status.trainingMode ? 'training' : 'live'}
          >
            {t(status.trainingMode ? 'status.training' : 'status.live')}
          </span>
          <span
            className={`status-item ${status.signedIn ? 'good' : 'idle'}`}
            data-testid={TID.statusSignedIn}
            data-code={status.signedIn?.code ?? ''}
          >
            {status.signedIn ? t('signin.status', { name: status.signedIn.name }) : t('signin.nobody')}
          </span>
          <span
            className={`status-item ${tone(status.gateway.state)}`}
            data-testid={TID.statusGateway}
            data-state={status.gateway.state}
            title={status.gateway.detail ?? undefined}
          >
            {t('status.gateway', { state: deviceKey(status.gateway.state) })}
          </span>
          <PaymentsStatus payments={status.payments} onAlerts={onPaymentAlerts} />
          {widensPciScope && (
            <span
              className="status-item warn"
              data-testid={TID.statusCardReader}
              data-pci="wider"
              title={t('status.wedgeReaderDetail')}
            >
              {t('status.wedgeReader')}
            </span>
          )}
          <button
            type="button"
            className={`status-item status-button ${problem && problem !== 'paper-near-end' ? 'bad' : tone(status.printer.state)}`}
            data-testid={TID.statusPrinter}
            data-state={status.printer.state}
            title={t('status.printerOpen')}
            tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()}
            onClick={onPrinter}
          >
            {t('status.printer', { state: deviceKey(status.printer.state) })}
            {(problem !== null || waiting > 0) && (
              <span
                className="status-detail"
                data-testid={TID.statusPrinterDetail}
                data-problem={problem ?? ''}
                data-waiting={waiting}
              >
                {[
                  problem === null ? null : t('status.printerProblem', { problem: problemKey(problem) }),
                  waiting > 0 ? t('status.printerWaiting', { count: waiting }) : null,
                ]
                  .filter((x) => x !== null)
                  .join(' · ')}
              </span>
            )}
          </button>
          <button
            type="button"
            className={`status-item status-button ${status.storage.state === 'ok' ? 'good' : 'bad'}`}
            data-testid={TID.statusStorage}
            data-state={status.storage.state}
            title={status.storage.detail ?? t('status.storageOpen')}
            tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()}
            onClick={onStore}
          >
            {t('status.storage', { state: status.storage.state })}
          </button>
        </>
      )}
      <span
        className={`status-item end ${connection === 'open' ? 'good' : 'warn'}`}
        data-testid={TID.statusConnection}
        data-state={connection}
      >
        {t('status.connection', { state: connection })}
      </span>
    </footer>
  );
}
