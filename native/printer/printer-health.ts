// What the app needs to know about a printer, distilled from DLE EOT 1-4. `ready` means a job may be sent.

export interface PrinterHealth {
  readonly online: boolean;
  readonly coverOpen: boolean;
  readonly paper: 'ok' | 'near-end' | 'out';
  readonly cutterError: boolean;
  readonly unrecoverableError: boolean;
  readonly autoRecoverableError: boolean;
  /** Drawer sensor (pin 3) as the printer reports it; meaning (open/closed) depends on the drawer model. */
  readonly drawerSensor: boolean;
}

export const isReady = (h: PrinterHealth): boolean =>
  h.online && !h.coverOpen && h.paper !== 'out' && !h.cutterError && !h.unrecoverableError;

/** The one thing a cashier should be told, most urgent first; null when ready. */
export type PrinterProblem = 'offline' | 'cover-open' | 'paper-out' | 'cutter-error' | 'error';

export function problemOf(h: PrinterHealth): PrinterProblem | null {
  if (h.paper === 'out') return 'paper-out';
  if (h.coverOpen) return 'cover-open';
  if (h.cutterError) return 'cutter-error';
  if (h.unrecoverableError || h.autoRecoverableError) return 'error';
  if (!h.online) return 'offline';
  return null;
}
