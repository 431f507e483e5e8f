// The emulated printer (native/emulators EscPosPrinter, in-process) behind the queue's PrinterPort: what
// training mode prints to, so a fresh install prints with zero setup, and what the queue's tests drive.
// Health is asked the way a real client asks, DLE EOT 1-4, and read from the status bytes it answers.
import { EscPosPrinter } from '../../../native/emulators/escpos-printer';
import { parseStatusByte } from '../../../native/escpos/status';
import type { StatusRequest } from '../../../native/escpos/status';
import type { PrinterHealth } from '../../../native/printer/printer-health';
import { problemOf } from '../../../native/printer/printer-health';
import type { PrinterPort, PrintOutcome } from './ports';

export interface EmulatedPrinterPort extends PrinterPort {
  readonly printer: EscPosPrinter;
  /** Simulates an unplugged printer: health() and print() throw while true. */
  disconnected: boolean;
  /** Where the last print() went on the roll: `printer.roll.slice(start, end)` is what it put on paper. */
  readonly lastPrint: { readonly start: number; readonly end: number } | null;
}

function ask(printer: EscPosPrinter, n: StatusRequest): Record<string, boolean> {
  printer.readStatus(); // drop anything stale (automatic status back)
  printer.write(new Uint8Array([0x10, 0x04, n]));
  const bytes = printer.readStatus();
  const byte = bytes[bytes.length - 1];
  const parsed = byte === undefined ? null : parseStatusByte(n, byte);
  if (!parsed?.ok) throw new Error(`printer did not answer DLE EOT ${n}`);
  return parsed.status as unknown as Record<string, boolean>;
}

export function healthOf(printer: EscPosPrinter): PrinterHealth {
  const s1 = ask(printer, 1);
  const s2 = ask(printer, 2);
  const s3 = ask(printer, 3);
  const s4 = ask(printer, 4);
  return {
    // "offline" in DLE EOT 1 is the printer stopped for a reason reported below; reachable means online.
    online: true,
    coverOpen: s2.coverOpen === true,
    paper: s4.paperOut ? 'out' : s4.paperNearEnd ? 'near-end' : 'ok',
    cutterError: s3.cutterError === true,
    unrecoverableError: s3.unrecoverableError === true,
    autoRecoverableError: s3.autoRecoverableError === true,
    drawerSensor: s1.drawerSensorHigh === true,
  };
}

export function createEmulatedPrinterPort(
  printer: EscPosPrinter = new EscPosPrinter({ chineseByDefault: true }),
): EmulatedPrinterPort {
  let lastPrint: EmulatedPrinterPort['lastPrint'] = null;
  const port: EmulatedPrinterPort = {
    printer,
    disconnected: false,
    get lastPrint() {
      return lastPrint;
    },
    health: () => {
      if (port.disconnected) return Promise.reject(new Error('printer disconnected'));
      return Promise.resolve(healthOf(printer));
    },
    print: (bytes): Promise<PrintOutcome> => {
      if (port.disconnected) return Promise.reject(new Error('printer disconnected'));
      const lostBefore = printer.notPrinted.length;
      const start = printer.roll.length;
      printer.write(bytes);
      printer.endOfJob();
      lastPrint = { start, end: printer.roll.length };
      // Everything went in; if the printer stopped part-way, what came after was not printed.
      if (printer.notPrinted.length > lostBefore) {
        const reason = problemOf(healthOf(printer)) ?? 'error';
        return Promise.resolve({ ok: false, reason, bytesAccepted: bytes.length });
      }
      return Promise.resolve({ ok: true });
    },
  };
  return port;
}

/** The in-process emulated printer (training mode's default, or one a test injects), whose paper can be shown. */
export function isEmulatedPort(port: PrinterPort | null): port is EmulatedPrinterPort {
  return port !== null && 'printer' in port && port.printer instanceof EscPosPrinter && 'lastPrint' in port;
}
