// The sync worker: drains the outbox into the gateway with bounded concurrency, exponential backoff with
// jitter per row, and the circuit breaker deciding online/offline. Group commit: the rows claimed together are
// marked (and prepared, e.g. a stored payment moved to `forwarding`) in ONE transaction before anything is
// sent, and answers that arrive together are applied in ONE transaction, so a drain of thousands of rows costs
// a few fsyncs per batch instead of several per row. A crash at any point leaves rows `sending` (requeued at
// start) and payments `forwarding` (looked up before anything is resent).
import type { Logger } from '../../native/log/logger';
import type { GatewayClient } from '../gateway/client';
import { backoffMs, type CircuitBreaker } from '../gateway/circuit-breaker';
import type { OutboxKind } from '../outbox/enqueue';
import type { OutboxRepo, OutboxRow } from '../outbox/outbox-repo';

export interface HandlerResult {
  readonly verdict: 'sent' | 'retry' | 'failed';
  readonly error?: string;
  /** a transport failure (no connection, timeout, 5xx): feeds the circuit breaker */
  readonly transportFailed: boolean;
  /** database changes that record the answer; run inside the batch's transaction */
  readonly apply?: () => void;
}

export interface OutboxHandler {
  /** inside the claim transaction, before anything is sent (e.g. record "may be in flight") */
  prepare?(row: OutboxRow): void;
  send(row: OutboxRow, client: GatewayClient): Promise<HandlerResult>;
}

export interface OutboxWorkerOptions {
  readonly repo: OutboxRepo;
  readonly runInTransaction: (fn: () => void) => void;
  /** one per outbox kind (main/outbox/enqueue.ts): a kind without a handler does not compile */
  readonly handlers: Readonly<Record<OutboxKind, OutboxHandler>>;
  readonly gateway: () => GatewayClient | null;
  readonly breaker: CircuitBreaker;
  /** a cheap signed call used as the breaker's probe */
  readonly probe: (client: GatewayClient) => Promise<boolean>;
  readonly now: () => Date;
  readonly log: Logger;
  readonly concurrency?: number;
  readonly backoff?: { readonly baseMs: number; readonly maxMs: number };
  readonly random?: () => number;
  /** how long to sleep when there is nothing due (ms); default 5 s */
  readonly idleMs?: number;
  /**
   * With nothing to send, the probe still goes out this often (ms; default 30 s), so a gateway that went away
   * shows as offline (and online-only actions say so up front) before the next sale needs it.
   */
  readonly heartbeatMs?: number;
  /** runs before each claim: e.g. expiring stored payments past their deadline */
  readonly sweep?: () => void;
  /** after any batch was applied (status bar) */
  readonly onProgress?: () => void;
}

export interface OutboxWorker {
  start(): void;
  stop(): Promise<void>;
  /** something was queued or connectivity changed: look now */
  kick(): void;
  /** resolves when nothing is due and nothing is in flight (tests, the bench) */
  idle(): Promise<void>;
}

const FLUSH_RETRY_BASE_MS = 500;
const FLUSH_RETRY_MAX_MS = 30_000;

export function createOutboxWorker(o: OutboxWorkerOptions): OutboxWorker {
  const concurrency = o.concurrency ?? 4;
  const backoff = o.backoff ?? { baseMs: 1_000, maxMs: 5 * 60_000 };
  const random = o.random ?? Math.random;
  // A row's kind comes from the table as text: one written by a newer build may have no handler here.
  const handlers: Readonly<Record<string, OutboxHandler | undefined>> = o.handlers;
  const handlerFor = (kind: string): OutboxHandler | undefined =>
    Object.hasOwn(handlers, kind) ? handlers[kind] : undefined;
  const idleMs = o.idleMs ?? 5_000;
  const heartbeatMs = o.heartbeatMs ?? 30_000;
  let lastBeatAt = Date.now();
  let running = false;
  let inFlight = 0;
  let probing = false;
  let timer: NodeJS.Timeout | null = null;
  let flushScheduled = false;
  // Consecutive batches whose answers could not be recorded (a full disk): how long to wait before the next try.
  let flushFailures = 0;
  let flushTimer: NodeJS.Timeout | null = null;
  const results: {
    key: string;
    to: 'sent' | 'pending' | 'failed';
    nextAt?: string;
    error?: string;
    apply?: () => void;
  }[] = [];
  let idleWaiters: (() => void)[] = [];

  const nowIso = (): string => o.now().toISOString();

  const settleIdle = (): void => {
    if (inFlight > 0 || results.length > 0 || probing) return;
    const next = o.repo.nextDueAt();
    const dueNow = next !== null && next <= nowIso() && o.breaker.online();
    if (dueNow) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  /** Claims up to the free slots (inside the caller's transaction) and prepares each row for sending. */
  const claim = (): OutboxRow[] => {
    const free = concurrency - inFlight;
    if (!running || free <= 0 || !o.breaker.online() || o.gateway() === null) return [];
    const rows = o.repo.claimDue(nowIso(), free);
    for (const r of rows) handlerFor(r.kind)?.prepare?.(r);
    return rows;
  };

  const flush = (): void => {
    flushScheduled = false;
    if (results.length === 0) return;
    const batch = results.splice(0);
    let next: OutboxRow[] = [];
    try {
      // The answers and the next claim share one transaction: one fsync per batch on a busy drain.
      o.runInTransaction(() => {
        for (const r of batch) r.apply?.();
        o.repo.finish(batch, nowIso());
        next = claim();
      });
    } catch (e) {
      // Nothing of the batch was recorded (the transaction rolled back). Keep its answers and record them
      // again later, so its rows do not sit in `sending` while the till runs (a stored payment would miss its
      // forward deadline). Answers that arrive meanwhile join them: one flush when the timer fires.
      results.unshift(...batch);
      flushFailures++;
      // The sync worker's own jittered backoff, with a floor: a full disk is not fixed in 0 ms.
      const wait =
        FLUSH_RETRY_BASE_MS + backoffMs(flushFailures - 1, FLUSH_RETRY_BASE_MS, FLUSH_RETRY_MAX_MS, random);
      o.log('error', 'outbox: could not record answers; trying again', {
        error: e instanceof Error ? e.message : String(e),
        answers: results.length,
        retryInMs: wait,
      });
      flushScheduled = true; // no immediate flush from new answers: the timer does it
      flushTimer = setTimeout(() => {
        flushTimer = null;
        flush();
      }, wait);
      o.onProgress?.();
      return;
    }
    flushFailures = 0;
    const client = o.gateway();
    if (client) for (const r of next) runRow(r, client);
    o.onProgress?.();
    pump();
  };

  const schedule = (ms: number): void => {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = null;
        pump();
      },
      Math.max(0, ms),
    );
  };

  const runRow = (row: OutboxRow, client: GatewayClient): void => {
    const handler = handlerFor(row.kind);
    inFlight++;
    const finish = (r: HandlerResult): void => {
      inFlight--;
      if (r.transportFailed) o.breaker.failure();
      else o.breaker.success();
      if (r.verdict === 'retry') {
        const wait = backoffMs(row.attempts, backoff.baseMs, backoff.maxMs, random);
        const nextAt = new Date(o.now().getTime() + wait).toISOString();
        results.push({ key: row.key, to: 'pending', nextAt, error: r.error ?? 'retry', apply: r.apply });
      } else {
        results.push({ key: row.key, to: r.verdict, error: r.error, apply: r.apply });
      }
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    };
    if (!handler) {
      finish({ verdict: 'failed', error: `no handler for ${row.kind}`, transportFailed: false });
      return;
    }
    handler.send(row, client).then(finish, (e: unknown) =>
      finish({
        verdict: 'retry',
        error: e instanceof Error ? e.message : String(e),
        transportFailed: false,
      }),
    );
  };

  let sweptAt = -Infinity;
  function pump(): void {
    if (!running) return;
    try {
      // At most once a second: a sweep (deadlines passing) is about minutes, not about every answer.
      const t = o.now().getTime();
      if (t - sweptAt >= 1_000) {
        sweptAt = t;
        o.sweep?.();
      }
    } catch (e) {
      o.log('error', 'outbox: sweep failed', { error: e instanceof Error ? e.message : String(e) });
    }
    const client = o.gateway();
    if (!client) {
      settleIdle();
      schedule(idleMs);
      return;
    }
    if (!o.breaker.online()) {
      if (inFlight > 0 || probing) return;
      if (!o.breaker.probeDue()) {
        settleIdle();
        schedule(o.breaker.msUntilProbe());
        return;
      }
      probing = true;
      void o.probe(client).then(
        (ok) => {
          probing = false;
          if (ok) o.breaker.success();
          else o.breaker.failure();
          o.onProgress?.();
          pump();
        },
        () => {
          probing = false;
          o.breaker.failure();
          pump();
        },
      );
      return;
    }
    const free = concurrency - inFlight;
    if (free > 0) {
      let rows: OutboxRow[] = [];
      try {
        o.runInTransaction(() => {
          rows = claim();
        });
      } catch (e) {
        o.log('error', 'outbox: could not claim rows', { error: e instanceof Error ? e.message : String(e) });
        rows = [];
        schedule(idleMs);
      }
      for (const r of rows) runRow(r, client);
    }
    if (inFlight === 0) {
      settleIdle();
      heartbeat(client);
      const next = o.repo.nextDueAt();
      schedule(next === null ? idleMs : Math.min(idleMs, Date.parse(next) - o.now().getTime()));
    }
  }

  /** Idle and online: the probe now and then, its answer counted by the breaker like any other. */
  function heartbeat(client: GatewayClient): void {
    if (probing || Date.now() - lastBeatAt < heartbeatMs) return;
    lastBeatAt = Date.now();
    probing = true;
    const settle = (ok: boolean): void => {
      probing = false;
      if (ok) o.breaker.success();
      else o.breaker.failure();
      o.onProgress?.();
    };
    void o.probe(client).then(settle, () => settle(false));
  }

  return {
    start() {
      if (running) return;
      running = true;
      o.repo.requeueSending(nowIso());
      pump();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      while (inFlight > 0 || (results.length > 0 && flushTimer === null))
        await new Promise((r) => setTimeout(r, 5));
      // Answers that still cannot be recorded are dropped: their rows stay `sending`, the next start requeues
      // them, and their idempotency keys make the resend harmless.
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      results.length = 0;
    },
    kick() {
      if (running && inFlight < concurrency) pump();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
  };
}
