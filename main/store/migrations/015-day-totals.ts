// Version 15: the business day and its running totals (issue 13, points 3 and 4; main/totals/). A business day
// runs from one Z report to the next; its number is the `business-day` counter, bumped by the Z in the Z's own
// transaction. Every sale, refund and counted event adds itself to `day_totals` in ITS transaction, keyed by
// day, metric, shift and cashier, so an X or a Z reads a few hundred summary rows, never years of lines.
// The Z reports are numbered without gaps, immutable (triggers refuse UPDATE and DELETE), and chained: each
// row's chain hash covers the previous one's and its own figures, and each is journalled (hash-chained too).
// Sales and refunds gain the shift they were taken in (NULL: outside a shift, e.g. training; or before this
// version). Day 1 opens at this upgrade: history before it belongs to no Z.
import type { Migration } from './types';

export const m015DayTotals: Migration = {
  version: 15,
  name: 'day-totals',
  sql: `
INSERT INTO counters (name, value) VALUES ('business-day', 1) ON CONFLICT (name) DO NOTHING;
CREATE TABLE business_days (
  day_no    INTEGER PRIMARY KEY,
  opened_at TEXT NOT NULL
) STRICT;
INSERT INTO business_days (day_no, opened_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- What each column means per metric: main/totals/metrics.ts.
CREATE TABLE day_totals (
  day_no         INTEGER NOT NULL,
  metric         TEXT NOT NULL,
  shift_id       TEXT NOT NULL,                 -- '' outside a shift
  operator_id    TEXT NOT NULL,                 -- '' when nobody was signed in
  n              INTEGER NOT NULL,
  amount_minor   INTEGER NOT NULL,
  gross_minor    INTEGER NOT NULL,
  discount_minor INTEGER NOT NULL,
  tax_minor      INTEGER NOT NULL,
  qty_milli      INTEGER NOT NULL,
  change_minor   INTEGER NOT NULL,
  PRIMARY KEY (day_no, metric, shift_id, operator_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX day_totals_shift ON day_totals(shift_id, metric) WHERE shift_id <> '';

CREATE TABLE z_reports (
  z_no         INTEGER PRIMARY KEY,             -- 1, 2, ... without gaps
  day_no       INTEGER NOT NULL UNIQUE,
  terminal_id  TEXT NOT NULL,
  opened_at    TEXT NOT NULL,
  closed_at    TEXT NOT NULL,
  training     INTEGER NOT NULL CHECK (training IN (0, 1)),
  body         TEXT NOT NULL,                   -- the report's figures, canonical JSON
  body_sha256  TEXT NOT NULL,
  prev_sha256  TEXT NOT NULL,                   -- the previous Z's chain_sha256 (64 zeros for Z 1)
  chain_sha256 TEXT NOT NULL,                   -- sha256(prev_sha256 || body_sha256)
  journal_seq  INTEGER NOT NULL,
  closed_by    TEXT                             -- JSON: who took it
) STRICT;
CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports
  BEGIN SELECT RAISE(ABORT, 'a Z report is immutable'); END;
CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports
  BEGIN SELECT RAISE(ABORT, 'a Z report is immutable'); END;

ALTER TABLE sales ADD COLUMN shift_id TEXT;
ALTER TABLE refunds ADD COLUMN shift_id TEXT;
ALTER TABLE shifts ADD COLUMN day_no INTEGER;
ALTER TABLE shifts ADD COLUMN opened_by_operator TEXT;
CREATE INDEX shifts_day ON shifts(day_no);
`,
};
