// A staff badge: a Code 128 barcode whose payload is `STAFF:<operator code>`. It says who, never proves it:
// anyone can print a barcode, so a badge sign-in still asks for the operator's PIN (sessions.ts). The badge
// saves typing the code and keeps it off the screen; the PIN and its lock do the work.
import { PosFailure } from '../api/result';
import { OPERATOR_CODE } from './operator-repo';

export const BADGE_PREFIX = 'STAFF:';

/** The operator code a badge carries, or null when the scan is not a staff badge. */
export function badgeCode(scan: string): string | null {
  const s = scan.trim();
  if (!s.toUpperCase().startsWith(BADGE_PREFIX)) return null;
  const code = s.slice(BADGE_PREFIX.length);
  return OPERATOR_CODE.test(code) ? code : null;
}

/** The badge's code, or BARCODE_MALFORMED (the badge is not secret, so saying so costs nothing). */
export function mustBadgeCode(scan: string): string {
  const code = badgeCode(scan);
  if (code === null)
    throw new PosFailure('BARCODE_MALFORMED', 'Not a staff badge', { expected: 'STAFF:<code>' });
  return code;
}

/** The payload printed on an operator's badge. */
export const badgePayload = (operatorCode: string): string => `${BADGE_PREFIX}${operatorCode}`;
