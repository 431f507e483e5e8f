// Version 6: refunds. A refund pays back returned lines of one sale to the tender that paid it (cash from the
// drawer; card and QR through the gateway, online only). States live in main/refunds/states.ts. Card and QR
// refunds store their idempotency key and exact request body BEFORE the request goes out, so an unknown
// outcome is settled by looking the refund up (or resending the same bytes), never by a second refund.
// print_jobs is rebuilt to print refund slips: kind 'refund' points at its refund. AUTOINCREMENT goes: jobs
// are never deleted, so rowids are never reused anyway, and it cost every sale commit a write to
// sqlite_sequence (one more B-tree page in the WAL); so did the index on sale_id, which no query uses.
import type { Migration } from './types';

export const m006Refunds: Migration = {
  version: 6,
  name: 'refunds',
  sql: `
CREATE TABLE refunds (
  id              TEXT PRIMARY KEY,                     -- made by the refund screen; also the gateway reference
  refund_no       TEXT NOT NULL UNIQUE,                 -- printed on the slip, e.g. T01-R000004
  sale_id         TEXT NOT NULL REFERENCES sales(id),
  state           TEXT NOT NULL CHECK (state IN ('sending', 'completed', 'failed', 'unknown')),
  tender_kind     TEXT NOT NULL CHECK (tender_kind IN ('cash', 'card', 'qr')),
  attempt_id      TEXT REFERENCES payment_attempts(id), -- the payment refunded (card and QR)
  amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
  tax_minor       INTEGER NOT NULL CHECK (tax_minor >= 0),
  currency        TEXT NOT NULL,
  reason          TEXT NOT NULL,
  training        INTEGER NOT NULL CHECK (training IN (0, 1)),
  approved_by     TEXT NOT NULL,                        -- JSON: the manager who approved it
  idempotency_key TEXT UNIQUE,                          -- card and QR: stored before the request goes out
  request_body    TEXT,                                 -- card and QR: the exact request; NULL once final
  gateway_id      TEXT,
  message         TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  completed_at    TEXT,
  CHECK ((tender_kind = 'cash') = (attempt_id IS NULL)),
  CHECK ((tender_kind = 'cash') = (idempotency_key IS NULL))
) STRICT, WITHOUT ROWID;
CREATE INDEX refunds_sale ON refunds(sale_id);
CREATE INDEX refunds_open ON refunds(state) WHERE state IN ('sending', 'unknown');

CREATE TABLE refund_lines (
  refund_id    TEXT NOT NULL REFERENCES refunds(id),
  line_no      INTEGER NOT NULL,                        -- the sale line returned (sale_lines.line_no)
  qty_milli    INTEGER NOT NULL CHECK (qty_milli > 0),
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  tax_minor    INTEGER NOT NULL CHECK (tax_minor >= 0),
  PRIMARY KEY (refund_id, line_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE print_jobs_v6 (
  id              INTEGER PRIMARY KEY,                              -- also the FIFO order
  kind            TEXT NOT NULL CHECK (kind IN ('receipt', 'drawer', 'refund')),
  sale_id         TEXT REFERENCES sales(id),                        -- receipts
  refund_id       TEXT REFERENCES refunds(id),                      -- refund slips
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
  CHECK ((kind = 'refund') = (refund_id IS NOT NULL))
) STRICT;
INSERT INTO print_jobs_v6 (id, kind, sale_id, refund_id, copy, state, attempts, next_attempt_at, last_error,
    created_at, updated_at, printed_at)
  SELECT id, kind, sale_id, NULL, copy, state, attempts, next_attempt_at, last_error, created_at, updated_at,
    printed_at FROM print_jobs;
DROP TABLE print_jobs;
ALTER TABLE print_jobs_v6 RENAME TO print_jobs;
CREATE INDEX print_jobs_due ON print_jobs(id) WHERE state IN ('queued', 'printing', 'waiting', 'interrupted');
`,
};
