// Version 7: two changes that take pages off every sale commit (bench/sale-commit.bench.ts).
// 1. `carts` becomes a rowid table. WITHOUT ROWID keeps at most ~1,000 bytes of a row in its leaf, and a
//    5-line cart body is ~1,500: every cart lived half in an overflow page, rewritten by every scan and by
//    the close at the sale commit. A rowid table keeps rows up to ~4,000 bytes in the leaf. `sales` and
//    `payment_attempts` reference carts, so this migration runs with foreign keys off (SQLite's documented
//    table-rebuild procedure) and checks them before it commits.
// 2. The journal head moves from `settings` (JSON) to `counters` (seq + hash), next to the receipt counter:
//    both change at every sale, and now they share one page.
import type { Migration } from './types';

export const m007CartsInRow: Migration = {
  version: 7,
  name: 'carts-in-row',
  foreignKeysOff: true,
  sql: `
CREATE TABLE carts_v7 (
  id         TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('open', 'completed', 'abandoned')),
  version    INTEGER NOT NULL,
  body       TEXT NOT NULL,                                       -- JSON CartBody
  opened_at  TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO carts_v7 (id, status, version, body, opened_at, updated_at)
  SELECT id, status, version, body, opened_at, updated_at FROM carts;
DROP TABLE carts;
ALTER TABLE carts_v7 RENAME TO carts;
CREATE UNIQUE INDEX carts_one_open ON carts(status) WHERE status = 'open';

ALTER TABLE counters ADD COLUMN hash TEXT;                       -- the journal head's hash; NULL otherwise
INSERT INTO counters (name, value, hash)
  SELECT 'journal.head', json_extract(value, '$.seq'), json_extract(value, '$.hash')
  FROM settings WHERE key = 'journal.head' AND json_valid(value)
    AND json_type(value, '$.seq') = 'integer' AND json_type(value, '$.hash') = 'text';
DELETE FROM settings WHERE key = 'journal.head';
`,
};
