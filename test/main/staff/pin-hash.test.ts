// PIN hashes: peppered (the same PIN under another key does not verify: a copied database without the key is
// useless), salted, one KDF per verification whatever is stored, the first scheme verified and marked for a
// rewrite, and anything that is not a hash this code wrote a plain "no".
import { describe, expect, it } from 'vitest';
import { filePepper } from '../../../main/staff/pepper';
import { createPinHasher, legacyHash, PIN_KDF, scryptKdf, type Kdf } from '../../../main/staff/pin-hash';
import { CHEAP_KDF } from '../../support/staff-store';
import { tempDir } from '../store/fixtures';

const counting = (): { kdf: Kdf; calls: () => number } => {
  let n = 0;
  return { kdf: (i, s, c) => (n++, scryptKdf(i, s, c)), calls: () => n };
};

describe('PIN hashes', () => {
  it('verifies the right PIN and refuses a wrong one; the hash names its scheme and cost, never the PIN', () => {
    const h = createPinHasher(filePepper(tempDir()), { cost: CHEAP_KDF });
    const stored = h.hash('482157');
    expect(h.verify('482157', stored)).toBe('right');
    expect(h.verify('482158', stored)).toBe('wrong');
    expect(stored).toMatch(/^pin2\$1024\$8\$1\$/);
    expect(stored).not.toContain('482157');
    expect(h.hash('482157')).not.toBe(stored);
  });

  it('the current cost is scrypt N=2^15, r=8, p=1 (~170 ms measured on the build VM; see pin-hash.ts)', () => {
    expect(PIN_KDF).toEqual({ N: 1 << 15, r: 8, p: 1 });
    const stored = createPinHasher(filePepper(tempDir())).hash('482157');
    expect(stored).toMatch(/^pin2\$32768\$8\$1\$/);
  });

  it('a hash made with one pepper does not verify under another (a copied database without its key)', () => {
    const home = createPinHasher(filePepper(tempDir()), { cost: CHEAP_KDF });
    const thief = createPinHasher(filePepper(tempDir()), { cost: CHEAP_KDF });
    const stored = home.hash('482157');
    expect(thief.verify('482157', stored)).toBe('wrong');
  });

  it('the first scheme verifies and asks for a rewrite; so does an older cost', () => {
    const dir = tempDir();
    const h = createPinHasher(filePepper(dir), { cost: CHEAP_KDF });
    expect(h.verify('4821', legacyHash('4821'))).toBe('rehash');
    expect(h.verify('4822', legacyHash('4821'))).toBe('wrong');
    const older = createPinHasher(filePepper(dir), { cost: { N: 512, r: 8, p: 1 } }).hash('4821');
    expect(h.verify('4821', older)).toBe('rehash');
  });

  it('runs exactly one KDF per verification, whatever is stored, and one for nobody', () => {
    const c = counting();
    const h = createPinHasher(filePepper(tempDir()), { cost: CHEAP_KDF, kdf: c.kdf });
    const stored = h.hash('482157');
    const parts = stored.split('$');
    for (const s of [
      stored,
      '',
      'plain:1234',
      stored.slice(0, -4),
      ['bcrypt', ...parts.slice(1)].join('$'),
    ]) {
      const before = c.calls();
      h.verify('482157', s);
      expect(c.calls() - before).toBe(1);
    }
    const before = c.calls();
    h.verifyNobody('482157');
    expect(c.calls() - before).toBe(1);
  });

  it('says no to stored values it did not write (truncated, other scheme, absurd cost)', () => {
    const h = createPinHasher(filePepper(tempDir()), { cost: CHEAP_KDF });
    const stored = h.hash('4821');
    const parts = stored.split('$');
    for (const bad of [
      '',
      'plain:4821',
      stored.slice(0, -4),
      ['bcrypt', ...parts.slice(1)].join('$'),
      [parts[0], String(1 << 24), ...parts.slice(2)].join('$'),
      [...parts.slice(0, 4), '', parts[5]].join('$'),
    ]) {
      expect(h.verify('4821', bad)).toBe('wrong');
    }
  });

  it('refuses to hash PINs that are not 4 to 8 digits', () => {
    const h = createPinHasher(filePepper(tempDir()), { cost: CHEAP_KDF });
    for (const bad of ['123', '123456789', '12a4', ' 1234', '']) expect(() => h.hash(bad)).toThrow(/4 to 8/);
  });
});
