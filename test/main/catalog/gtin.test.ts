import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, hasValidCheckDigit, withCheckDigit } from '../../../main/catalog/gtin';

describe('GS1 mod-10 check digit', () => {
  it.each([
    ['EAN-13', '400638133393', 1], // 4006381333931, the textbook example
    ['EAN-13', '690123456789', 2],
    ['EAN-8', '9638507', 4], // 96385074
    ['UPC-A', '03600029145', 2], // 036000291452
    ['GTIN-14', '1001234567890', 2], // 10012345678902
  ])('%s body %s -> %i', (_kind, body, digit) => {
    expect(gs1CheckDigit(body)).toBe(digit);
  });

  it('validates and rejects whole codes', () => {
    expect(hasValidCheckDigit('4006381333931')).toBe(true);
    expect(hasValidCheckDigit('4006381333932')).toBe(false);
    expect(hasValidCheckDigit('96385074')).toBe(true);
    expect(hasValidCheckDigit('96385075')).toBe(false);
    expect(hasValidCheckDigit('036000291452')).toBe(true);
    expect(hasValidCheckDigit('036000291453')).toBe(false);
  });

  it('refuses a body that is not digits', () => {
    expect(() => gs1CheckDigit('12a4')).toThrow(RangeError);
  });

  const body = fc.oneof(
    ...[7, 11, 12, 13].map((n) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n }),
    ),
  );

  it('property: a computed check digit always validates', () => {
    fc.assert(fc.property(body, (b) => hasValidCheckDigit(withCheckDigit(b))));
  });

  it('property: any single-digit change is caught', () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.integer({ min: 1, max: 9 }), (b, pos, delta) => {
        const code = withCheckDigit(b);
        const i = pos % code.length;
        const changed = code.slice(0, i) + String((Number(code[i]) + delta) % 10) + code.slice(i + 1);
        expect(hasValidCheckDigit(changed)).toBe(false);
      }),
    );
  });
});
