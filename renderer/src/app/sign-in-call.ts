// Signing in from the approval prompt's code and PIN: by the scanned badge when the code is the badge's (main
// checks the badge again), by code and PIN otherwise. Shared by the sign-in dialog and the lock screen.
import type { Approval } from '@contract/contract';
import type { PosError } from '@contract/result';
import { badgeCode } from '@contract/staff-badge';
import { getPos } from '../platform/pos';

export async function signInWith(approval: Approval, badge: string | null): Promise<PosError | null> {
  const pos = await getPos();
  const r =
    badge !== null && badgeCode(badge) === approval.operatorCode
      ? await pos.session.signInBadge({ badge, pin: approval.pin })
      : await pos.session.signIn(approval);
  return r.ok ? null : r.error;
}
