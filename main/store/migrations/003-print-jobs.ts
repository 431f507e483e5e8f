// Version 3: the print queue. A job is written in the same transaction as the fact it prints (the sale commit,
// a "no sale" drawer open), so a committed sale always has its receipt job. See docs/decisions/0007-print-queue.md;
// states and transitions live in main/printing/queue/states.ts.
import type { Migration } from './types';

export const m003PrintJobs: Migration = {
  version: 3,
  name: 'print-jobs',
  sql: `
CREATE TABLE print_jobs (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,                -- also the FIFO order; never reused
  kind            TEXT NOT NULL CHECK (kind IN ('receipt', 'drawer')),
  sale_id         TEXT REFERENCES sales(id),                        -- NULL only for a drawer-only job
  copy            INTEGER NOT NULL DEFAULT 0 CHECK (copy IN (0, 1)), -- 1: printed marked 重印 / COPY
  state           TEXT NOT NULL
                  CHECK (state IN ('queued', 'printing', 'printed', 'interrupted', 'waiting', 'cancelled')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  printed_at      TEXT,
  CHECK (kind = 'drawer' OR sale_id IS NOT NULL)
) STRICT;
-- The worker's "due" query: the oldest unfinished job. Partial, so printed history never slows it down.
CREATE INDEX print_jobs_due ON print_jobs(id) WHERE state IN ('queued', 'printing', 'waiting', 'interrupted');
CREATE INDEX print_jobs_sale ON print_jobs(sale_id) WHERE sale_id IS NOT NULL;
`,
};
