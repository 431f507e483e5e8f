// What the print queue needs from the world, kept small so the queue never depends on a particular driver:
// the printer client (USB / TCP / usblp, written in native/printer) and the emulated printer both fit it.
import type { PrinterHealth } from '../../../native/printer/printer-health';

export type PrintOutcome =
  | { readonly ok: true }
  /** `bytesAccepted` 0 means nothing reached the printer: a re-send is not a copy. */
  | { readonly ok: false; readonly reason: string; readonly bytesAccepted: number };

export interface PrinterPort {
  /** Real-time status (DLE EOT). Throws when the printer cannot be reached (unplugged, no route). */
  health(): Promise<PrinterHealth>;
  /** Sends one whole job; resolves when every byte was accepted, or with why not. */
  print(bytes: Uint8Array): Promise<PrintOutcome>;
}

/** Injected so tests run the worker's waits instantly. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
