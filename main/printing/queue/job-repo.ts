// The print_jobs table: every read and write the queue makes, each state change checked against states.ts.
// Writes outside a transaction are single UPDATEs, so each is atomic on its own.
import type Database from 'better-sqlite3';
import type { PrintJobKind, PrintJobState } from './states';
import { OPEN_STATES, assertPrintJobTransition, isFinal } from './states';

export interface PrintJob {
  readonly id: number;
  readonly kind: PrintJobKind;
  readonly saleId: string | null;
  /** refund slips: the refund printed */
  readonly refundId: string | null;
  /** X and Z reports: the ReportView JSON as it is printed (frozen when the job was queued) */
  readonly report: string | null;
  readonly copy: boolean;
  readonly state: PrintJobState;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly printedAt: string | null;
}

interface Row {
  id: number;
  kind: PrintJobKind;
  sale_id: string | null;
  refund_id: string | null;
  report: string | null;
  copy: number;
  state: PrintJobState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  printed_at: string | null;
}

const toJob = (r: Row): PrintJob => ({
  id: r.id,
  kind: r.kind,
  saleId: r.sale_id,
  refundId: r.refund_id,
  report: r.report,
  copy: r.copy === 1,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  printedAt: r.printed_at,
});

const OPEN = OPEN_STATES.map((s) => `'${s}'`).join(', ');
const COLS = `id, kind, sale_id, refund_id, report, copy, state, attempts, next_attempt_at, last_error, created_at, printed_at`;

export interface MoveOptions {
  readonly at: string;
  readonly error?: string | null;
  /** becomes a copy (it may already be partly on paper) */
  readonly copy?: boolean;
  readonly nextAttemptAt?: string;
  readonly countAttempt?: boolean;
}

export interface JobRepo {
  byId(id: number): PrintJob | null;
  /** The oldest unfinished job (FIFO: a later receipt never overtakes an earlier one). */
  head(): PrintJob | null;
  countsByState(): Record<PrintJobState, number>;
  lastError(): string | null;
  /** Moves `id` from its current state to `to`, refusing transitions states.ts does not allow. */
  move(id: number, to: PrintJobState, opts: MoveOptions): PrintJob;
  /** Same state, new retry time and reason (a waiting job polled again). */
  reschedule(id: number, opts: { at: string; nextAttemptAt: string; error: string | null }): void;
  /** Jobs found in 'printing' (the app stopped while sending them). */
  inPrinting(): PrintJob[];
  /**
   * Deletes up to `limit` finished jobs (printed, cancelled) created before `beforeIso`, oldest first, in one
   * transaction; returns how many went. Their sale or refund stays: a reprint renders from it again.
   */
  pruneFinished(beforeIso: string, limit: number): number;
}

export function createJobRepo(db: Database.Database): JobRepo {
  const byId = db.prepare<[number], Row>(`SELECT ${COLS} FROM print_jobs WHERE id = ?`);
  const head = db.prepare<[], Row>(
    `SELECT ${COLS} FROM print_jobs WHERE state IN (${OPEN}) ORDER BY id LIMIT 1`,
  );
  // `state IN (OPEN)` repeats the partial index's own condition, so SQLite reads only unfinished jobs
  // (print_jobs_due) instead of the printed history; the same below.
  const printing = db.prepare<[], Row>(
    `SELECT ${COLS} FROM print_jobs WHERE state IN (${OPEN}) AND state = 'printing' ORDER BY id`,
  );
  const counts = db.prepare<[], { state: PrintJobState; n: number }>(
    `SELECT state, count(*) AS n FROM print_jobs WHERE state IN (${OPEN}) GROUP BY state`,
  );
  // print_jobs_errors holds only jobs with an error (migration 010): the newest is one index probe.
  const lastError = db.prepare<[], { last_error: string }>(
    `SELECT last_error FROM print_jobs WHERE last_error IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT 1`,
  );
  // Oldest jobs first, by rowid: finished ones past the retention window go; the walk stops at the first job
  // that is still inside it, so a batch reads a bounded number of rows whatever the history.
  const oldest = db.prepare<[number, number], { id: number; state: PrintJobState; created_at: string }>(
    `SELECT id, state, created_at FROM print_jobs WHERE id > ? ORDER BY id LIMIT ?`,
  );
  const remove = db.prepare<[number]>(`DELETE FROM print_jobs WHERE id = ?`);
  const update = db.prepare(`UPDATE print_jobs SET state = @to, updated_at = @at,
      last_error = CASE WHEN @setError THEN @error ELSE last_error END,
      copy = CASE WHEN @copy THEN 1 ELSE copy END,
      next_attempt_at = COALESCE(@next, next_attempt_at),
      attempts = attempts + @inc,
      printed_at = CASE WHEN @to = 'printed' THEN @at ELSE printed_at END
    WHERE id = @id AND state = @from`);

  const resched = db.prepare(`UPDATE print_jobs SET next_attempt_at = ?, last_error = ?, updated_at = ?
    WHERE id = ?`);

  const get = (id: number): PrintJob | null => {
    const r = byId.get(id);
    return r ? toJob(r) : null;
  };

  return {
    byId: get,
    head: () => {
      const r = head.get();
      return r ? toJob(r) : null;
    },
    countsByState: () => {
      const out: Record<PrintJobState, number> = {
        queued: 0,
        printing: 0,
        printed: 0,
        interrupted: 0,
        waiting: 0,
        cancelled: 0,
      };
      for (const r of counts.all()) out[r.state] = r.n;
      return out;
    },
    lastError: () => lastError.get()?.last_error ?? null,
    move: (id, to, opts) => {
      const job = get(id);
      if (!job) throw new Error(`print job ${id} does not exist`);
      assertPrintJobTransition(job.state, to);
      const changed = update.run({
        id,
        from: job.state,
        to,
        at: opts.at,
        setError: opts.error === undefined ? 0 : 1,
        error: opts.error ?? null,
        copy: opts.copy ? 1 : 0,
        next: opts.nextAttemptAt ?? null,
        inc: opts.countAttempt ? 1 : 0,
      }).changes;
      if (changed !== 1) throw new Error(`print job ${id} changed under us (expected ${job.state})`);
      return get(id) as PrintJob;
    },
    reschedule: (id, o) => {
      resched.run(o.nextAttemptAt, o.error, o.at, id);
    },
    inPrinting: () => printing.all().map(toJob),
    pruneFinished: (beforeIso, limit) =>
      db
        .transaction(() => {
          let removed = 0;
          // Unfinished old jobs (a receipt waiting for paper for days) are stepped over, never deleted; the read
          // is capped so a pile of them cannot make one batch long.
          for (const r of oldest.all(0, limit * 4)) {
            if (r.created_at >= beforeIso) break;
            if (isFinal(r.state)) {
              remove.run(r.id);
              if (++removed === limit) break;
            }
          }
          return removed;
        })
        .immediate(), // read then write: take the write lock first, or another writer's commit fails it
  };
}
