// Version 1: the whole first data model. Migrations are forward-only; never edit a shipped one,
// add a new file instead (and a test for it in test/store/migrations.test.ts).
import type { Migration } from './types';

export const m001Init: Migration = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL            -- JSON
) STRICT;

CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

CREATE TABLE tax_categories (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  name_en TEXT,
  rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000)   -- basis points: 1300 = 13 %
) STRICT;

CREATE TABLE products (
  id              TEXT PRIMARY KEY,
  sku             TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  name_en         TEXT,
  price_minor     INTEGER NOT NULL CHECK (price_minor >= 0),     -- per piece, or per kg when unit = 'kg'
  unit            TEXT NOT NULL CHECK (unit IN ('each', 'kg')),
  tax_category_id TEXT NOT NULL REFERENCES tax_categories(id),
  pinyin_initials TEXT NOT NULL DEFAULT '',                       -- 'kkkl' for 可口可乐
  pinyin_full     TEXT NOT NULL DEFAULT '',                       -- 'kekoukele'
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE barcodes (
  code       TEXT PRIMARY KEY,                                    -- normalised digits, check digit included
  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX barcodes_product ON barcodes(product_id);

-- The open cart is stored as its inputs (products, quantities, discounts), re-priced on read.
CREATE TABLE carts (
  id         TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('open', 'completed', 'abandoned')),
  version    INTEGER NOT NULL,
  body       TEXT NOT NULL,                                       -- JSON CartBody
  opened_at  TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX carts_one_open ON carts(status) WHERE status = 'open';

CREATE TABLE sales (
  id                   TEXT PRIMARY KEY,
  receipt_no           TEXT NOT NULL UNIQUE,
  cart_id              TEXT NOT NULL UNIQUE REFERENCES carts(id),  -- one sale per cart: exactly-once commit
  cart_version         INTEGER NOT NULL,
  status               TEXT NOT NULL CHECK (status IN ('completed', 'voided')),
  training             INTEGER NOT NULL CHECK (training IN (0, 1)),
  terminal_id          TEXT NOT NULL,
  currency             TEXT NOT NULL,
  pricing_mode         TEXT NOT NULL CHECK (pricing_mode IN ('inclusive', 'exclusive')),
  tax_rounding         TEXT NOT NULL CHECK (tax_rounding IN ('line', 'receipt')),
  order_discount       TEXT,                                       -- JSON Discount or NULL
  gross_minor          INTEGER NOT NULL,
  line_discount_minor  INTEGER NOT NULL,
  order_discount_minor INTEGER NOT NULL,
  tax_minor            INTEGER NOT NULL,
  total_minor          INTEGER NOT NULL,
  completed_at         TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sales_completed_at ON sales(completed_at);

CREATE TABLE sale_lines (
  sale_id              TEXT NOT NULL REFERENCES sales(id),
  line_no              INTEGER NOT NULL,
  line_id              TEXT NOT NULL,
  product_id           TEXT NOT NULL,
  sku                  TEXT NOT NULL,
  name                 TEXT NOT NULL,
  name_en              TEXT,
  unit                 TEXT NOT NULL,
  qty_milli            INTEGER NOT NULL,
  unit_price_minor     INTEGER NOT NULL,
  tax_category_id      TEXT NOT NULL,
  tax_rate_bp          INTEGER NOT NULL,
  discount             TEXT,                                       -- JSON Discount or NULL
  gross_minor          INTEGER NOT NULL,
  line_discount_minor  INTEGER NOT NULL,
  order_discount_minor INTEGER NOT NULL,
  net_minor            INTEGER NOT NULL,
  tax_minor            INTEGER NOT NULL,
  total_minor          INTEGER NOT NULL,
  PRIMARY KEY (sale_id, line_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE tenders (
  sale_id        TEXT NOT NULL REFERENCES sales(id),
  id             TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('cash')),
  amount_minor   INTEGER NOT NULL CHECK (amount_minor >= 0),
  tendered_minor INTEGER NOT NULL CHECK (tendered_minor >= 0),
  change_minor   INTEGER NOT NULL CHECK (change_minor >= 0),
  created_at     TEXT NOT NULL,
  PRIMARY KEY (sale_id, id)
) STRICT, WITHOUT ROWID;

-- Append-only, hash-chained: each hash covers the previous hash and every field. See main/audit/journal.ts.
CREATE TABLE journal (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  kind      TEXT NOT NULL,
  ref       TEXT,
  body      TEXT NOT NULL,                                        -- JSON
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

-- Work for later upload, written in the same transaction as the fact it reports.
-- (Tables written by the sale commit are WITHOUT ROWID where their key is text: one B-tree fewer each,
-- which is fewer pages in the WAL at every commit.)
CREATE TABLE outbox (
  idempotency_key TEXT PRIMARY KEY,                                -- generated and stored before any send
  kind            TEXT NOT NULL,
  ref             TEXT NOT NULL,
  body            TEXT NOT NULL,                                  -- JSON
  state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
`,
};
