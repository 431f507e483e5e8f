// Queues an X or Z report for the receipt printer. The report goes into the job as JSON, frozen as it is now:
// an X report is a snapshot never computed again, and a Z is printed (and reprinted) exactly as it was taken.
// Inside the caller's transaction, like every job (enqueue.ts): the Z and its printout commit together.
import type { ReportView } from '../../api/contract/reports';
import { PosFailure } from '../../api/result';
import type { Database, Statement } from '../../store/db';

export interface EnqueueReportInput {
  readonly report: ReportView;
  /** a reprint of a past Z: printed marked 重印 / COPY */
  readonly copy: boolean;
  readonly now: Date;
}

const cache = new WeakMap<Database, Statement>();

/** Queues the printout of `report`; returns the job id. */
export function enqueueReportJob(db: Database, input: EnqueueReportInput): number {
  if (!db.inTransaction) {
    throw new PosFailure('INTERNAL', 'print jobs are enqueued inside the transaction of the fact they print');
  }
  let stmt = cache.get(db);
  if (stmt === undefined) {
    stmt =
      db.prepare(`INSERT INTO print_jobs (kind, report, copy, state, attempts, next_attempt_at, created_at,
      updated_at) VALUES ('report', ?, ?, 'queued', 0, ?, ?, ?)`);
    cache.set(db, stmt);
  }
  const at = input.now.toISOString();
  const json = JSON.stringify(input.report);
  return Number(stmt.run(json, input.copy ? 1 : 0, at, at, at).lastInsertRowid);
}
