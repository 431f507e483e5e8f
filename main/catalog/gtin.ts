// GS1 mod-10 check digits, shared by EAN-8, UPC-A (GTIN-12), EAN-13 and GTIN-14.

/** The check digit for `body` (all digits except the check digit): weights 3,1,3,1... from the right. */
export function gs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`gs1CheckDigit: "${body}" is not a string of digits.`);
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (body.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** `body` followed by its check digit. */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}

/** True when the last digit of `code` is the correct check digit for the rest. */
export function hasValidCheckDigit(code: string): boolean {
  return code.length >= 2 && gs1CheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}
