// The app as a whole: start-up (bootstrap), the UI language, and the status bar.
import { z } from 'zod';
import { LocaleSchema, type DeviceState, type Locale } from './shared';
import type { CartView, SaleView } from './sale';
import type { SignedInStatus } from './session';
import { carries, returns, type ChannelDefs, type EventDefs } from './define';
import { ERROR_REPORT_LIMITS } from '../error-report';

/** Store-and-forward and sync, for the status bar. */
export interface PaymentsStatusView {
  /** card payments taken offline and not yet answered by the gateway */
  readonly pendingCount: number;
  readonly pendingMinor: number;
  /** when the oldest of them was taken (ISO) */
  readonly oldestPendingAt: string | null;
  /** the earliest forward deadline among them (ISO): after it they expire */
  readonly nextDeadline: string | null;
  /**
   * unknown outcomes, declines after forwarding, expired payments not yet acknowledged, and card/QR refunds
   * whose outcome is not known yet (`refund.open`)
   */
  readonly needsManager: number;
  /** sales waiting to be uploaded */
  readonly uploadsPending: number;
}

export interface StatusView {
  readonly trainingMode: boolean;
  readonly payments: PaymentsStatusView;
  readonly gateway: { readonly state: DeviceState; readonly detail: string | null };
  readonly printer: { readonly state: DeviceState; readonly detail: string | null };
  readonly storage: { readonly state: 'ok' | 'error'; readonly detail: string | null };
  /** who is signed in at this till (null: nobody; training mode sells without) */
  readonly signedIn: SignedInStatus | null;
}

export interface StoreInfoView {
  readonly name: string;
  readonly nameEn: string | null;
  readonly terminalId: string;
}

export interface BootstrapView {
  readonly locale: Locale;
  /**
   * The card reader as configured: 'training' (emulated encrypting reader), 'idtech-hid' (encrypting),
   * 'keyboard-wedge' (types clear tracks: works, but widens PCI scope — shown as a warning), or 'none'.
   */
  readonly cardReader: {
    readonly kind: 'training' | 'idtech-hid' | 'keyboard-wedge' | 'none';
    readonly widensPciScope: boolean;
  };
  /** Training mode's demo manager, shown on the approval prompt; null outside training mode. */
  readonly trainingApprover: { readonly code: string; readonly pin: string } | null;
  readonly currency: string;
  readonly store: StoreInfoView;
  readonly cart: CartView;
  readonly lastSale: SaleView | null;
  readonly status: StatusView;
  /** The folder the log files are written to (`<dataDir>/logs`), for the settings screen and support. */
  readonly logDir: string;
  /** minutes without input before a signed-in till locks (session.lock); 0: never (config `signIn`) */
  readonly idleLockMinutes: number;
}

export const appChannels = {
  'app.bootstrap': { input: z.strictObject({}), output: returns<BootstrapView>() },
  'settings.setLocale': {
    input: z.strictObject({ locale: LocaleSchema }),
    output: returns<{ readonly locale: Locale }>(),
  },
  'status.get': { input: z.strictObject({}), output: returns<StatusView>() },
  /**
   * A renderer error nobody caught (window.onerror, an unhandled rejection, the error boundary), for the log
   * file: an installed app has no console. Redacted at the log's sink; answers whether it was logged (reports
   * beyond a rate are counted, not written).
   */
  'app.reportError': {
    input: z.strictObject({
      source: z.enum(['error', 'unhandledrejection', 'render']),
      message: z.string().max(ERROR_REPORT_LIMITS.message),
      stack: z.string().max(ERROR_REPORT_LIMITS.stack).optional(),
    }),
    output: returns<{ readonly logged: boolean }>(),
  },
} as const satisfies ChannelDefs;

export const appEvents = {
  /** The status bar's figures, whenever one changes. */
  status: carries<StatusView>(),
} as const satisfies EventDefs;
