// Scanner input: customer payment codes vs product barcodes. A payment code must never reach a product lookup.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBarcode } from '../../../main/catalog/barcode';
import { withCheckDigit } from '../../../main/catalog/gtin';
import { paymentCodeShape } from '../../../main/catalog/payment-code';
import { classifyScan, maskPaymentCode, paymentScheme } from '../../../main/payments/codes';

const digits = (min: number, max = min) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));

describe('classifyScan: payment codes', () => {
  it.each([
    ['134567890123456789', 'wechat'], // 18 digits, prefix 13
    ['101234567890123456', 'wechat'], // prefix 10 (low boundary)
    ['151234567890123456', 'wechat'], // prefix 15 (high boundary)
    ['2812345678901234', 'alipay'], // 16 digits (shortest)
    ['281234567890123456', 'alipay'], // 18 digits
    ['251234567890123456789012', 'alipay'], // 24 digits (longest), prefix 25
    ['301234567890123456', 'alipay'], // prefix 30
    ['6212345678901234567', 'unionpay'], // 19 digits, prefix 62
  ] as const)('%s -> %s', (code, scheme) => {
    expect(classifyScan(code)).toEqual({ kind: 'payment-code', scheme, code });
  });

  it('trims the CR / LF / Tab suffix and spaces that wedge scanners send', () => {
    for (const raw of [
      '134567890123456789\r\n',
      '134567890123456789\n',
      '\t134567890123456789\r',
      ' 134567890123456789 ',
    ]) {
      expect(classifyScan(raw)).toEqual({
        kind: 'payment-code',
        scheme: 'wechat',
        code: '134567890123456789',
      });
    }
  });

  it.each([
    ['161234567890123456', 'prefix 16 at WeChat length'],
    ['091234567890123456', 'prefix 09 at WeChat length'],
    ['241234567890123456', 'prefix 24 at Alipay length'],
    ['311234567890123456', 'prefix 31 at Alipay length'],
    ['281234567890123', 'Alipay prefix, 15 digits'],
    ['2812345678901234567890123', 'Alipay prefix, 25 digits'],
    ['13456789012345678', 'WeChat prefix, 17 digits'],
    ['1345678901234567890', 'WeChat prefix, 19 digits'],
    ['621234567890123456', 'UnionPay prefix, 18 digits'],
    ['62123456789012345678', 'UnionPay prefix, 20 digits'],
    ['6312345678901234567', 'prefix 63 at UnionPay length'],
    ['4111111111111111', 'a 16-digit Visa PAN'],
  ])('%s (%s) is unknown, not a payment code and not a product', (raw) => {
    expect(classifyScan(raw)).toEqual({ kind: 'unknown', reason: 'length', length: raw.length });
  });

  it('scanner noise and text are unknown, and unknown never echoes the input', () => {
    expect(classifyScan('')).toEqual({ kind: 'unknown', reason: 'empty', length: 0 });
    expect(classifyScan(' \r\n')).toEqual({ kind: 'unknown', reason: 'empty', length: 0 });
    expect(classifyScan('13456789012345678X')).toEqual({ kind: 'unknown', reason: 'non-digit', length: 18 });
    expect(classifyScan('1345 6789 0123 4567')).toMatchObject({ kind: 'unknown', reason: 'non-digit' });
    expect(classifyScan('%B4111111111111111^DOE/JANE^2512101?')).toMatchObject({ kind: 'unknown' });
    expect(JSON.stringify(classifyScan('98765432109876543210'))).not.toContain('9876');
  });
});

describe('classifyScan: product barcodes', () => {
  it.each([
    ['6901234567892', 13, true], // EAN-13, China prefix 690
    ['1012345678904', 13, true], // EAN-13 starting 10: 13 digits, so a product, not WeChat
    ['1234567890128', 13, true], // starting 12
    ['1512345678909', 13, true], // starting 15
    ['2812345678909', 13, true], // starting 28 (Alipay prefix)
    ['6212345678903', 13, true], // starting 62 (UnionPay prefix)
    ['96385074', 8, true], // EAN-8
    ['036000291452', 12, true], // UPC-A
    ['10012345678902', 14, true], // GTIN-14
    ['6901234567891', 13, false], // wrong check digit: still a product candidate, the catalog says why
  ] as const)('%s -> product (%i digits, check digit ok: %s)', (code, length, checkDigitValid) => {
    expect(classifyScan(`${code}\r\n`)).toEqual({ kind: 'product', code, length, checkDigitValid });
  });

  it('narrows full-width digits typed through a Chinese IME, like the catalog does', () => {
    expect(classifyScan('６９０１２３４５６７８９２')).toMatchObject({
      kind: 'product',
      code: '6901234567892',
    });
  });
});

describe('properties', () => {
  const gtin = fc.constantFrom(7, 11, 12, 13).chain((n) => digits(n).map(withCheckDigit));

  it('no valid EAN-8 / UPC-A / EAN-13 / GTIN-14 is ever a payment code', () => {
    fc.assert(
      fc.property(gtin, fc.constantFrom('', '\n', '\r\n', '\t'), (code, suffix) => {
        const c = classifyScan(code + suffix);
        expect(c).toEqual({ kind: 'product', code, length: code.length, checkDigitValid: true });
      }),
      { numRuns: 2_000 },
    );
  });

  it('no digit string of a GTIN length is a payment code, check digit right or wrong', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8, 12, 13, 14).chain((n) => digits(n)),
        (code) => {
          expect(classifyScan(code).kind).toBe('product');
        },
      ),
    );
  });

  it('every code of a payment shape is a payment code of exactly that scheme', () => {
    const shaped = fc.oneof(
      fc.tuple(fc.integer({ min: 10, max: 15 }), digits(16)).map(([p, r]) => [`${p}${r}`, 'wechat'] as const),
      fc
        .tuple(
          fc.integer({ min: 25, max: 30 }),
          fc.integer({ min: 14, max: 22 }).chain((n) => digits(n)),
        )
        .map(([p, r]) => [`${p}${r}`, 'alipay'] as const),
      digits(17).map((r) => [`62${r}`, 'unionpay'] as const),
    );
    fc.assert(
      fc.property(shaped, ([code, scheme]) => {
        expect(classifyScan(code)).toEqual({ kind: 'payment-code', scheme, code });
      }),
    );
  });

  it('agrees with the catalog: same payment shapes, and parseBarcode accepts only what is a product here', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 26 }).chain((n) => digits(n)),
        (code) => {
          expect(paymentScheme(code)).toBe(paymentCodeShape(code)?.wallet ?? null);
          let catalogAccepts = true;
          try {
            parseBarcode(code, []);
          } catch {
            catalogAccepts = false;
          }
          const c = classifyScan(code);
          if (catalogAccepts) expect(c).toMatchObject({ kind: 'product', checkDigitValid: true });
          if (c.kind === 'payment-code') expect(catalogAccepts).toBe(false);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

describe('maskPaymentCode', () => {
  it.each([
    ['134567890123456789', '1345**********6789'],
    ['6212345678901234567', '6212***********4567'],
    ['2812345678901234', '2812********1234'],
    ['134567890123456789\r\n', '1345**********6789'],
    ['1234567', '*******'], // too short to show the ends safely
  ])('%s -> %s', (code, masked) => {
    expect(maskPaymentCode(code)).toBe(masked);
  });
});
