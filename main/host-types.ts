// What the composition root (main/host.ts) hands to a shell: the Electron app or the web host.
import type { Logger } from '../native/log/logger';
// main/electron/ takes the logger type from here (it imports only the contract, the host's types and start-up).
export type { Logger };
import type { PaymentTuning } from './payments/payments-runtime';
import type { UsbHost } from '../native/transports/usb-host';
import type { Dispatch, EventName, Events, WireDispatch } from './api/contract';
import type { Locale } from './api/contract';
import type { StartupProgress } from './startup/progress';
import type { KeyProtector } from './staff/pepper';
// main/electron/ seals the PIN pepper with safeStorage behind this type.
import type { ZStep } from './reports/z-close';
export type { KeyProtector };

export interface HostOptions {
  /** Where the database, config, backups and logs live. Created if missing. */
  readonly dataDir: string;
  /** Training mode: demo catalog, sales flagged as training, emulated devices. Default: true on first start. */
  readonly trainingMode?: boolean;
  readonly locale?: Locale;
  /** Tests and demos: shorter sync backoff, breaker cool-downs and QR polling (defaults suit a shop). */
  readonly paymentTuning?: PaymentTuning;
  /** Crash tests: called at each step inside the Z's transaction (main/reports/z-close.ts Z_STEPS). */
  readonly onZStep?: (step: ZStep) => void;
  /** Start-up work the shell shows a screen for (the backup before an update); see main/startup/progress.ts. */
  readonly onStartupProgress?: (progress: StartupProgress) => void;
  /**
   * The desktop app's OS key store (Electron safeStorage), which seals the PIN pepper on disk
   * (main/staff/pepper.ts). Absent (web host, tests): the pepper is a 0600 key file in `<dataDir>/keys/`.
   */
  readonly pinKeyProtector?: KeyProtector;
  /**
   * The USB bus (native/transports/node-usb.ts `openSystemUsb()` in the shells; FakeWebUsb in tests): where a
   * configured USB printer is found and what devices.listPrinters lists. Absent: no USB printers.
   */
  readonly usb?: UsbHost | null;
  /**
   * The shell's restart (main/startup/app-runner.ts): a settings change or leaving training asks for one, so
   * the new settings are read by a new host. Absent: the settings screen asks the user to restart the app.
   */
  readonly requestRestart?: () => void;
  /** Ports: injected so tests control time and ids. */
  readonly clock?: () => Date;
  readonly log?: Logger;
}

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface Host {
  /** Runs one channel, typed per channel (tests, tools); validated against the contract all the same. */
  dispatch: Dispatch;
  /**
   * For transports whose input is unknown (the web bridge, Electron IPC): checks that the channel exists and the
   * payload matches its schema, runs the service, never throws.
   */
  dispatchUntyped: WireDispatch;
  /** Events pushed to every connected UI (status bar, cart changes made elsewhere). */
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

/**
 * When the store cannot be opened (locked, corrupt, newer schema, corrupt config) the host does not start;
 * the shell shows this instead, and the files are left exactly as they were.
 */
export interface StartupFailure {
  readonly code:
    | 'STORAGE_BUSY'
    | 'STORAGE_CORRUPT'
    | 'STORAGE_TOO_NEW'
    | 'CONFIG_CORRUPT'
    | 'CONFIG_MISSING'
    | 'TRAINING_WITH_GATEWAY'
    | 'TRAINING_ON_LIVE_STORE'
    | 'TRAINING_STORE_NOT_LEFT'
    | 'STORAGE_FULL'
    | 'INTERNAL';
  readonly message: string;
  readonly file: string | null;
}
