// Where a privileged action is allowed or refused. The person approving types their operator code and PIN;
// the approval holds for that one action only, and the action's journal entry names who approved it.
// The prompt tells a guesser nothing: an unknown (or disabled) code, a wrong PIN, and a right PIN of someone
// whose role may not approve this all get the same answer after the same work (one KDF each, pin-hash.ts),
// and all count towards the same escalating lock (lockout.ts), an unknown code's in memory. Only the journal
// records which it was, so a PIN being guessed at the counter is on record. Signing in at the till (sessions.ts)
// is the same check without a permission: a cashier's sign-in and a manager's approval share one lock.
import type { Database } from '../store/db';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import { afterFailure, CLEAR_LOCK, isLocked, type LockState } from './lockout';
import type { Operator, OperatorRepo } from './operator-repo';
import { roleMay, type Permission, type Role } from './permissions';
import type { PinHasher } from './pin-hash';

export { MAX_FAILED_PINS } from './lockout';

export interface ApprovalInput {
  readonly operatorCode: string;
  readonly pin: string;
}

/** Who is signed in at the till (sessions.ts), as the journal records it. */
export interface SignedInRef {
  readonly operatorId: string;
  readonly code: string;
}

/** The operator a code and PIN belong to, checked. */
export interface VerifiedOperator {
  readonly operatorId: string;
  readonly code: string;
  readonly name: string;
  readonly role: Role;
}

/** Who approved; goes into the journal entry of the approved action. */
export interface Approver extends VerifiedOperator {
  readonly permission: Permission;
  /** who was signed in at the till when it was approved (null: nobody, e.g. training) */
  readonly signedIn: SignedInRef | null;
}

/** What a sign-in checks the PIN for: a purpose no role lacks (journalled like a permission). */
export const SIGN_IN = 'session.signIn';
type Purpose = Permission | typeof SIGN_IN;

export interface Approvals {
  /** Returns the approver, or throws APPROVAL_DENIED / APPROVAL_LOCKED (after journalling the refusal). */
  approve(permission: Permission, input: ApprovalInput): Approver;
  /** Any active operator's own code and PIN (a sign-in): the same answers, work, lock and journal as approve. */
  verify(input: ApprovalInput): VerifiedOperator;
}

type Refusal = 'unknown-operator' | 'inactive-operator' | 'locked' | 'wrong-pin' | 'not-permitted';

/** Unknown codes tried lately (bounded): they lock like real ones, so a lock does not reveal a real code. */
const PHANTOMS_KEPT = 1000;

export function createApprovals(deps: {
  readonly db: Database;
  readonly operators: OperatorRepo;
  readonly hasher: PinHasher;
  readonly now: () => Date;
  /** Training mode's in-memory demo manager (training-staff.ts); it has no row, so no lockout counter. */
  readonly training?: () => Operator;
  /** the till's signed-in operator (sessions.ts), recorded with every approval and refusal */
  readonly signedIn?: () => SignedInRef | null;
}): Approvals {
  const { db, operators, hasher } = deps;
  const phantoms = new Map<string, LockState>();
  const find = (code: string): Operator | null => {
    const t = deps.training?.();
    return t?.code === code ? t : operators.byCode(code);
  };
  const onFile = (op: Operator): boolean => op !== deps.training?.();

  const signedIn = (): SignedInRef | null => deps.signedIn?.() ?? null;
  const journalRefusal = (permission: Purpose, code: string, reason: Refusal, ref: string | null): void => {
    const by = signedIn();
    appendJournal(db, {
      at: deps.now().toISOString(),
      kind: 'staff.approval-refused',
      ref,
      body: { permission, operatorCode: code, reason, ...(by ? { signedIn: by } : {}) },
    });
  };

  /** The one answer every refusal gets (only lockedUntil, when locked, differs). */
  const answer = (permission: Purpose, lock: LockState): PosFailure =>
    lock.lockedUntil !== null
      ? new PosFailure('APPROVAL_LOCKED', 'This operator code is locked after wrong PINs', {
          permission,
          lockedUntil: lock.lockedUntil,
        })
      : new PosFailure('APPROVAL_DENIED', 'Operator code or PIN is wrong', { permission });

  const refuseUnknown = (permission: Purpose, code: string, reason: Refusal, ref: string | null): never => {
    const now = deps.now();
    const was = phantoms.get(code) ?? CLEAR_LOCK;
    const next = isLocked(was, now) ? was : afterFailure(was, now);
    phantoms.delete(code);
    phantoms.set(code, next);
    if (phantoms.size > PHANTOMS_KEPT) phantoms.delete(phantoms.keys().next().value ?? '');
    db.transaction(() =>
      journalRefusal(permission, code, isLocked(was, now) ? 'locked' : reason, ref),
    ).immediate();
    throw answer(permission, next);
  };

  const check = (permission: Purpose, input: ApprovalInput): VerifiedOperator => {
    const now = deps.now();
    const op = find(input.operatorCode);
    if (!op || !op.active) {
      hasher.verifyNobody(input.pin);
      const reason = op ? 'inactive-operator' : 'unknown-operator';
      return refuseUnknown(permission, input.operatorCode, reason, op?.id ?? null);
    }
    // Checked even while locked: every path costs the same.
    const pinCheck = hasher.verify(input.pin, op.pinHash);
    if (isLocked(op, now)) {
      db.transaction(() => journalRefusal(permission, op.code, 'locked', op.id)).immediate();
      throw answer(permission, op);
    }
    if (pinCheck === 'wrong' || (permission !== SIGN_IN && !roleMay(op.role, permission))) {
      const next = afterFailure(op, now);
      db.transaction(() => {
        if (onFile(op)) operators.setLock(op.id, next);
        journalRefusal(permission, op.code, pinCheck === 'wrong' ? 'wrong-pin' : 'not-permitted', op.id);
      }).immediate();
      throw answer(permission, onFile(op) ? next : CLEAR_LOCK);
    }
    if (onFile(op)) {
      const clean = op.failedAttempts === 0 && op.lockedUntil === null && op.lockouts === 0;
      // A hash in an older scheme or cost is rewritten now, while the PIN is at hand (pin-hash.ts).
      const rehash = pinCheck === 'rehash' ? hasher.hash(input.pin) : null;
      if (!clean || rehash !== null) {
        db.transaction(() => {
          if (!clean) operators.setLock(op.id, CLEAR_LOCK);
          if (rehash !== null) operators.setPinHash(op.id, rehash);
        }).immediate();
      }
    }
    return { operatorId: op.id, code: op.code, name: op.name, role: op.role };
  };

  return {
    approve: (permission, input) => ({ ...check(permission, input), permission, signedIn: signedIn() }),
    verify: (input) => check(SIGN_IN, input),
  };
}

/** The journal's record of an approval (kept small: no PIN, no hash); `signedIn` only when someone was. */
export const approvedBy = (
  a: Approver,
): { operatorId: string; code: string; name: string; signedIn?: SignedInRef } => ({
  operatorId: a.operatorId,
  code: a.code,
  name: a.name,
  ...(a.signedIn ? { signedIn: a.signedIn } : {}),
});
