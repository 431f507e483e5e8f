// Who may sell at this till, and whose a sale is. Outside training a sale needs a signed-in cashier
// (SIGN_IN_REQUIRED) and an open shift on the till's drawer (SHIFT_REQUIRED); training sells without either,
// as a shop learning the till has no staff or float yet. Either way a sale carries the signed-in cashier and
// the open shift when there are ones, so the day's totals (main/totals/) can say whose it was.
import { PosFailure } from '../api/result';
import type { SignedInRef } from '../staff/approvals';
import type { Attribution } from '../totals/day-totals';

export interface TillGate {
  /** Throws SIGN_IN_REQUIRED or SHIFT_REQUIRED when the till may not sell now. */
  assertCanSell(): void;
  /** whose a sale written now is */
  attribution(): Attribution;
}

export function createTillGate(d: {
  readonly training: boolean;
  readonly signedIn: () => SignedInRef | null;
  /** the till drawer's open shift's id (a shift counting its close does not sell), or null */
  readonly openShiftId: () => string | null;
}): TillGate {
  return {
    assertCanSell() {
      if (d.training) return;
      if (d.signedIn() === null) {
        throw new PosFailure('SIGN_IN_REQUIRED', 'Sign in to sell');
      }
      if (d.openShiftId() === null) {
        throw new PosFailure('SHIFT_REQUIRED', 'Open a shift with a counted float to sell');
      }
    },
    attribution: () => ({ operatorId: d.signedIn()?.operatorId ?? null, shiftId: d.openShiftId() }),
  };
}

/** No gate: a sale belongs to nobody (unit tests of the sale capability alone). */
export const OPEN_TILL: TillGate = {
  assertCanSell: () => undefined,
  attribution: () => ({ operatorId: null, shiftId: null }),
};
