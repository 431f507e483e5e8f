// The shift state machine, in one place. A drawer has at most one shift that is not closed (the store's
// partial unique index shifts_one_live says so too). Each step names the state it needs and the state it
// leaves; anything else is refused before anything is written:
//
//   (none) ──open (float counted)──▶ open ──move (paid-in, paid-out, drop)──▶ open
//   open ──count (the blind count)──▶ closing ──close (variance within the threshold, same commit)──▶ closed
//                                     closing ──signOff (a manager's note)──▶ closed
import { PosFailure } from '../api/result';
import type { ShiftState } from '../api/contract/shifts';

export type ShiftStep = 'open' | 'move' | 'count' | 'close' | 'signOff';

/** `from: null`: the drawer has no shift that is not closed. */
export const SHIFT_STEPS: {
  readonly [S in ShiftStep]: { readonly from: ShiftState | null; readonly to: ShiftState };
} = {
  open: { from: null, to: 'open' },
  move: { from: 'open', to: 'open' },
  count: { from: 'open', to: 'closing' },
  close: { from: 'closing', to: 'closed' },
  signOff: { from: 'closing', to: 'closed' },
};

/** The state `step` leads to from `state` (the drawer's live shift's, or null), or the refusal. */
export function stepFrom(drawerId: string, state: ShiftState | null, step: ShiftStep): ShiftState {
  const rule = SHIFT_STEPS[step];
  if (rule.from === state) return rule.to;
  if (step === 'open') {
    throw new PosFailure('SHIFT_ALREADY_OPEN', `Drawer ${drawerId} already has a ${String(state)} shift`, {
      drawerId,
      state,
    });
  }
  throw new PosFailure(
    'SHIFT_NOT_OPEN',
    `Drawer ${drawerId}: cannot ${step} a shift that is ${state ?? 'none'}`,
    {
      drawerId,
      state: state ?? 'none',
      step,
    },
  );
}
