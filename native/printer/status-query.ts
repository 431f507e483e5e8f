// Asking a printer how it is: DLE EOT 1..4, one request and one answer byte at a time, combined into a
// PrinterHealth. Anything but four well-formed answers is an error — a guessed status could send a job to a
// printer with its cover open, or tell a cashier the paper is fine when nobody answered.
import { parseStatusByte } from '../escpos/status';
import type { RealTimeStatus, StatusRequest } from '../escpos/status';
import { TransportError } from '../transports/transport';
import type { PrinterTransport } from '../transports/transport';
import type { PrinterHealth } from './printer-health';

const DLE = 0x10;
const EOT = 0x04;

/** The printer answered something that is not a DLE EOT status byte. */
export class GarbledStatusError extends Error {
  constructor(
    readonly request: StatusRequest,
    readonly received: Uint8Array,
    detail: string,
  ) {
    super(`garbled answer to DLE EOT ${request}: ${detail}`);
    this.name = 'GarbledStatusError';
  }
}

async function ask<N extends StatusRequest>(
  transport: PrinterTransport,
  n: N,
  timeoutMs: number,
): Promise<Extract<RealTimeStatus, { request: N }>> {
  await transport.write(Uint8Array.of(DLE, EOT, n));
  const answer = await transport.read(1, timeoutMs);
  const byte = answer[0];
  if (byte === undefined)
    throw new TransportError('TIMEOUT', `${transport.id}: no answer to DLE EOT ${n} within ${timeoutMs} ms`);
  const parsed = parseStatusByte(n, byte);
  if (!parsed.ok) throw new GarbledStatusError(n, answer, parsed.error);
  // parseStatusByte answers in the kind it was asked for.
  return parsed.status as Extract<RealTimeStatus, { request: N }>;
}

/** Stale bytes from an earlier, timed-out query (or automatic status back) would shift every answer by one. */
async function drain(transport: PrinterTransport): Promise<void> {
  for (let i = 0; i < 16; i++) {
    const stale = await transport.read(256, 0);
    if (stale.length === 0) return;
  }
}

export async function queryHealth(transport: PrinterTransport, timeoutMs: number): Promise<PrinterHealth> {
  await drain(transport);
  const printer = await ask(transport, 1, timeoutMs);
  const offline = await ask(transport, 2, timeoutMs);
  const error = await ask(transport, 3, timeoutMs);
  const paper = await ask(transport, 4, timeoutMs);
  const out = paper.paperOut || offline.stoppedForPaperEnd;
  return {
    online: !printer.offline,
    coverOpen: offline.coverOpen,
    paper: out ? 'out' : paper.paperNearEnd ? 'near-end' : 'ok',
    cutterError: error.cutterError,
    unrecoverableError: error.unrecoverableError,
    autoRecoverableError: error.autoRecoverableError,
    drawerSensor: printer.drawerSensorHigh,
  };
}
