// What the print queue talks to: health() and print() over any PrinterTransport. print() checks the printer
// before, between chunks and after the job, so a job that hit paper-out, an open cover or a lost link is
// reported as interrupted (with how many bytes the transport accepted) and never as printed.
import { TransportError } from '../transports/transport';
import type { PrinterTransport } from '../transports/transport';
import { isReady, problemOf } from './printer-health';
import type { PrinterHealth, PrinterProblem } from './printer-health';
import { jobChunks } from './job-chunks';
import { queryHealth } from './status-query';

export { GarbledStatusError } from './status-query';

export type PrintInterruption = 'paper-out' | 'cover-open' | 'offline' | 'disconnected' | 'error';

export type PrintResult =
  | { ok: true }
  | {
      ok: false;
      reason: PrintInterruption;
      /** Bytes the transport accepted before the job stopped (not necessarily printed). */
      bytesAccepted: number;
      /**
       * Bytes handed to the transport, including a chunk whose write failed part-way (some of it may have
       * reached the printer). 0 means none of this job can have reached it: a re-send is not a copy.
       */
      bytesSent: number;
      /** For logs and support: what exactly happened. */
      detail: string;
    };

export interface PrinterClientOptions {
  /** How long to wait for each DLE EOT answer. */
  statusTimeoutMs?: number;
  /**
   * Job bytes written between two status checks (at most; cut between commands only, see job-chunks.ts).
   * Smaller notices paper-out sooner; larger prints faster.
   */
  chunkSize?: number;
  /**
   * Open the transport on demand (default true): after an unplug or a dropped connection the next health()
   * or print() reconnects by itself, so the queue only has to retry.
   */
  autoOpen?: boolean;
}

export interface PrinterClient {
  readonly transport: PrinterTransport;
  /** Throws TransportError (TIMEOUT when the printer does not answer) or GarbledStatusError. */
  health(): Promise<PrinterHealth>;
  print(bytes: Uint8Array): Promise<PrintResult>;
  close(): Promise<void>;
}

const PROBLEM_TO_REASON: Record<PrinterProblem, PrintInterruption> = {
  'paper-out': 'paper-out',
  'cover-open': 'cover-open',
  'cutter-error': 'error',
  error: 'error',
  offline: 'offline',
};

function reasonOfError(e: unknown): { reason: PrintInterruption; detail: string } {
  const detail = e instanceof Error ? e.message : String(e);
  if (e instanceof TransportError) {
    if (e.code === 'DISCONNECTED' || e.code === 'NOT_FOUND') return { reason: 'disconnected', detail };
    // A printer that stops answering status, or is busy with another host, is for the cashier offline.
    if (e.code === 'TIMEOUT' || e.code === 'REFUSED') return { reason: 'offline', detail };
  }
  return { reason: 'error', detail };
}

export function createPrinterClient(
  transport: PrinterTransport,
  options: PrinterClientOptions = {},
): PrinterClient {
  const statusTimeoutMs = options.statusTimeoutMs ?? 1000;
  const chunkSize = Math.max(1, options.chunkSize ?? 4096);
  const autoOpen = options.autoOpen ?? true;
  const ensureOpen = async (): Promise<void> => {
    if (autoOpen && !transport.isOpen) await transport.open();
  };
  // Status answers are matched to requests by order: two callers interleaving on one link would swap them.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };

  /** null when the printer can take (more of) the job; otherwise why not. */
  async function blocker(midJob: boolean): Promise<{ reason: PrintInterruption; detail: string } | null> {
    try {
      // Never reconnect mid-job: the rest of a receipt on a new connection prints as a torn-off fragment.
      if (midJob && !transport.isOpen)
        return { reason: 'disconnected', detail: `${transport.id}: link lost during the job` };
      if (!midJob) await ensureOpen();
      const h = await queryHealth(transport, statusTimeoutMs);
      // Same rule as the rest of the app: an auto-recoverable error alone does not stop a job.
      if (isReady(h)) return null;
      const problem = problemOf(h) ?? 'error';
      return { reason: PROBLEM_TO_REASON[problem], detail: `printer reports ${problem}` };
    } catch (e) {
      return reasonOfError(e);
    }
  }

  async function print(bytes: Uint8Array): Promise<PrintResult> {
    let accepted = 0;
    let sent = 0;
    const stop = (why: { reason: PrintInterruption; detail: string }): PrintResult => ({
      ok: false,
      reason: why.reason,
      bytesAccepted: accepted,
      bytesSent: sent,
      detail: why.detail,
    });
    const before = await blocker(false);
    if (before) return stop(before);
    // A loss between two checks (reset and reconnect by someone else) must still interrupt this job.
    let lost: TransportError | null = null;
    const off = transport.onDisconnect((e) => {
      lost ??= e;
    });
    try {
      // Cut only between commands: a status request inside a command's data would be taken as that data.
      for (const chunk of jobChunks(bytes, chunkSize)) {
        sent += chunk.length;
        try {
          await transport.write(chunk);
        } catch (e) {
          return stop(reasonOfError(e));
        }
        accepted += chunk.length;
        // After the last chunk too: paper that ran out on the final lines means the receipt is incomplete.
        const why = lost ? reasonOfError(lost) : await blocker(true);
        if (why) return stop(why);
      }
    } finally {
      off();
    }
    return { ok: true };
  }

  return {
    transport,
    health: () =>
      serial(async () => {
        await ensureOpen();
        return queryHealth(transport, statusTimeoutMs);
      }),
    print: (bytes) => serial(() => print(bytes)),
    close: () => serial(() => transport.close()),
  };
}
