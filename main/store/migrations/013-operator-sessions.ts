// Version 13: who is signed in at the till (issue 13, sign-in). One row per sign-in, kept after it ends so a
// day's report can say who sold when; at most one open session per till (a partial unique index). Sales and
// refunds gain a nullable `operator_id`, filled from the open session in the sale's own transaction: NULL when
// nobody was signed in (training, and every sale before this version). No index on it: the sale commit's
// B-tree count stays as it was (per-cashier figures are summarised as sales commit, issue 13 point 4).
// operator_id has no foreign key: training mode's demo manager signs in without a row (main/staff/
// training-staff.ts), and a sale's commit should not pay for a lookup in operators.
import type { Migration } from './types';

export const m013OperatorSessions: Migration = {
  version: 13,
  name: 'operator-sessions',
  sql: `
CREATE TABLE operator_sessions (
  id           TEXT PRIMARY KEY,
  terminal_id  TEXT NOT NULL,
  operator_id  TEXT NOT NULL,                                   -- operators.id (or the training demo manager)
  method       TEXT NOT NULL CHECK (method IN ('pin', 'badge')),
  signed_in_at TEXT NOT NULL,
  ended_at     TEXT,                                            -- NULL while signed in
  ended_by     TEXT CHECK (ended_by IN ('sign-out', 'replaced', 'disabled')),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL))
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX operator_sessions_open ON operator_sessions(terminal_id) WHERE ended_at IS NULL;
ALTER TABLE sales ADD COLUMN operator_id TEXT;
ALTER TABLE refunds ADD COLUMN operator_id TEXT;
`,
};
