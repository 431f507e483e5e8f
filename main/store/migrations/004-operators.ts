// Version 4: operators (cashiers and managers) and what guards their PINs. A manager's PIN approves the
// actions that need a permission of their own (no-sale drawer, reprint of a past receipt; later overrides).
// See main/staff/ and docs/decisions/0008-operators-and-approvals.md.
import type { Migration } from './types';

export const m004Operators: Migration = {
  version: 4,
  name: 'operators',
  sql: `
CREATE TABLE operators (
  id              TEXT PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE CHECK (code GLOB '[0-9]*' AND length(code) BETWEEN 1 AND 6),
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  role            TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
  pin_hash        TEXT NOT NULL,                                  -- scrypt; see main/staff/pin-hash.ts
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until    TEXT,                                           -- ISO instant; NULL when not locked
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`,
};
