// Version 14: shifts and cash control (issue 13, point 2; main/shifts/). A shift is one drawer's working
// period: opened with a float counted by denomination, cash moved in and out with reasons, closed with a blind
// count. Its state (open -> closing -> closed, main/shifts/states.ts) is the row's; at most one shift that is
// not closed per drawer (a partial unique index), so a second open is refused by the store itself.
// The expected cash is computed from the tenders and refunds of the shift's window: cash sales through
// sales_completed_at and the tenders' primary key, cash refunds through a partial index on the completed
// cash refunds' completion time (added here), so a close never walks the history.
import type { Migration } from './types';

export const m014Shifts: Migration = {
  version: 14,
  name: 'shifts',
  sql: `
CREATE TABLE shifts (
  id             TEXT PRIMARY KEY,
  drawer_id      TEXT NOT NULL CHECK (length(drawer_id) BETWEEN 1 AND 32),
  state          TEXT NOT NULL CHECK (state IN ('open', 'closing', 'closed')),
  currency       TEXT NOT NULL,
  float_counts   TEXT NOT NULL,                              -- JSON { denominationId: count }
  float_minor    INTEGER NOT NULL CHECK (float_minor >= 0),
  opened_at      TEXT NOT NULL,
  opened_by      TEXT,                                       -- JSON approver when the float needed one
  counted_counts TEXT,                                       -- JSON { denominationId: count }: the blind count
  counted_minor  INTEGER CHECK (counted_minor >= 0),
  expected       TEXT,                                       -- JSON: the expected cash and its parts, at the count
  expected_minor INTEGER,
  counted_at     TEXT,
  closed_at      TEXT,
  sign_off       TEXT,                                       -- JSON { note, approvedBy } when the variance needed one
  updated_at     TEXT NOT NULL,
  CHECK ((state = 'open') = (counted_at IS NULL)),
  CHECK ((counted_at IS NULL) = (counted_minor IS NULL)),
  CHECK ((counted_at IS NULL) = (expected_minor IS NULL)),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL))
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX shifts_one_live ON shifts(drawer_id) WHERE state <> 'closed';

CREATE TABLE cash_movements (
  id           TEXT PRIMARY KEY,
  shift_id     TEXT NOT NULL REFERENCES shifts(id),
  kind         TEXT NOT NULL CHECK (kind IN ('paid_in', 'paid_out', 'drop')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  reason       TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  approved_by  TEXT,                                         -- JSON approver when over the threshold
  created_at   TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX cash_movements_shift ON cash_movements(shift_id, kind);

CREATE INDEX refunds_cash_completed ON refunds(completed_at) WHERE tender_kind = 'cash' AND state = 'completed';
`,
};
