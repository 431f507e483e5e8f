// Where a privileged action is allowed or refused. The person approving types their operator code and PIN;
// the approval holds for that one action only, and the action's journal entry names who approved it.
// Five wrong PINs in a row lock that operator for five minutes; every refusal is journalled, so a PIN being
// guessed at the counter is on record.
import type { Database } from '../store/db';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import type { Operator, OperatorRepo } from './operator-repo';
import { roleMay, type Permission, type Role } from './permissions';
import { verifyPin } from './pin-hash';

export const MAX_FAILED_PINS = 5;
export const LOCKOUT_MS = 5 * 60_000;

export interface ApprovalInput {
  readonly operatorCode: string;
  readonly pin: string;
}

/** Who approved; goes into the journal entry of the approved action. */
export interface Approver {
  readonly operatorId: string;
  readonly code: string;
  readonly name: string;
  readonly role: Role;
  readonly permission: Permission;
}

export interface Approvals {
  /** Returns the approver, or throws APPROVAL_DENIED / APPROVAL_LOCKED (after journalling the refusal). */
  approve(permission: Permission, input: ApprovalInput): Approver;
}

export function createApprovals(deps: {
  readonly db: Database;
  readonly operators: OperatorRepo;
  readonly now: () => Date;
  /** Training mode's in-memory demo manager (training-staff.ts); it has no row, so no lockout counter. */
  readonly training?: () => Operator;
}): Approvals {
  const { db, operators } = deps;
  const find = (code: string): Operator | null => {
    const t = deps.training?.();
    return t?.code === code ? t : operators.byCode(code);
  };
  const persisted = (op: Operator): string | null => (op === deps.training?.() ? null : op.id);

  const refuse = (
    permission: Permission,
    code: string,
    reason: string,
    operatorId: string | null,
    lock?: { attempts: number; lockedUntil: string | null },
  ): void => {
    db.transaction(() => {
      if (operatorId !== null && lock) operators.recordFailure(operatorId, lock.attempts, lock.lockedUntil);
      appendJournal(db, {
        at: deps.now().toISOString(),
        kind: 'staff.approval-refused',
        ref: operatorId,
        body: { permission, operatorCode: code, reason },
      });
    }).immediate();
  };

  return {
    approve(permission, input) {
      const now = deps.now();
      const op = find(input.operatorCode);
      if (!op || !op.active) {
        refuse(permission, input.operatorCode, 'unknown-operator', null);
        // The same answer as a wrong PIN: the prompt does not tell which codes exist.
        throw new PosFailure('APPROVAL_DENIED', 'Operator code or PIN is wrong', { permission });
      }
      if (op.lockedUntil !== null && Date.parse(op.lockedUntil) > now.getTime()) {
        refuse(permission, op.code, 'locked', persisted(op));
        throw new PosFailure('APPROVAL_LOCKED', `Operator ${op.code} is locked after wrong PINs`, {
          permission,
          lockedUntil: op.lockedUntil,
        });
      }
      if (!verifyPin(input.pin, op.pinHash)) {
        // A lock that has run out starts a fresh count.
        const expired = op.lockedUntil !== null;
        const attempts = (expired ? 0 : op.failedAttempts) + 1;
        const lockedUntil =
          attempts >= MAX_FAILED_PINS ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
        refuse(permission, op.code, 'wrong-pin', persisted(op), { attempts, lockedUntil });
        if (lockedUntil !== null) {
          throw new PosFailure('APPROVAL_LOCKED', `Operator ${op.code} is locked after wrong PINs`, {
            permission,
            lockedUntil,
          });
        }
        throw new PosFailure('APPROVAL_DENIED', 'Operator code or PIN is wrong', {
          permission,
          attemptsLeft: MAX_FAILED_PINS - attempts,
        });
      }
      if (!roleMay(op.role, permission)) {
        refuse(permission, op.code, 'not-permitted', persisted(op), { attempts: 0, lockedUntil: null });
        throw new PosFailure('APPROVAL_DENIED', `Operator ${op.code} may not approve ${permission}`, {
          permission,
          notPermitted: true,
        });
      }
      if (persisted(op) !== null && (op.failedAttempts > 0 || op.lockedUntil !== null)) {
        db.transaction(() => operators.clearFailures(op.id)).immediate();
      }
      return { operatorId: op.id, code: op.code, name: op.name, role: op.role, permission };
    },
  };
}

/** The journal's record of an approval (kept small: no PIN, no hash). */
export const approvedBy = (a: Approver): { operatorId: string; code: string; name: string } => ({
  operatorId: a.operatorId,
  code: a.code,
  name: a.name,
});
