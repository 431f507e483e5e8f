// Shifts and cash control: each step checked against the state machine (states.ts) and written in ONE
// transaction with its journal entry, so a crash leaves the shift at a step, never between a row and its
// record. An approval (a PIN check, ~170 ms) is asked for only when the amount needs one, and before the
// write transaction, which re-checks the state; the shift's state is the row's, so a restart resumes it. A
// float or movement let past the threshold by an approval is an override, counted in the day's totals in the
// step's transaction (a variance's sign-off is not: the Z shows the variance and its sign-off themselves).
import type { Approval } from '../api/contract/shared';
import type { CashMovementKind, ShiftView } from '../api/contract/shifts';
import { countTotal, fullCount, type CashCount } from '../api/denominations';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import { approvedBy, type Approvals, type SignedInRef } from '../staff/approvals';
import type { Permission } from '../staff/permissions';
import type { Database } from '../store/db';
import { createEventCounter } from '../totals/counted-events';
import type { CountName } from '../totals/metrics';
import { movementNeedsApproval, varianceNeedsSignOff, type CashLimits } from './cash-limits';
import { expectedCashQuery } from './expected-cash';
import { createShiftRepo, type ApprovedBy } from './shift-repo';
import { stepFrom, type ShiftStep } from './states';

export interface ShiftService {
  current(drawerId: string): ShiftView | null;
  /** the drawer's open shift's id, or null: what a sale is attributed to (main/sale/till-gate.ts) */
  openId(drawerId: string): string | null;
  open(drawerId: string, floatCounts: CashCount, approval?: Approval): ShiftView;
  move(
    drawerId: string,
    m: { kind: CashMovementKind; amountMinor: number; reason: string },
    approval?: Approval,
  ): ShiftView;
  close(drawerId: string, counts: CashCount): ShiftView;
  signOff(drawerId: string, note: string, approval: Approval): ShiftView;
}

/** One journal entry of a step (kind 'shift.opened' | 'shift.cash-moved' | 'shift.counted' | 'shift.closed'). */
interface Entry {
  readonly kind: string;
  readonly body: object;
}

export interface ShiftDeps {
  readonly db: Database;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly currency: string;
  readonly limits: CashLimits;
  readonly approvals: Approvals;
  /** who is signed in: recorded as the one who opened a shift */
  readonly signedIn?: (() => SignedInRef | null) | undefined;
}

export function createShiftService(deps: ShiftDeps): ShiftService {
  const { db, now, currency, limits, approvals } = deps;
  const repo = createShiftRepo(db);
  const expectedCash = expectedCashQuery(db);
  const count = createEventCounter(db);

  /** The drawer's live shift after checking `step` may be taken from its state. */
  const checked = (drawerId: string, step: ShiftStep): ShiftView | null => {
    const live = repo.live(drawerId);
    stepFrom(drawerId, live?.state ?? null, step);
    return live;
  };
  const mustExist = (s: ShiftView | null): ShiftView => {
    if (!s) throw new Error('state machine let a step through without a shift');
    return s;
  };
  /** Over the threshold: the approver (APPROVAL_REQUIRED without one); otherwise null. */
  const approverIf = (
    needed: boolean,
    permission: Permission,
    approval: Approval | undefined,
  ): ApprovedBy | null => {
    if (!needed) return null;
    if (!approval) {
      throw new PosFailure('APPROVAL_REQUIRED', 'This amount of cash needs an approval', {
        permission,
        limitMinor: limits.movementApprovalMinor,
      });
    }
    return approvedBy(approvals.approve(permission, approval));
  };
  /** Runs `write` in one immediate transaction after re-checking the step, journaling what it returns. */
  const step = (
    drawerId: string,
    name: ShiftStep,
    write: (
      live: ShiftView | null,
      at: string,
    ) => { shiftId: string; entries: readonly Entry[]; counted?: CountName | null },
  ): ShiftView => {
    try {
      return db
        .transaction(() => {
          const at = now().toISOString();
          const { shiftId, entries, counted } = write(checked(drawerId, name), at);
          for (const { kind, body } of entries) {
            appendJournal(db, { at, kind, ref: shiftId, body: { drawerId, ...body } });
          }
          if (counted) count(counted, { shiftId, operatorId: deps.signedIn?.()?.operatorId ?? null });
          return mustExist(repo.byId(shiftId));
        })
        .immediate();
    } finally {
      openIds.delete(drawerId); // read again after any step, committed or not
    }
  };
  // Every sale asks which shift is open (main/sale/till-gate.ts); shifts change only through this service's
  // steps (the till's one writer), so the answer is kept until the next step on that drawer.
  const openIds = new Map<string, string | null>();
  const openId = (drawerId: string): string | null => {
    let id = openIds.get(drawerId);
    if (id === undefined) {
      id = repo.openId(drawerId);
      openIds.set(drawerId, id);
    }
    return id;
  };

  return {
    current: (drawerId) => repo.live(drawerId),
    openId,

    open(drawerId, floatCounts, approval) {
      const floatMinor = countTotal(currency, floatCounts);
      checked(drawerId, 'open');
      const openedBy = approverIf(movementNeedsApproval(floatMinor, limits), 'cash.movement', approval);
      const counts = fullCount(currency, floatCounts);
      return step(drawerId, 'open', (_, at) => {
        const id = deps.newId();
        const operatorId = deps.signedIn?.()?.operatorId ?? null;
        repo.insert({ id, drawerId, currency, floatCounts: counts, floatMinor, openedBy, operatorId, at });
        const body = { currency, floatCounts: counts, floatMinor, ...(openedBy && { approvedBy: openedBy }) };
        return { shiftId: id, entries: [{ kind: 'shift.opened', body }], counted: openedBy && 'override' };
      });
    },

    move(drawerId, m, approval) {
      checked(drawerId, 'move');
      const approver = approverIf(movementNeedsApproval(m.amountMinor, limits), 'cash.movement', approval);
      return step(drawerId, 'move', (live, at) => {
        const shiftId = mustExist(live).shiftId;
        const id = deps.newId();
        repo.addMovement({ id, shiftId, ...m, approvedBy: approver, at });
        const body = { movementId: id, ...m, ...(approver && { approvedBy: approver }) };
        return { shiftId, entries: [{ kind: 'shift.cash-moved', body }], counted: approver && 'override' };
      });
    },

    close(drawerId, counts) {
      const countedMinor = countTotal(currency, counts);
      const full = fullCount(currency, counts);
      return step(drawerId, 'count', (live, at) => {
        const s = mustExist(live);
        const expected = expectedCash({
          shiftId: s.shiftId,
          floatMinor: s.floatMinor,
          from: s.openedAt,
          to: at,
        });
        repo.setCounted(s.shiftId, { counts: full, countedMinor, expected, at });
        const varianceMinor = countedMinor - expected.expectedMinor;
        const needsSignOff = varianceNeedsSignOff(varianceMinor, limits);
        // Within the threshold the shift closes in the count's own commit: no state to resume in between.
        if (!needsSignOff) repo.setClosed(s.shiftId, at, null);
        const body = { countedCounts: full, countedMinor, expected, varianceMinor, needsSignOff };
        const closed = { kind: 'shift.closed', body: { varianceMinor, signOff: null } };
        return {
          shiftId: s.shiftId,
          entries: [{ kind: 'shift.counted', body }, ...(needsSignOff ? [] : [closed])],
        };
      });
    },

    signOff(drawerId, note, approval) {
      checked(drawerId, 'signOff');
      const approver = approvedBy(approvals.approve('cash.varianceSignOff', approval));
      return step(drawerId, 'signOff', (live, at) => {
        const s = mustExist(live);
        repo.setClosed(s.shiftId, at, { note, approvedBy: approver });
        const body = {
          varianceMinor: s.close?.varianceMinor ?? null,
          signOff: { note, approvedBy: approver },
        };
        return { shiftId: s.shiftId, entries: [{ kind: 'shift.closed', body }] };
      });
    },
  };
}
