// Operators on file: each with a short numeric code (typed at the approval prompt), a name for the journal, a
// role, a PIN hash and the record of wrong PINs. Rows only: the rules for changing them are in
// staff-directory.ts, the lock arithmetic in lockout.ts. Writers run inside the caller's transaction.
import type Database from 'better-sqlite3';
import { PosFailure } from '../api/result';
import type { LockState } from './lockout';
import { ROLES, type Role } from './permissions';

export interface Operator extends LockState {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
  readonly pinHash: string;
}

interface Row {
  id: string;
  code: string;
  name: string;
  role: Role;
  active: number;
  pin_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  lockouts: number;
}

export interface NewOperatorRow {
  readonly code: string;
  readonly name: string;
  readonly role: Role;
  readonly pinHash: string;
}

export const OPERATOR_CODE = /^\d{1,6}$/;

const toOperator = (r: Row): Operator => ({
  id: r.id,
  code: r.code,
  name: r.name,
  role: r.role,
  active: r.active === 1,
  pinHash: r.pin_hash,
  failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until,
  lockouts: r.lockouts,
});

/** The checks a new row must pass (the table's CHECKs say the same, less kindly). */
export function checkOperatorFields(f: { code: string; name: string; role: Role }): string {
  if (!OPERATOR_CODE.test(f.code)) {
    throw new PosFailure('INVALID_PAYLOAD', 'An operator code is 1 to 6 digits', { code: f.code });
  }
  const name = f.name.trim();
  if (name.length === 0 || name.length > 40) {
    throw new PosFailure('INVALID_PAYLOAD', 'An operator name is 1 to 40 characters');
  }
  if (!ROLES.includes(f.role)) throw new PosFailure('INVALID_PAYLOAD', `Unknown role ${String(f.role)}`);
  return name;
}

export interface OperatorRepo {
  byCode(code: string): Operator | null;
  byId(id: string): Operator | null;
  list(): Operator[];
  insert(row: NewOperatorRow): Operator;
  setLock(id: string, lock: LockState): void;
  setPinHash(id: string, pinHash: string): void;
  setRole(id: string, role: Role): void;
  setActive(id: string, active: boolean): void;
  /** Active managers and owners on file. */
  activeSeniors(): number;
}

export function createOperatorRepo(
  db: Database.Database,
  deps: { now: () => Date; newId: () => string },
): OperatorRepo {
  const cols = 'id, code, name, role, active, pin_hash, failed_attempts, locked_until, lockouts';
  const byCode = db.prepare<[string], Row>(`SELECT ${cols} FROM operators WHERE code = ?`);
  const byId = db.prepare<[string], Row>(`SELECT ${cols} FROM operators WHERE id = ?`);
  const all = db.prepare<[], Row>(`SELECT ${cols} FROM operators ORDER BY code`);
  const ins = db.prepare(`INSERT INTO operators (id, code, name, role, pin_hash, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const lock = db.prepare(
    'UPDATE operators SET failed_attempts = ?, locked_until = ?, lockouts = ?, updated_at = ? WHERE id = ?',
  );
  const set = (column: 'pin_hash' | 'role' | 'active') =>
    db.prepare(`UPDATE operators SET ${column} = ?, updated_at = ? WHERE id = ?`);
  const [pin, role, active] = [set('pin_hash'), set('role'), set('active')];
  const seniors = db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM operators WHERE active = 1 AND role IN ('manager', 'owner')`,
  );
  const at = (): string => deps.now().toISOString();
  const one = (r: Row | undefined): Operator | null => (r ? toOperator(r) : null);

  return {
    byCode: (code) => one(byCode.get(code)),
    byId: (id) => one(byId.get(id)),
    list: () => all.all().map(toOperator),
    insert(row) {
      const id = deps.newId();
      ins.run(id, row.code, row.name, row.role, row.pinHash, at(), at());
      const added = byId.get(id);
      if (!added) throw new PosFailure('INTERNAL', 'operator vanished after insert');
      return toOperator(added);
    },
    setLock: (id, l) => void lock.run(l.failedAttempts, l.lockedUntil, l.lockouts, at(), id),
    setPinHash: (id, hash) => void pin.run(hash, at(), id),
    setRole: (id, r) => void role.run(r, at(), id),
    setActive: (id, a) => void active.run(a ? 1 : 0, at(), id),
    activeSeniors: () => seniors.get()?.n ?? 0,
  };
}
