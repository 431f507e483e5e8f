// Rows of operator_sessions (migration 013): one per sign-in, at most one open per till. Rows only: when a
// session starts, locks and ends is decided in sessions.ts. Writers run inside the caller's transaction.
import type Database from 'better-sqlite3';
import type { SignInMethod } from '../api/contract';

export type SessionEnd = 'sign-out' | 'replaced' | 'disabled';

export interface SessionRow {
  readonly id: string;
  readonly operatorId: string;
  readonly method: SignInMethod;
  readonly signedInAt: string;
  /** when the till locked during this session (idle or asked for), null while unlocked */
  readonly lockedAt: string | null;
}

export interface SessionRepo {
  /** The till's open session, if any. */
  open(terminalId: string): SessionRow | null;
  insert(terminalId: string, row: Omit<SessionRow, 'lockedAt'>): void;
  /** Locks the till's open session; true when one was open and unlocked. */
  lock(terminalId: string, at: string): boolean;
  /** who signed in last at this till (signed in now or not), null when nobody ever did */
  lastOperator(terminalId: string): string | null;
  /** Ends the till's open session (if any); true when one was open. */
  end(terminalId: string, by: SessionEnd, at: string): boolean;
}

interface Row {
  id: string;
  operator_id: string;
  method: SignInMethod;
  signed_in_at: string;
  locked_at: string | null;
}

export function createSessionRepo(db: Database.Database): SessionRepo {
  const open = db.prepare<
    [string],
    Row
  >(`SELECT id, operator_id, method, signed_in_at, locked_at FROM operator_sessions
    WHERE terminal_id = ? AND ended_at IS NULL`);
  const ins = db.prepare(`INSERT INTO operator_sessions (id, terminal_id, operator_id, method, signed_in_at)
    VALUES (?, ?, ?, ?, ?)`);
  const end = db.prepare(`UPDATE operator_sessions SET ended_at = ?, ended_by = ?
    WHERE terminal_id = ? AND ended_at IS NULL`);
  const lock = db.prepare(`UPDATE operator_sessions SET locked_at = ?
    WHERE terminal_id = ? AND ended_at IS NULL AND locked_at IS NULL`);
  // A few rows a day per till: no index beyond the open session's.
  const last = db.prepare<[string], { operator_id: string }>(`SELECT operator_id FROM operator_sessions
    WHERE terminal_id = ? ORDER BY signed_in_at DESC, id DESC LIMIT 1`);
  return {
    open(terminalId) {
      const r = open.get(terminalId);
      if (!r) return null;
      return {
        id: r.id,
        operatorId: r.operator_id,
        method: r.method,
        signedInAt: r.signed_in_at,
        lockedAt: r.locked_at,
      };
    },
    insert: (terminalId, r) => void ins.run(r.id, terminalId, r.operatorId, r.method, r.signedInAt),
    end: (terminalId, by, at) => end.run(at, by, terminalId).changes > 0,
    lock: (terminalId, at) => lock.run(at, terminalId).changes > 0,
    lastOperator: (terminalId) => last.get(terminalId)?.operator_id ?? null,
  };
}
