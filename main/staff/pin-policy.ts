// Which PINs a person may choose, in one place, with one reason per refusal (the staff screen translates the
// reason). Managers and owners approve refunds and staff changes, so their PINs are 6+ digits; everyone's
// PIN must not be one of the first few a person at the counter would try.
import { PosFailure } from '../api/result';
import { pinMinLength } from '../api/contract/staff';
import type { Role } from './permissions';

export { pinMinLength };
export const PIN_MAX_LENGTH = 8;

export const PIN_REFUSALS = [
  'not-digits', // anything but 0-9, or longer than 8
  'too-short', // under 4 digits (cashier, supervisor) or under 6 (manager, owner)
  'same-digit', // 0000, 111111
  'sequence', // 1234, 123456, 654321, 7890, 0987 (runs up or down, wrapping 9→0)
  'repeated-pattern', // 1212, 123123, 12341234: a short block repeated
  'operator-code', // the operator's own code (the code repeated, 0101, is a repeated pattern already)
] as const;
export type PinRefusal = (typeof PIN_REFUSALS)[number];

const MESSAGES: { readonly [R in PinRefusal]: string } = {
  'not-digits': `A PIN is digits only, at most ${PIN_MAX_LENGTH}`,
  'too-short': 'This PIN is too short for the role',
  'same-digit': 'A PIN of one repeated digit is too easy to guess',
  sequence: 'A PIN that counts up or down is too easy to guess',
  'repeated-pattern': 'A PIN that repeats a short pattern is too easy to guess',
  'operator-code': "A PIN may not be the operator's own code",
};

const isRun = (pin: string, step: 1 | -1): boolean =>
  [...pin].every((d, i) => i === 0 || Number(d) === (Number(pin[i - 1]) + step + 10) % 10);

/** A block of 2 or more digits repeated to fill the PIN (a single digit is 'same-digit'). */
const isRepeatedBlock = (pin: string): boolean => {
  for (let len = 2; len <= pin.length / 2; len++) {
    if (pin.length % len === 0 && pin.slice(0, len).repeat(pin.length / len) === pin) return true;
  }
  return false;
};

/** The reason this PIN is refused for this person, or null when it may be used. */
export function pinRefusal(pin: string, role: Role, operatorCode: string): PinRefusal | null {
  if (!/^\d+$/.test(pin) || pin.length > PIN_MAX_LENGTH) return 'not-digits';
  if (pin.length < pinMinLength(role)) return 'too-short';
  if (/^(\d)\1*$/.test(pin)) return 'same-digit';
  if (isRun(pin, 1) || isRun(pin, -1)) return 'sequence';
  if (isRepeatedBlock(pin)) return 'repeated-pattern';
  if (pin === operatorCode) return 'operator-code';
  return null;
}

/** Throws PIN_REFUSED (detail: reason, minLength) for a PIN this person may not choose. */
export function assertPinAllowed(pin: string, role: Role, operatorCode: string): void {
  const reason = pinRefusal(pin, role, operatorCode);
  if (reason !== null) {
    throw new PosFailure('PIN_REFUSED', MESSAGES[reason], { reason, minLength: pinMinLength(role) });
  }
}
