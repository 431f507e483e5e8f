// Version 16: X and Z reports print through the same queue as receipts. A 'report' job carries the report it
// prints as JSON (ReportView), frozen at enqueue time: an X report is a snapshot of a moment that is never
// computed again, and a Z reprint must come out as the Z was taken. print_jobs is rebuilt (a CHECK cannot be
// added in place) as migration 006 did; ids are kept so the FIFO order survives, and both partial indexes
// (print_jobs_due from 006, print_jobs_errors from 010) are made again. No table references print_jobs, so
// foreign keys stay on.
import type { Migration } from './types';

export const m016ReportPrintJobs: Migration = {
  version: 16,
  name: 'report-print-jobs',
  sql: `
CREATE TABLE print_jobs_v16 (
  id              INTEGER PRIMARY KEY,                              -- also the FIFO order
  kind            TEXT NOT NULL CHECK (kind IN ('receipt', 'drawer', 'refund', 'report')),
  sale_id         TEXT REFERENCES sales(id),                        -- receipts
  refund_id       TEXT REFERENCES refunds(id),                      -- refund slips
  report          TEXT,                                             -- reports: the ReportView JSON, as printed
  copy            INTEGER NOT NULL DEFAULT 0 CHECK (copy IN (0, 1)), -- 1: printed marked 重印 / COPY
  state           TEXT NOT NULL
                  CHECK (state IN ('queued', 'printing', 'printed', 'interrupted', 'waiting', 'cancelled')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  printed_at      TEXT,
  CHECK (kind <> 'receipt' OR sale_id IS NOT NULL),
  CHECK ((kind = 'refund') = (refund_id IS NOT NULL)),
  CHECK ((kind = 'report') = (report IS NOT NULL)),
  CHECK (report IS NULL OR json_valid(report))
) STRICT;
INSERT INTO print_jobs_v16 (id, kind, sale_id, refund_id, report, copy, state, attempts, next_attempt_at,
    last_error, created_at, updated_at, printed_at)
  SELECT id, kind, sale_id, refund_id, NULL, copy, state, attempts, next_attempt_at, last_error, created_at,
    updated_at, printed_at FROM print_jobs;
DROP TABLE print_jobs;
ALTER TABLE print_jobs_v16 RENAME TO print_jobs;
CREATE INDEX print_jobs_due ON print_jobs(id) WHERE state IN ('queued', 'printing', 'waiting', 'interrupted');
CREATE INDEX print_jobs_errors ON print_jobs(updated_at, id) WHERE last_error IS NOT NULL;
`,
};
