// The emulated receipt printer with a clock: when the last byte that was not a status request arrived. Used by
// the history benchmark to time "answer -> last receipt byte" (as bench/print-latency.bench.ts does).
import { performance } from 'node:perf_hooks';
import { EscPosPrinter } from '../../native/emulators/escpos-printer';

/** Only DLE EOT n requests (the worker's health questions), nothing that prints. */
export const isStatusOnly = (b: Uint8Array): boolean => {
  if (b.length === 0 || b.length % 3 !== 0) return false;
  for (let i = 0; i < b.length; i += 3) if (b[i] !== 0x10 || b[i + 1] !== 0x04) return false;
  return true;
};

export class TimedPrinter extends EscPosPrinter {
  /** when the last chunk that was not a status request arrived (performance.now()) */
  lastDataAt = 0;

  override write(bytes: Uint8Array): void {
    super.write(bytes);
    if (!isStatusOnly(bytes)) this.lastDataAt = performance.now();
  }
}
