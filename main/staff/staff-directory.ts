// The staff screen's changes, each approved and journalled with who did what: add an operator, disable or
// enable, set a new PIN, change a role, clear a lock. A manager approves (`staff.manage`); when an owner is
// involved (the operator is or becomes one) only an owner may (`staff.manageOwner`). New PINs pass the PIN
// policy (pin-policy.ts) before anyone's PIN is asked for; the shop always keeps an active manager or owner.
import type { StaffListView, StaffView } from '../api/contract';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import type { Database } from '../store/db';
import { approvedBy, type ApprovalInput, type Approvals, type Approver } from './approvals';
import { CLEAR_LOCK, isLocked } from './lockout';
import { checkOperatorFields, type Operator, type OperatorRepo } from './operator-repo';
import { isSeniorRole, type Permission, type Role } from './permissions';
import type { PinHasher } from './pin-hash';
import { assertPinAllowed, pinMinLength } from './pin-policy';

export interface NewStaff {
  readonly code: string;
  readonly name: string;
  readonly role: Role;
  readonly pin: string;
}

export interface StaffDirectory {
  list(approval: ApprovalInput): StaffListView;
  add(input: NewStaff, approval: ApprovalInput): StaffListView;
  setActive(operatorId: string, active: boolean, approval: ApprovalInput): StaffListView;
  setPin(operatorId: string, pin: string, approval: ApprovalInput): StaffListView;
  setRole(operatorId: string, role: Role, pin: string | undefined, approval: ApprovalInput): StaffListView;
  clearLock(operatorId: string, approval: ApprovalInput): StaffListView;
  /**
   * Set-up: the first manager or owner of a shop that has no active one on file, without an approval (there
   * is no one to give it). Refused (STAFF_CONFLICT 'has-manager') once there is one. Journalled.
   */
  addFirstManager(input: NewStaff): StaffListView;
  /** `npm run staff add` (main/staff/cli.ts): whoever holds the data folder; journalled as from the command line. */
  addFromCommandLine(input: NewStaff): StaffListView;
}

const permissionFor = (...roles: Role[]): Permission =>
  roles.includes('owner') ? 'staff.manageOwner' : 'staff.manage';

export function createStaffDirectory(deps: {
  readonly db: Database;
  readonly operators: OperatorRepo;
  readonly approvals: Approvals;
  readonly hasher: PinHasher;
  readonly now: () => Date;
}): StaffDirectory {
  const { db, operators, approvals, hasher, now } = deps;

  const view = (op: Operator): StaffView => ({
    operatorId: op.id,
    code: op.code,
    name: op.name,
    role: op.role,
    active: op.active,
    failedAttempts: op.failedAttempts,
    lockedUntil: isLocked(op, now()) ? op.lockedUntil : null,
    lockouts: op.lockouts,
  });
  const listView = (): StaffListView => ({ operators: operators.list().map(view) });

  const target = (operatorId: string): Operator => {
    const op = operators.byId(operatorId);
    if (!op) throw new PosFailure('NOT_FOUND', `No operator ${operatorId}`, { operatorId });
    return op;
  };
  const conflict = (reason: string, message: string): PosFailure =>
    new PosFailure('STAFF_CONFLICT', message, { reason });

  /** The change (answering the operator it changed) and its journal entry in one transaction. */
  const commit = (
    kind: string,
    by: Approver | null,
    change: () => Operator,
    body: Record<string, unknown> = {},
  ) =>
    db
      .transaction((): StaffListView => {
        const op = change();
        appendJournal(db, {
          at: now().toISOString(),
          kind,
          ref: op.id,
          body: { operatorId: op.id, code: op.code, ...body, approvedBy: by ? approvedBy(by) : null },
        });
        return listView();
      })
      .immediate();

  /** Keeps at least one active manager or owner: disabling or demoting the last one is refused. */
  const keepASenior = (op: Operator, stillSenior: boolean): void => {
    if (op.active && isSeniorRole(op.role) && !stillSenior && operators.activeSeniors() <= 1) {
      throw conflict('last-manager', 'The shop needs at least one active manager or owner');
    }
  };

  const insert = (input: NewStaff, by: Approver | null, guard: () => void, via?: string): StaffListView => {
    const name = checkOperatorFields(input);
    assertPinAllowed(input.pin, input.role, input.code);
    const pinHash = hasher.hash(input.pin);
    return commit(
      'staff.operator-added',
      by,
      () => {
        guard();
        if (operators.byCode(input.code))
          throw conflict('code-taken', `Operator code ${input.code} is taken`);
        return operators.insert({ code: input.code, name, role: input.role, pinHash });
      },
      { name, role: input.role, ...(via ? { via } : {}) },
    );
  };

  /** Approves a change to `op` (an owner's approval when an owner is involved), then makes it. */
  const approved = (approval: ApprovalInput, op: Operator, ...roles: Role[]): Approver =>
    approvals.approve(permissionFor(op.role, ...roles), approval);

  return {
    list: (approval) => {
      approvals.approve('staff.manage', approval);
      return db.transaction(listView)();
    },
    add(input, approval) {
      checkOperatorFields(input);
      assertPinAllowed(input.pin, input.role, input.code);
      const by = approvals.approve(permissionFor(input.role), approval);
      return insert(input, by, () => undefined);
    },
    addFirstManager(input) {
      if (!isSeniorRole(input.role))
        throw conflict('not-a-manager', 'The first operator is a manager or owner');
      const guard = (): void => {
        if (operators.activeSeniors() > 0) throw conflict('has-manager', 'This shop has a manager already');
      };
      return insert(input, null, guard, 'setup');
    },
    addFromCommandLine: (input) => insert(input, null, () => undefined, 'command-line'),
    setActive(operatorId, active, approval) {
      const op = target(operatorId);
      const by = approved(approval, op);
      return commit(active ? 'staff.operator-enabled' : 'staff.operator-disabled', by, () => {
        const cur = target(operatorId);
        if (!active) keepASenior(cur, false);
        operators.setActive(cur.id, active);
        return cur;
      });
    },
    setPin(operatorId, pin, approval) {
      const op = target(operatorId);
      assertPinAllowed(pin, op.role, op.code);
      const by = approved(approval, op);
      const pinHash = hasher.hash(pin);
      // A new PIN also ends a lock: the person locked out is standing beside the manager who set it.
      return commit('staff.pin-changed', by, () => {
        operators.setPinHash(op.id, pinHash);
        operators.setLock(op.id, CLEAR_LOCK);
        return target(operatorId);
      });
    },
    setRole(operatorId, role, pin, approval) {
      const op = target(operatorId);
      const promoted = isSeniorRole(role) && !isSeniorRole(op.role);
      if (promoted && pin === undefined) {
        throw new PosFailure('PIN_REFUSED', 'A new manager or owner needs a new PIN', {
          reason: 'too-short',
          minLength: pinMinLength(role),
        });
      }
      if (pin !== undefined) assertPinAllowed(pin, role, op.code);
      const by = approved(approval, op, role);
      const pinHash = pin === undefined ? null : hasher.hash(pin);
      return commit(
        'staff.role-changed',
        by,
        () => {
          const cur = target(operatorId);
          keepASenior(cur, isSeniorRole(role));
          operators.setRole(cur.id, role);
          if (pinHash !== null) operators.setPinHash(cur.id, pinHash);
          return cur;
        },
        { from: op.role, to: role, newPin: pinHash !== null },
      );
    },
    clearLock(operatorId, approval) {
      const op = target(operatorId);
      const by = approved(approval, op);
      const was = { failedAttempts: op.failedAttempts, lockedUntil: op.lockedUntil, lockouts: op.lockouts };
      return commit(
        'staff.lock-cleared',
        by,
        () => {
          operators.setLock(op.id, CLEAR_LOCK);
          return op;
        },
        { was },
      );
    },
  };
}
