// The PIN policy: lengths per role and every trivial kind refused with its own reason.
import { describe, expect, it } from 'vitest';
import { assertPinAllowed, pinRefusal } from '../../../main/staff/pin-policy';
import { failureOf } from '../store/fixtures';

describe('PIN policy', () => {
  it('managers and owners need 6+ digits, cashiers and supervisors 4+; at most 8, digits only', () => {
    expect(pinRefusal('5829', 'cashier', '01')).toBeNull();
    expect(pinRefusal('5829', 'supervisor', '01')).toBeNull();
    expect(pinRefusal('5829', 'manager', '01')).toBe('too-short');
    expect(pinRefusal('58291', 'owner', '01')).toBe('too-short');
    expect(pinRefusal('582917', 'owner', '01')).toBeNull();
    expect(pinRefusal('582', 'cashier', '01')).toBe('too-short');
    expect(pinRefusal('582917364', 'cashier', '01')).toBe('not-digits');
    expect(pinRefusal('58a9', 'cashier', '01')).toBe('not-digits');
  });

  it.each([
    ['0000', 'same-digit'],
    ['000000', 'same-digit'],
    ['111111', 'same-digit'],
    ['1234', 'sequence'],
    ['123456', 'sequence'],
    ['654321', 'sequence'],
    ['7890', 'sequence'],
    ['0987', 'sequence'],
    ['12345678', 'sequence'],
    ['1212', 'repeated-pattern'],
    ['121212', 'repeated-pattern'],
    ['123123', 'repeated-pattern'],
    ['12341234', 'repeated-pattern'],
    ['4711', null],
    ['135790', null],
  ] as const)('%s → %s', (pin, reason) => {
    expect(pinRefusal(pin, 'cashier', '99')).toBe(reason);
  });

  it("refuses the operator's own code (repeated, it is a repeated pattern)", () => {
    expect(pinRefusal('5829', 'cashier', '5829')).toBe('operator-code');
    expect(pinRefusal('583583', 'manager', '583')).toBe('repeated-pattern');
    expect(pinRefusal('583584', 'manager', '583')).toBeNull();
  });

  it('answers PIN_REFUSED with the reason and the minimum length', async () => {
    const f = await failureOf(() => assertPinAllowed('4821', 'manager', '01'));
    expect(f).toMatchObject({ code: 'PIN_REFUSED', detail: { reason: 'too-short', minLength: 6 } });
    expect((await failureOf(() => assertPinAllowed('123456', 'manager', '01'))).message).toMatch(
      /counts up or down/,
    );
  });
});
