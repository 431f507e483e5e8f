// The shift screen's calls as data: each may come back APPROVAL_REQUIRED (a float or movement over the shop's
// threshold) and is then sent again, unchanged, with a manager's approval; a sign-off always carries one.
import type { Approval, CashMovementKind, ShiftView } from '@contract/contract';
import type { CashCount } from '@contract/denominations';
import type { Result } from '@contract/result';
import { getPos } from '../../platform/pos';

export type ShiftCall =
  | { readonly step: 'open'; readonly counts: CashCount }
  | {
      readonly step: 'move';
      readonly kind: CashMovementKind;
      readonly amountMinor: number;
      readonly reason: string;
    }
  | { readonly step: 'close'; readonly counts: CashCount }
  | { readonly step: 'signOff'; readonly note: string };

/** The amount an approval is asked for (shown in its title), or null for a sign-off. */
export const callAmount = (call: ShiftCall): number | null =>
  call.step === 'move' ? call.amountMinor : null;

export async function sendShiftCall(call: ShiftCall, approval?: Approval): Promise<Result<ShiftView>> {
  const { shift } = await getPos();
  const withApproval = approval ? { approval } : {};
  switch (call.step) {
    case 'open':
      return shift.open({ floatCounts: call.counts, ...withApproval });
    case 'move':
      return shift.move({
        kind: call.kind,
        amountMinor: call.amountMinor,
        reason: call.reason,
        ...withApproval,
      });
    case 'close':
      return shift.close({ counts: call.counts });
    case 'signOff':
      if (!approval) throw new Error('a sign-off is sent only with an approval');
      return shift.signOff({ note: call.note, approval });
  }
}

export async function currentShift(): Promise<Result<ShiftView | null>> {
  const { shift } = await getPos();
  return shift.current({});
}
