// Rows of operator_sessions (migration 013): one per sign-in, at most one open per till. Rows only: when a
// session starts and ends is decided in sessions.ts. Writers run inside the caller's transaction.
import type Database from 'better-sqlite3';
import type { SignInMethod } from '../api/contract';

export type SessionEnd = 'sign-out' | 'replaced' | 'disabled';

export interface SessionRow {
  readonly id: string;
  readonly operatorId: string;
  readonly method: SignInMethod;
  readonly signedInAt: string;
}

export interface SessionRepo {
  /** The till's open session, if any. */
  open(terminalId: string): SessionRow | null;
  insert(terminalId: string, row: SessionRow): void;
  /** Ends the till's open session (if any); true when one was open. */
  end(terminalId: string, by: SessionEnd, at: string): boolean;
}

interface Row {
  id: string;
  operator_id: string;
  method: SignInMethod;
  signed_in_at: string;
}

export function createSessionRepo(db: Database.Database): SessionRepo {
  const open = db.prepare<[string], Row>(`SELECT id, operator_id, method, signed_in_at FROM operator_sessions
    WHERE terminal_id = ? AND ended_at IS NULL`);
  const ins = db.prepare(`INSERT INTO operator_sessions (id, terminal_id, operator_id, method, signed_in_at)
    VALUES (?, ?, ?, ?, ?)`);
  const end = db.prepare(`UPDATE operator_sessions SET ended_at = ?, ended_by = ?
    WHERE terminal_id = ? AND ended_at IS NULL`);
  return {
    open(terminalId) {
      const r = open.get(terminalId);
      return r ? { id: r.id, operatorId: r.operator_id, method: r.method, signedInAt: r.signed_in_at } : null;
    },
    insert: (terminalId, r) => void ins.run(r.id, terminalId, r.operatorId, r.method, r.signedInAt),
    end: (terminalId, by, at) => end.run(at, by, terminalId).changes > 0,
  };
}
