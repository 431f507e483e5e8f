// Version 12: staff managed in the app (issue 12). Roles widen to cashier, supervisor, manager and owner, and
// each operator keeps how many lockouts they have had in a row (`lockouts`), so the next lock lasts longer
// (5 min, 15 min, 1 h, 4 h; main/staff/lockout.ts). SQLite cannot change a CHECK in place: the table is
// rebuilt with its rows (nothing references it by foreign key). The PIN hash keeps its own scheme prefix
// (main/staff/pin-hash.ts), so older hashes stay valid until the operator's next sign-in rewrites them.
import type { Migration } from './types';

export const m012StaffRoles: Migration = {
  version: 12,
  name: 'staff-roles',
  sql: `
CREATE TABLE operators_new (
  id              TEXT PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE CHECK (code GLOB '[0-9]*' AND length(code) BETWEEN 1 AND 6),
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  role            TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager', 'owner')),
  pin_hash        TEXT NOT NULL,                                  -- scheme-prefixed; see main/staff/pin-hash.ts
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until    TEXT,                                           -- ISO instant; NULL when not locked
  lockouts        INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0), -- locks in a row; reset by a good PIN
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO operators_new (id, code, name, role, pin_hash, active, failed_attempts, locked_until, created_at, updated_at)
  SELECT id, code, name, role, pin_hash, active, failed_attempts, locked_until, created_at, updated_at FROM operators;
DROP TABLE operators;
ALTER TABLE operators_new RENAME TO operators;
`,
};
