import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import { parseBarcode, type ParsedBarcode } from '../../../main/catalog/barcode';
import { withCheckDigit } from '../../../main/catalog/gtin';
import {
  buildVariableMeasureBarcode,
  DEFAULT_PRICE_RULE,
  DEFAULT_WEIGHT_RULE,
  type VariableMeasureRule,
} from '../../../main/catalog/variable-measure';

/** The PosFailure parseBarcode throws for `raw`, asserting it is BARCODE_MALFORMED. */
function failure(raw: string, rules: readonly VariableMeasureRule[] | null = null): PosFailure {
  try {
    parseBarcode(raw, rules);
  } catch (e) {
    expect(e).toBeInstanceOf(PosFailure);
    expect((e as PosFailure).code).toBe('BARCODE_MALFORMED');
    return e as PosFailure;
  }
  throw new Error(`parseBarcode(${JSON.stringify(raw)}) did not throw`);
}

describe('parseBarcode: plain GTINs', () => {
  it('keeps a valid EAN-13', () => {
    expect(parseBarcode('6901234567892')).toEqual({ kind: 'gtin', code: '6901234567892', format: 'EAN-13' });
  });

  it('keeps a valid EAN-8', () => {
    expect(parseBarcode('96385074')).toEqual({ kind: 'gtin', code: '96385074', format: 'EAN-8' });
  });

  it('an EAN-8 padded to 13 or 14 digits (GS1 long-field spelling) is stored as the 8-digit scan is', () => {
    expect(parseBarcode('0000096385074')).toEqual({ kind: 'gtin', code: '96385074', format: 'EAN-13' });
    expect(parseBarcode('00000096385074')).toEqual({ kind: 'gtin', code: '96385074', format: 'GTIN-14' });
    // Four zeros is a real EAN-13, kept as it is; a padded EAN-8 still needs its check digit right.
    expect(parseBarcode('0000196385073').code).toBe('0000196385073');
    expect(() => parseBarcode('0000096385075')).toThrow(/check digit/);
  });

  it('normalises UPC-A to EAN-13 with a leading 0', () => {
    expect(parseBarcode('036000291452')).toEqual({ kind: 'gtin', code: '0036000291452', format: 'UPC-A' });
  });

  it('normalises GTIN-14 with indicator 0 to EAN-13, keeps other indicators', () => {
    expect(parseBarcode('06901234567892')).toEqual({
      kind: 'gtin',
      code: '6901234567892',
      format: 'GTIN-14',
    });
    expect(parseBarcode('10012345678902')).toEqual({
      kind: 'gtin',
      code: '10012345678902',
      format: 'GTIN-14',
    });
  });

  it('trims the CR/LF/TAB a keyboard-wedge scanner appends, and surrounding spaces', () => {
    expect(parseBarcode(' 6901234567892\r\n').code).toBe('6901234567892');
    expect(parseBarcode('\t96385074\n').code).toBe('96385074');
  });

  it('accepts full-width digits typed through a Chinese IME', () => {
    expect(parseBarcode('６９０１２３４５６７８９２').code).toBe('6901234567892');
  });

  it('property: every valid EAN-13 outside prefix 2 parses to itself', () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    fc.assert(
      fc.property(fc.constantFrom(...'013456789'), digits(11), (first, rest) => {
        const code = withCheckDigit(first + rest);
        expect(parseBarcode(code, [])).toEqual({ kind: 'gtin', code, format: 'EAN-13' });
      }),
    );
  });
});

describe('parseBarcode: malformed input', () => {
  it('empty or blank', () => {
    expect(failure('').message).toBe('Barcode is empty.');
    expect(failure('   \r\n').detail).toMatchObject({ reason: 'empty' });
  });

  it('letters, saying where', () => {
    const f = failure('69012345A7892');
    expect(f.message).toContain('"A" at position 9');
    expect(f.detail).toMatchObject({ reason: 'non-digit', position: 9 });
  });

  it('control characters inside the code (e.g. GS1-128 group separator)', () => {
    const f = failure('690123\u001d4567892');
    expect(f.message).toContain('control character U+001D at position 7');
    expect(f.detail).toMatchObject({ reason: 'control-character' });
    expect(failure('6901234\u00005678').detail).toMatchObject({ reason: 'control-character' });
  });

  it.each([1, 7, 9, 10, 11, 15, 17, 20])('wrong length: %i digits', (n) => {
    const f = failure('3'.repeat(n));
    expect(f.message).toContain(`has ${n} digits`);
    expect(f.detail).toMatchObject({ reason: 'length', length: n });
  });

  it.each([
    ['EAN-13', '6901234567893', 2, 3],
    ['EAN-8', '96385070', 4, 0],
    ['UPC-A', '036000291459', 2, 9],
    ['GTIN-14', '10012345678903', 2, 3], // not …901: that one passes Luhn, so it is refused as card data
  ])('bad %s check digit', (format, raw, expected, got) => {
    const f = failure(raw);
    expect(f.message).toBe(`${format} check digit should be ${expected}, got ${got}.`);
    expect(f.detail).toMatchObject({ reason: 'check-digit', expected, got });
  });
});

describe('parseBarcode: customer payment codes are refused', () => {
  it.each([
    ['WeChat Pay', '134567890123456789', 'wechat'],
    ['WeChat Pay', '101234567890123456', 'wechat'],
    ['Alipay', '2812345678901234', 'alipay'],
    ['Alipay', '251234567890123456789012', 'alipay'],
    ['Alipay', '301234567890123456', 'alipay'],
    ['UnionPay', '6212345678901234567', 'unionpay'],
  ])('%s %s', (label, code, wallet) => {
    const f = failure(code);
    expect(f.message).toContain('payment code');
    expect(f.message).toContain(label);
    expect(f.detail).toMatchObject({ reason: 'payment-code', wallet });
    // a payment code is a bearer token: it must not travel into logs or the UI
    expect(JSON.stringify({ m: f.message, d: f.detail })).not.toContain(code);
  });

  it('lookalikes outside the wallet ranges are just the wrong length', () => {
    expect(failure('161234567890123456').detail).toMatchObject({ reason: 'length' }); // 18 digits, prefix 16
    expect(failure('6312345678901234568').detail).toMatchObject({ reason: 'length' }); // 19 digits, prefix 63, not Luhn
    expect(failure('3112345678901234').detail).toMatchObject({ reason: 'length' }); // 16 digits, prefix 31
  });
});

describe('parseBarcode: variable-measure (scale) labels', () => {
  it('default weight rule: 21 IIIII WWWWW C -> item and grams', () => {
    const code = withCheckDigit('210000101250'); // item 00001, 1.250 kg
    expect(parseBarcode(code)).toEqual<ParsedBarcode>({
      kind: 'variable',
      rule: DEFAULT_WEIGHT_RULE,
      itemCode: '00001',
      weightGrams: 1250,
      code,
    });
  });

  it('default price rule: 22 IIIII PPPPP C -> item and fen', () => {
    const code = withCheckDigit('220004201999'); // item 00042, ¥19.99
    expect(parseBarcode(code)).toEqual<ParsedBarcode>({
      kind: 'variable',
      rule: DEFAULT_PRICE_RULE,
      itemCode: '00042',
      priceMinor: 1999,
      code,
    });
  });

  it('a scale label still needs a valid check digit', () => {
    const good = withCheckDigit('210000101250');
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    expect(failure(bad).detail).toMatchObject({ reason: 'check-digit' });
  });

  it('a prefix-2 code without a matching rule is an ordinary in-store GTIN', () => {
    const code = withCheckDigit('230000101250');
    expect(parseBarcode(code)).toEqual({ kind: 'gtin', code, format: 'EAN-13' });
    const weightCode = withCheckDigit('210000101250');
    expect(parseBarcode(weightCode, [])).toEqual({ kind: 'gtin', code: weightCode, format: 'EAN-13' });
  });

  it('refuses a label with a zero value', () => {
    const f = failure(buildVariableMeasureBarcode(DEFAULT_WEIGHT_RULE, '00001', 0));
    expect(f.message).toContain('weight of 0 g');
    expect(f.detail).toMatchObject({ reason: 'zero-value', itemCode: '00001' });
  });

  it('custom rule with spare digits between item and value (skipped, not verified)', () => {
    const rule: VariableMeasureRule = { prefix: '2', itemDigits: 4, value: 'price', valueDigits: 5 };
    // 2 | 1234 | 70 (spare) | 00450 | C
    const code = withCheckDigit('212347000450');
    expect(parseBarcode(code, [rule])).toMatchObject({ kind: 'variable', itemCode: '1234', priceMinor: 450 });
  });

  it('the longest matching prefix wins', () => {
    const short: VariableMeasureRule = { prefix: '2', itemDigits: 6, value: 'price', valueDigits: 5 };
    const long: VariableMeasureRule = { prefix: '28', itemDigits: 5, value: 'weight', valueDigits: 5 };
    const code = withCheckDigit('280001200500');
    expect(parseBarcode(code, [short, long])).toMatchObject({
      rule: long,
      itemCode: '00012',
      weightGrams: 500,
    });
    expect(parseBarcode(withCheckDigit('270001200500'), [short, long])).toMatchObject({ rule: short });
  });

  it('refuses rules that cannot describe an EAN-13', () => {
    const code = withCheckDigit('210000101250');
    const tooLong: VariableMeasureRule = { prefix: '21', itemDigits: 6, value: 'weight', valueDigits: 6 };
    expect(() => parseBarcode(code, [tooLong])).toThrow(/at most 12 fit/);
    const notTwo: VariableMeasureRule = { prefix: '31', itemDigits: 5, value: 'weight', valueDigits: 5 };
    expect(() => parseBarcode(code, [notTwo])).toThrow(/prefix must be '2'/);
    expect(() => parseBarcode(code, [DEFAULT_WEIGHT_RULE, { ...DEFAULT_PRICE_RULE, prefix: '21' }])).toThrow(
      /listed twice/,
    );
  });
});
