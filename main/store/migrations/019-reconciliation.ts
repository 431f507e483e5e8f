// Version 19: reconciliation (issue 14; main/reconciliation/). What a settlement source said about a day
// (settlement_imports: one per fetch or file, settlement_rows: its rows), what the matcher made of it
// (recon_items: one per matched pair or difference, keyed so a re-run keeps a resolution) and how each
// difference was resolved (recon_resolutions, journalled). Only one import per day and source is current;
// a newer one replaces the rows of the one before (settlement-store.ts, in one transaction).
// The card and QR refunds of a payment are found through refunds_attempt: a gateway settlement reports a
// payment's refunds under the payment's day, so they are summed per payment, whichever day they were done;
// a day's own card and QR refunds are found by completion time through refunds_gateway_completed.
import type { Migration } from './types';

export const m019Reconciliation: Migration = {
  version: 19,
  name: 'reconciliation',
  sql: `
CREATE TABLE settlement_imports (
  id             TEXT PRIMARY KEY,
  day            TEXT NOT NULL,                      -- YYYY-MM-DD, the settlement's business date
  source         TEXT NOT NULL CHECK (source IN ('gateway', 'wechat', 'alipay')),
  file_name      TEXT,                               -- NULL: fetched from the gateway
  sha256         TEXT NOT NULL,
  rows           INTEGER NOT NULL CHECK (rows >= 0),
  charged_minor  INTEGER NOT NULL,
  refunded_minor INTEGER NOT NULL,
  fee_minor      INTEGER NOT NULL,
  imported_at    TEXT NOT NULL,
  imported_by    TEXT,                               -- JSON: the manager who approved a file import
  current        INTEGER NOT NULL CHECK (current IN (0, 1))
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX settlement_imports_current ON settlement_imports(day, source) WHERE current = 1;

CREATE TABLE settlement_rows (
  import_id    TEXT NOT NULL REFERENCES settlement_imports(id),
  seq          INTEGER NOT NULL,
  line         INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('charge', 'refund', 'fee')),
  reference    TEXT,
  provider_id  TEXT NOT NULL,
  refund_id    TEXT,
  tender       TEXT NOT NULL CHECK (tender IN ('card', 'qr')),
  brand        TEXT,
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  fee_minor    INTEGER NOT NULL CHECK (fee_minor >= 0),
  at           TEXT NOT NULL,
  status       TEXT NOT NULL,
  terminal_id  TEXT,
  PRIMARY KEY (import_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE recon_items (
  id            TEXT PRIMARY KEY,
  day           TEXT NOT NULL,
  item_key      TEXT NOT NULL,                       -- class and what it is about: stable across re-runs
  class         TEXT NOT NULL,
  reference     TEXT,
  sale_id       TEXT,
  attempt_id    TEXT,
  refund_id     TEXT,
  local_minor   INTEGER NOT NULL,
  settled_minor INTEGER NOT NULL,
  details       TEXT NOT NULL,                       -- JSON: the local sale, the attempt, the settlement row
  state         TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
  updated_at    TEXT NOT NULL,
  UNIQUE (day, item_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE recon_resolutions (
  id          TEXT PRIMARY KEY,
  item_id     TEXT NOT NULL REFERENCES recon_items(id),
  action      TEXT NOT NULL,
  note        TEXT NOT NULL,
  resolved_by TEXT NOT NULL,                         -- JSON: who
  resolved_at TEXT NOT NULL,
  journal_seq INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX recon_resolutions_item ON recon_resolutions(item_id);

CREATE INDEX refunds_attempt ON refunds(attempt_id) WHERE attempt_id IS NOT NULL;
CREATE INDEX refunds_gateway_completed ON refunds(completed_at) WHERE tender_kind <> 'cash' AND state = 'completed';
-- The business days a settlement date overlaps, without walking every day ever opened.
CREATE INDEX business_days_opened ON business_days(opened_at);
`,
};
