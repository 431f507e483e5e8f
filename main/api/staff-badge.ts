// A staff badge: a Code 128 barcode whose payload is `STAFF:<operator code>`. The sign-in dialog reads it from
// the scanner and main reads it again (main/staff/badge.ts): one rule for both. It says who, never proves it:
// anyone can print a barcode, so a badge sign-in still asks for the operator's PIN.
export const BADGE_PREFIX = 'STAFF:';

/** The operator code a badge carries (1 to 6 digits, as operator codes are), or null when it is no badge. */
export function badgeCode(scan: string): string | null {
  const s = scan.trim();
  if (!s.toUpperCase().startsWith(BADGE_PREFIX)) return null;
  const code = s.slice(BADGE_PREFIX.length);
  return /^\d{1,6}$/.test(code) ? code : null;
}

/** The payload printed on an operator's badge. */
export const badgePayload = (operatorCode: string): string => `${BADGE_PREFIX}${operatorCode}`;
