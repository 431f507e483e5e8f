// A real printer client (native/printer/printer-client.ts: health() and print() over a transport) as the
// queue's PrinterPort: the link is opened on first use and again after it dropped, so an unplugged printer
// that comes back is picked up by the worker's next poll without restarting the app.
// Typed structurally, so the queue does not break while the driver's API is still settling.
import type { PrinterHealth } from '../../../native/printer/printer-health';
import type { PrinterPort, PrintOutcome } from './ports';

export interface PrinterClientLike {
  readonly transport: { readonly isOpen: boolean; open(): Promise<void>; close(): Promise<void> };
  health(): Promise<PrinterHealth>;
  /** `bytesSent` also counts a chunk whose write failed part-way (the client's own "0 means none left"). */
  print(bytes: Uint8Array): Promise<
    | { readonly ok: true }
    | {
        readonly ok: false;
        readonly reason: string;
        readonly bytesAccepted: number;
        readonly bytesSent?: number;
      }
  >;
}

export function clientPort(client: PrinterClientLike): PrinterPort {
  const ensureOpen = async (): Promise<void> => {
    if (!client.transport.isOpen) await client.transport.open();
  };
  // After a failure the link may be half-dead: close it so the next call opens a fresh one.
  const reset = async (): Promise<void> => {
    await client.transport.close().catch(() => undefined);
  };
  return {
    async health() {
      try {
        await ensureOpen();
        return await client.health();
      } catch (e) {
        await reset();
        throw e;
      }
    },
    async print(bytes) {
      await ensureOpen();
      const outcome = await client.print(bytes);
      if (outcome.ok) return outcome;
      if (outcome.reason === 'disconnected' || outcome.reason === 'offline') await reset();
      // The queue reads 0 as "nothing can have reached the printer" (a re-send is then not a copy). The
      // client's bytesAccepted counts whole chunks only; part of a chunk whose write failed may be on paper.
      const reached: PrintOutcome = {
        ok: false,
        reason: outcome.reason,
        bytesAccepted: Math.max(outcome.bytesAccepted, outcome.bytesSent ?? 0),
      };
      return reached;
    },
  };
}
