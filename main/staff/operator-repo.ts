// Operators on file: cashiers and managers, each with a short numeric code (typed at the approval prompt),
// a name for the journal, a role, and a PIN hash. Adding one is journalled.
import type Database from 'better-sqlite3';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import { hashPin, PIN_PATTERN } from './pin-hash';
import { ROLES, type Role } from './permissions';

export interface Operator {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
  readonly pinHash: string;
  readonly failedAttempts: number;
  readonly lockedUntil: string | null;
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
}

export interface NewOperator {
  readonly code: string;
  readonly name: string;
  readonly role: Role;
  readonly pin: string;
}

const CODE_PATTERN = /^\d{1,6}$/;

const toOperator = (r: Row): Operator => ({
  id: r.id,
  code: r.code,
  name: r.name,
  role: r.role,
  active: r.active === 1,
  pinHash: r.pin_hash,
  failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until,
});

export interface OperatorRepo {
  byCode(code: string): Operator | null;
  list(): Operator[];
  add(input: NewOperator): Operator;
  /** Inside the caller's transaction. */
  recordFailure(id: string, attempts: number, lockedUntil: string | null): void;
  /** Inside the caller's transaction. */
  clearFailures(id: string): void;
}

export function createOperatorRepo(
  db: Database.Database,
  deps: { now: () => Date; newId: () => string },
): OperatorRepo {
  const cols = 'id, code, name, role, active, pin_hash, failed_attempts, locked_until';
  const byCode = db.prepare<[string], Row>(`SELECT ${cols} FROM operators WHERE code = ?`);
  const all = db.prepare<[], Row>(`SELECT ${cols} FROM operators ORDER BY code`);
  const ins = db.prepare(`INSERT INTO operators (id, code, name, role, pin_hash, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const fail = db.prepare(
    'UPDATE operators SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?',
  );
  const clear = db.prepare(
    'UPDATE operators SET failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
  );

  return {
    byCode: (code) => {
      const r = byCode.get(code);
      return r ? toOperator(r) : null;
    },
    list: () => all.all().map(toOperator),
    add(input) {
      if (!CODE_PATTERN.test(input.code)) {
        throw new PosFailure('INVALID_PAYLOAD', 'An operator code is 1 to 6 digits', { code: input.code });
      }
      const name = input.name.trim();
      if (name.length === 0 || name.length > 40) {
        throw new PosFailure('INVALID_PAYLOAD', 'An operator name is 1 to 40 characters');
      }
      if (!ROLES.includes(input.role)) {
        throw new PosFailure('INVALID_PAYLOAD', `Unknown role ${String(input.role)}`);
      }
      if (!PIN_PATTERN.test(input.pin)) throw new PosFailure('INVALID_PAYLOAD', 'A PIN is 4 to 8 digits');
      const pinHash = hashPin(input.pin);
      return db
        .transaction((): Operator => {
          if (byCode.get(input.code)) {
            throw new PosFailure('INVALID_PAYLOAD', `Operator code ${input.code} is taken`, {
              code: input.code,
            });
          }
          const id = deps.newId();
          const at = deps.now().toISOString();
          ins.run(id, input.code, name, input.role, pinHash, at, at);
          appendJournal(db, {
            at,
            kind: 'staff.operator-added',
            ref: id,
            body: { operatorId: id, code: input.code, name, role: input.role },
          });
          const added = byCode.get(input.code);
          if (!added) throw new PosFailure('INTERNAL', 'operator vanished after insert');
          return toOperator(added);
        })
        .immediate();
    },
    recordFailure: (id, attempts, lockedUntil) =>
      void fail.run(attempts, lockedUntil, deps.now().toISOString(), id),
    clearFailures: (id) => void clear.run(deps.now().toISOString(), id),
  };
}
