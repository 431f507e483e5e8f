// Version 11: the open cart's body gets a table of its own (`cart_open`, at most one row).
// Each scan rewrote the body inside `carts`, and each completion shrank it to nothing: SQLite only rebalances
// a page below a third full, so completed carts sat in pages about a third used, ~380 bytes a sale forever.
// Now a cart row is written once at ~110 bytes and changed once at its close; the growing, shrinking body
// lives in one row that is deleted at the close (an abandoned cart's body is moved into its `carts` row, as
// the record of what was rung up and not sold).
import type { Migration } from './types';

export const m011OpenCartBody: Migration = {
  version: 11,
  name: 'open-cart-body',
  sql: `
CREATE TABLE cart_open (
  slot       INTEGER PRIMARY KEY CHECK (slot = 1),                -- one open cart at most
  cart_id    TEXT NOT NULL REFERENCES carts(id),                 -- no index: the one row is found by slot
  version    INTEGER NOT NULL,
  body       TEXT NOT NULL,                                       -- JSON CartBody
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO cart_open (slot, cart_id, version, body, updated_at)
  SELECT 1, id, version, body, updated_at FROM carts WHERE status = 'open';
UPDATE carts SET body = '' WHERE status = 'open';
`,
};
