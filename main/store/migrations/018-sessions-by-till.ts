// Version 18: the sign-ins of a till in time order (main/staff/session-repo.ts `lastOperator`: who signed in
// last, whose parked cart a switch of user hands back). operator_sessions keeps every sign-in for good (a few
// a day, every day), so finding the last one must not walk them all: one probe at the index's right edge.
import type { Migration } from './types';

export const m018SessionsByTill: Migration = {
  version: 18,
  name: 'sessions-by-till',
  sql: `CREATE INDEX operator_sessions_till ON operator_sessions(terminal_id, signed_in_at, id);`,
};
