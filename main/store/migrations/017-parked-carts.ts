// Version 17: switching user parks a cart for its owner (issue 13, sign-in). `carts` gains a `parked` status
// and `owner_operator_id` (who the parked cart comes back to); its CHECK on status means a table rebuild, as
// in migration 007 (foreign keys off: sales, payment_attempts and cart_open reference carts; rowids kept, as
// the idle compaction walks them). The new column is last and NULL on every cart that is not parked, and the
// one new index is partial on `parked`: the sale commit (open cart inserted, then completed) writes the same
// B-trees as before. operator_sessions gains `locked_at`: an idle or asked-for lock survives a restart.
import type { Migration } from './types';

export const m017ParkedCarts: Migration = {
  version: 17,
  name: 'parked-carts',
  foreignKeysOff: true,
  sql: `
CREATE TABLE carts_v17 (
  id                TEXT PRIMARY KEY,
  status            TEXT NOT NULL CHECK (status IN ('open', 'completed', 'abandoned', 'parked')),
  version           INTEGER NOT NULL,
  body              TEXT NOT NULL,                                -- JSON CartBody (a parked cart's too)
  opened_at         TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  owner_operator_id TEXT,                                         -- operators.id; set when parked
  CHECK (status <> 'parked' OR owner_operator_id IS NOT NULL)
) STRICT;
INSERT INTO carts_v17 (rowid, id, status, version, body, opened_at, updated_at)
  SELECT rowid, id, status, version, body, opened_at, updated_at FROM carts;
DROP TABLE carts;
ALTER TABLE carts_v17 RENAME TO carts;
CREATE UNIQUE INDEX carts_one_open ON carts(status) WHERE status = 'open';
CREATE UNIQUE INDEX carts_parked_owner ON carts(owner_operator_id) WHERE status = 'parked';
ALTER TABLE operator_sessions ADD COLUMN locked_at TEXT;        -- NULL: not locked
`,
};
