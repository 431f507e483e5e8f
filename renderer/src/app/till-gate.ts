// The till's answer to main's gate (main/sale/till-gate.ts): a cart edit or a tender refused because nobody is
// signed in opens the sign-in dialog; refused for want of an open shift, a prompt that leads to the Shift screen.
import type { PosError } from '@contract/result';
import type { ModalState } from './modals';

export type TillNeed = 'signIn' | 'shift';

/** What the cashier must do before main lets the till sell, or null for any other error. */
export function tillNeed(error: PosError): TillNeed | null {
  if (error.code === 'SIGN_IN_REQUIRED') return 'signIn';
  if (error.code === 'SHIFT_REQUIRED') return 'shift';
  return null;
}

/** The dialog that answers a need. */
export const gateModal = (need: TillNeed): NonNullable<ModalState> =>
  need === 'signIn' ? { kind: 'signIn' } : { kind: 'shiftRequired' };
