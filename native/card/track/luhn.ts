// Luhn (ISO/IEC 7812-1 annex B) check digit test. Informational for swiped data: test cards and some
// private-label cards fail it, and the issuer is the authority anyway; keyed-in PANs should be checked.

/** True when `digits` (all 0-9, at least 2) ends in a correct Luhn check digit. */
export function luhnValid(digits: string): boolean {
  if (digits.length < 2 || !/^\d+$/.test(digits)) return false;
  let sum = 0;
  // From the right: the check digit is not doubled, the next one is, and so on.
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
