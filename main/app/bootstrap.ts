// What a UI needs when it starts (app.bootstrap), and the UI language (settings.*). It reads from several
// capabilities (the cart, the last sale, the status bar, the preferences, config.json), so it sits with the
// composition root, above all of them.
import type { Logger } from '../../native/log/logger';
import type { BootstrapView, CartView, SaleView, StatusView } from '../api/contract';
import type { PosConfig } from '../config/config';
import type { Handlers } from '../ipc/dispatcher';
import type { Preferences } from '../settings/preferences';
import { idleLockMinutes } from '../staff/idle-lock';
import { TRAINING_MANAGER } from '../staff/training-staff';
import { logDir } from '../store/files';
import { reportErrorHandler } from './report-error';

export type AppChannels = 'app.bootstrap' | 'settings.setLocale' | 'app.reportError';

export interface BootstrapSources {
  readonly config: PosConfig;
  readonly prefs: Preferences;
  readonly cart: () => CartView;
  readonly lastSale: () => SaleView | null;
  readonly status: () => StatusView;
  /** The data folder: the log folder shown in settings is in it. */
  readonly dataDir: string;
  /** Where renderer error reports go (the shell's log file). */
  readonly log: Logger;
  readonly now: () => Date;
}

export function bootstrapView(s: BootstrapSources): BootstrapView {
  const { config } = s;
  const cart = s.cart(); // first: opening the cart may create it
  return {
    locale: s.prefs.locale(),
    cardReader: {
      kind: config.trainingMode ? 'training' : (config.cardReader?.kind ?? 'none'),
      // A keyboard-wedge reader types clear tracks into this PC: it works, and the UI warns about it.
      widensPciScope: config.cardReader?.kind === 'keyboard-wedge',
    },
    // Training mode's demo manager is shown on the approval prompt; a real shop's PINs never leave main.
    trainingApprover: config.trainingMode ? { code: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin } : null,
    currency: config.currency,
    store: { name: config.store.name, nameEn: config.store.nameEn, terminalId: config.store.terminalId },
    cart,
    lastSale: s.lastSale(),
    status: s.status(),
    logDir: logDir(s.dataDir),
    idleLockMinutes: idleLockMinutes(config),
  };
}

export function appHandlers(s: BootstrapSources): Pick<Handlers, AppChannels> {
  return {
    'app.bootstrap': () => bootstrapView(s),
    'settings.setLocale': ({ locale }) => ({ locale: s.prefs.setLocale(locale) }),
    ...reportErrorHandler(s.log, s.now),
  };
}
