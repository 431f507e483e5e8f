// Drains the print queue, one job at a time, oldest first. Per job: ask the printer's health; not ready ->
// 'waiting' (with the reason) and poll again with backoff; ready -> commit 'printing' BEFORE the bytes go
// out -> print -> 'printed', or 'interrupted' and re-sent whole as a COPY. Because every step is committed
// first, a crash anywhere leaves a state that says what may be on paper (see states.ts and
// docs/decisions/0007-print-queue.md). `step()` is one decision, so tests drive it without timers.
import type { Logger } from '../../../native/log/logger';
import type { DeviceState } from '../../api/contract';
import type { PrinterHealth } from '../../../native/printer/printer-health';
import { isReady, problemOf } from '../../../native/printer/printer-health';
import type { Backoff } from './backoff';
import { DEFAULT_BACKOFF, backoffDelay } from './backoff';
import type { JobRepo, PrintJob } from './job-repo';
import type { PrinterPort, PrintOutcome, Timers } from './ports';
import { realTimers } from './ports';
import type { JobRenderer } from './render-job';

export interface QueueStatus {
  readonly state: DeviceState;
  /** 'paper-out', 'cover-open', 'offline', 'disconnected', 'cutter-error', 'error', 'paper-near-end' */
  readonly problem: string | null;
  /** receipts and drawer kicks not yet printed (queued, waiting, interrupted) */
  readonly waiting: number;
  readonly printing: number;
  readonly lastError: string | null;
  /** The drawer sensor (DLE EOT 1) at the last health answer; null before one or while unreachable. */
  readonly drawerSensor: boolean | null;
}

/** The status bar's one line: the problem and how many jobs are waiting ('paper-out; 2 waiting'). */
export function statusDetail(s: QueueStatus): string | null {
  const parts = [s.problem, s.waiting > 0 ? `${s.waiting} waiting` : null].filter((p) => p !== null);
  return parts.length > 0 ? parts.join('; ') : null;
}

export interface WorkerDeps {
  readonly jobs: JobRepo;
  /** null: no printer configured; jobs are kept until one is */
  readonly printer: PrinterPort | null;
  readonly render: JobRenderer;
  readonly now: () => Date;
  readonly timers?: Timers;
  readonly backoff?: Backoff;
  /** how often an idle queue still asks the printer's health, so the status bar stays true */
  readonly idlePollMs?: number;
  /**
   * A drawer kick older than this is cancelled, not sent: after a long paper-out or a restart the cashier has
   * moved on, and a drawer springing open unattended is a loss risk. Default 2 minutes.
   */
  readonly drawerMaxAgeMs?: number;
  /** how long stop() waits for a print in progress; after that the job stays 'printing' (a copy next start) */
  readonly stopTimeoutMs?: number;
  readonly onStatus?: (s: QueueStatus) => void;
  /** A job went to 'printed' (every byte accepted): e.g. to remember what the emulated printer printed. */
  readonly onPrinted?: (job: PrintJob) => void;
  readonly log?: Logger;
}

export interface PrintWorker {
  /** Recovers jobs left 'printing' by a crash, then runs until stop(). */
  start(): void;
  /** A job was queued: look now instead of at the next poll. */
  kick(): void;
  /** One decision; resolves with ms until the worker wants to run again, null when idle without printer. */
  step(): Promise<number | null>;
  /** Jobs found in 'printing' become 'interrupted' copies; returns how many. */
  recover(): number;
  /** Stops the loop and waits for the step in progress (the database may be closed afterwards). */
  stop(): Promise<void>;
  status(): QueueStatus;
}

type Probe = { ok: true; health: PrinterHealth } | { ok: false; problem: string; error: string };

export function createPrintWorker(deps: WorkerDeps): PrintWorker {
  const { jobs } = deps;
  const timers = deps.timers ?? realTimers;
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const idlePollMs = deps.idlePollMs ?? 30_000;
  const log = deps.log ?? (() => undefined);
  let failures = 0;
  let device: { state: DeviceState; problem: string | null } = {
    state: deps.printer ? 'offline' : 'not-configured',
    problem: null,
  };
  let drawerSensor: boolean | null = null;
  let lastReported = '';

  const iso = (): string => deps.now().toISOString();
  const later = (ms: number): string => new Date(deps.now().getTime() + ms).toISOString();

  const status = (): QueueStatus => {
    const c = jobs.countsByState();
    return {
      ...device,
      waiting: c.queued + c.waiting + c.interrupted,
      printing: c.printing,
      lastError: jobs.lastError(),
      drawerSensor,
    };
  };
  const report = (): void => {
    const s = status();
    const key = JSON.stringify(s);
    if (key === lastReported) return;
    lastReported = key;
    deps.onStatus?.(s);
  };

  const probe = async (printer: PrinterPort): Promise<Probe> => {
    try {
      const health = await printer.health();
      drawerSensor = health.drawerSensor;
      const problem = problemOf(health);
      device = {
        state: problem === null ? 'online' : problem === 'offline' ? 'offline' : 'error',
        problem: problem ?? (health.paper === 'near-end' ? 'paper-near-end' : null),
      };
      return isReady(health)
        ? { ok: true, health }
        : { ok: false, problem: problem ?? 'error', error: problem ?? 'error' };
    } catch (e) {
      drawerSensor = null;
      device = { state: 'offline', problem: 'disconnected' };
      return { ok: false, problem: 'disconnected', error: `disconnected: ${(e as Error).message}` };
    }
  };

  /** The printer cannot take the job now: 'waiting', retried after the backoff. */
  const wait = (job: PrintJob, error: string): number => {
    failures++;
    const delay = backoffDelay(failures, backoff);
    const at = iso();
    const next = later(delay);
    if (job.state === 'waiting') {
      jobs.reschedule(job.id, { at, nextAttemptAt: next, error });
    } else {
      if (job.state === 'interrupted') jobs.move(job.id, 'queued', { at });
      jobs.move(job.id, 'waiting', { at, error, nextAttemptAt: next });
    }
    return delay;
  };

  const send = async (printer: PrinterPort, bytes: Uint8Array): Promise<PrintOutcome> => {
    try {
      return await printer.print(bytes);
    } catch (e) {
      // How much went out is unknown: assume some did, so the re-send is marked as a copy.
      return { ok: false, reason: `disconnected: ${(e as Error).message}`, bytesAccepted: -1 };
    }
  };

  const printOne = async (printer: PrinterPort, job: PrintJob): Promise<number> => {
    let bytes: Uint8Array;
    try {
      bytes = deps.render(job);
    } catch (e) {
      // An unprintable job (its sale is gone, the profile cannot do it) would block every later receipt.
      jobs.move(job.id, 'cancelled', { at: iso(), error: `unprintable: ${(e as Error).message}` });
      log('error', 'print job cancelled: unprintable', { jobId: job.id, error: (e as Error).message });
      return 0;
    }
    const at = iso();
    if (job.state === 'waiting' || job.state === 'interrupted') jobs.move(job.id, 'queued', { at });
    // Committed before a single byte goes out: a crash from here on is found at start-up as 'printing'.
    jobs.move(job.id, 'printing', { at, countAttempt: true });
    report();
    const outcome = await send(printer, bytes);
    if (outcome.ok) {
      failures = 0;
      const done = jobs.move(job.id, 'printed', { at: iso(), error: null });
      try {
        deps.onPrinted?.(done);
      } catch (e) {
        log('error', 'onPrinted hook failed', { jobId: job.id, error: (e as Error).message });
      }
      return 0;
    }
    failures++;
    const delay = backoffDelay(failures, backoff);
    const problem = outcome.reason.split(':')[0] ?? 'error';
    device = { state: problem === 'disconnected' || problem === 'offline' ? 'offline' : 'error', problem };
    if (device.state === 'offline') drawerSensor = null;
    if (job.kind === 'drawer' && outcome.bytesAccepted >= bytes.length) {
      // All five bytes of the kick went out: the drawer has opened. Sending it again could open it minutes
      // later with nobody at the till; a drawer that did not open is seen at once (and opened by "no sale").
      jobs.move(job.id, 'printed', { at: iso(), error: `sent; then ${outcome.reason}` });
    } else if (outcome.bytesAccepted === 0) {
      // Nothing reached the printer: retrying is not a copy.
      jobs.move(job.id, 'waiting', { at: iso(), error: outcome.reason, nextAttemptAt: later(delay) });
    } else {
      jobs.move(job.id, 'interrupted', {
        at: iso(),
        error: outcome.reason,
        copy: job.kind !== 'drawer', // receipts and refund slips; a drawer kick has no paper
        nextAttemptAt: later(delay),
      });
    }
    log('warn', 'print job not completed', { jobId: job.id, reason: outcome.reason });
    return delay;
  };

  const step = async (): Promise<number | null> => {
    const printer = deps.printer;
    try {
      const job = jobs.head();
      if (!printer) return null;
      if (job === null) {
        await probe(printer);
        return idlePollMs;
      }
      if (job.state === 'printing') {
        recover(); // left by another run of the app; never re-sent without the COPY mark
        return 0;
      }
      const age = deps.now().getTime() - Date.parse(job.createdAt);
      if (job.kind === 'drawer' && age > (deps.drawerMaxAgeMs ?? 120_000)) {
        jobs.move(job.id, 'cancelled', { at: iso(), error: 'expired: the drawer was not opened in time' });
        log('warn', 'drawer kick expired unsent', { jobId: job.id });
        return 0;
      }
      const dueIn = Date.parse(job.nextAttemptAt) - deps.now().getTime();
      if (dueIn > 0) return dueIn;
      const p = await probe(printer);
      if (!p.ok) return wait(job, p.error);
      return await printOne(printer, job);
    } finally {
      report();
    }
  };

  const recover = (): number => {
    const found = jobs.inPrinting();
    for (const job of found) {
      jobs.move(job.id, 'interrupted', {
        at: iso(),
        error: 'interrupted: the app stopped while printing',
        copy: job.kind !== 'drawer', // receipts and refund slips; a drawer kick has no paper
      });
      log('warn', 'print job interrupted by a restart; it will be re-sent as a copy', { jobId: job.id });
    }
    return found.length;
  };

  // ---- the loop ----
  let stopped = true;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;

  const schedule = (ms: number): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (stopped) return;
    timer = timers.setTimeout(() => {
      timer = null;
      void run();
    }, ms);
  };

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    let delay: number | null = null;
    running = step().then(
      (d) => {
        delay = d;
      },
      (e: unknown) => {
        // A storage error or a bug: keep the loop alive, slowly, and say so.
        log('error', 'print worker step failed', { error: (e as Error).message });
        delay = backoff.capMs;
      },
    );
    await running;
    running = null;
    if (stopped) return;
    if (again) {
      again = false;
      schedule(0);
    } else if (delay !== null) schedule(delay);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      recover();
      // With a printer, the first step reports after asking it (no flash of 'offline' before the first answer).
      if (!deps.printer) report();
      schedule(0);
    },
    kick() {
      if (stopped) return;
      report(); // the status bar counts the new job at once, even while the printer is away
      if (running) again = true;
      else schedule(0);
    },
    step,
    recover,
    async stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      if (!running) return;
      // A printer that never answers must not keep the app from closing: the job is left 'printing', which
      // the next start treats as interrupted (re-sent as a copy), exactly like a crash.
      let handle: unknown = null;
      const timeout = new Promise<void>((resolve) => {
        handle = timers.setTimeout(resolve, deps.stopTimeoutMs ?? 5_000);
      });
      await Promise.race([running, timeout]);
      timers.clearTimeout(handle);
    },
    status,
  };
}
