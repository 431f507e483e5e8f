// Staff badges in main: the format is shared with the sign-in dialog (main/api/staff-badge.ts); a scan that is
// no badge is refused here. The badge saves typing the code; the PIN and its lock do the work (sessions.ts).
import { PosFailure } from '../api/result';
import { badgeCode } from '../api/staff-badge';

export { BADGE_PREFIX, badgeCode, badgePayload } from '../api/staff-badge';

/** The badge's code, or BARCODE_MALFORMED (the badge is not secret, so saying so costs nothing). */
export function mustBadgeCode(scan: string): string {
  const code = badgeCode(scan);
  if (code === null)
    throw new PosFailure('BARCODE_MALFORMED', 'Not a staff badge', { expected: 'STAFF:<code>' });
  return code;
}
