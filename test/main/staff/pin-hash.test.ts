// PIN hashes: salted (two hashes of one PIN differ), verified in constant time, and anything that is not a
// hash this code wrote is a plain "no", never an exception or a pass.
import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../main/staff/pin-hash';

describe('PIN hashes', () => {
  it('verifies the right PIN and refuses a wrong one; the hash does not contain the PIN', () => {
    const h = hashPin('4821');
    expect(verifyPin('4821', h)).toBe(true);
    expect(verifyPin('4822', h)).toBe(false);
    expect(verifyPin('48210', h)).toBe(false);
    expect(h).not.toContain('4821');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
  });

  it('salts every hash', () => {
    expect(hashPin('0000')).not.toBe(hashPin('0000'));
  });

  it('refuses PINs that are not 4 to 8 digits', () => {
    for (const bad of ['123', '123456789', '12a4', ' 1234', '']) expect(() => hashPin(bad)).toThrow(/4 to 8/);
  });

  it('says no to stored values it did not write (truncated, other scheme, absurd cost)', () => {
    const h = hashPin('1234');
    const parts = h.split('$');
    for (const bad of [
      '',
      'plain:1234',
      h.slice(0, -4),
      ['bcrypt', ...parts.slice(1)].join('$'),
      [parts[0], String(1 << 24), ...parts.slice(2)].join('$'),
      [...parts.slice(0, 4), '', parts[5]].join('$'),
    ]) {
      expect(verifyPin('1234', bad)).toBe(false);
    }
  });
});
