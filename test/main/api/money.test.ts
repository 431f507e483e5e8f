import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_CURRENCY,
  allocate,
  assertMinor,
  currencyExponent,
  divHalfUp,
  formatMajor,
  formatMoney,
  mulQty,
  parseAmount,
  percentOf,
  sumMinor,
} from '../../../main/api/money';
import { PosFailure } from '../../../main/api/result';

/** The PosFailure parseAmount throws for `text`, or fails the test if it returned. */
function parseFailure(text: string, currency = 'CNY'): PosFailure {
  try {
    parseAmount(text, currency);
  } catch (e) {
    if (e instanceof PosFailure) return e;
    throw e;
  }
  throw new Error(`parseAmount(${JSON.stringify(text)}) did not throw`);
}

describe('currencyExponent', () => {
  it('reads the minor unit from Intl', () => {
    expect(DEFAULT_CURRENCY).toBe('CNY');
    expect(currencyExponent('CNY')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('HKD')).toBe(2);
  });

  it('rejects codes that are not ISO 4217 currencies', () => {
    for (const bad of ['ABC', 'cny', 'CN', 'CNYY', '', 'XXX', '元']) {
      expect(() => currencyExponent(bad)).toThrow(/not a supported ISO 4217 currency code/);
    }
  });
});

describe('parseAmount', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0', 0],
    ['0.01', 1],
    ['.5', 50],
    ['12.', 1200],
    ['  12.50  ', 1250],
    ['１２．５０', 1250],
    ['１２。５', 1250],
    ['¥12.50', 1250],
    ['￥12.50', 1250],
    ['￥ 12', 1200],
    ['CN¥3', 300],
    ['CNY 4.00', 400],
    ['1,234.50', 123450],
    ['１，２３４', 123400],
    ['12,345,678', 1234567800],
    ['12.500', 1250],
    ['\u300012\u3000', 1200],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('CNY %j -> %d', (text, minor) => {
    expect(parseAmount(text, 'CNY')).toBe(minor);
  });

  it('follows the currency exponent', () => {
    expect(parseAmount('380', 'JPY')).toBe(380);
    expect(parseAmount('¥380', 'JPY')).toBe(380);
    expect(parseAmount('1.234', 'KWD')).toBe(1234);
    expect(parseAmount('$1.5', 'USD')).toBe(150);
    expect(parseAmount('€2', 'EUR')).toBe(200);
  });

  it.each([
    ['', 'empty', 'Amount "" is empty.'],
    ['   ', 'empty', 'Amount "   " is empty.'],
    ['-5', 'negative', 'Amount "-5" is negative; only amounts of 0 or more are allowed.'],
    ['¥-5', 'negative', 'Amount "¥-5" is negative; only amounts of 0 or more are allowed.'],
    ['－５', 'negative', 'Amount "－５" is negative; only amounts of 0 or more are allowed.'],
    ['abc', 'not-a-number', 'Amount "abc" is not a number.'],
    ['12abc', 'not-a-number', 'Amount "12abc" is not a number.'],
    ['1.2.3', 'not-a-number', 'Amount "1.2.3" is not a number.'],
    ['.', 'not-a-number', 'Amount "." is not a number.'],
    ['¥', 'not-a-number', 'Amount "¥" is not a number.'],
    ['$12', 'not-a-number', 'Amount "$12" is not a number.'],
    ['1e3', 'not-a-number', 'Amount "1e3" is not a number.'],
    ['12²', 'not-a-number', 'Amount "12²" is not a number.'],
    ['1 234', 'not-a-number', 'Amount "1 234" is not a number.'],
    ['+5', 'not-a-number', 'Amount "+5" is not a number.'],
    [
      '12,50',
      'grouping',
      'Amount "12,50" has misplaced thousands separators; group digits in threes, e.g. "1,234.50".',
    ],
    [
      ',123',
      'grouping',
      'Amount ",123" has misplaced thousands separators; group digits in threes, e.g. "1,234.50".',
    ],
    ['12.345', 'too-many-decimals', 'Amount "12.345" has 3 decimal places; CNY allows at most 2.'],
    ['12.501', 'too-many-decimals', 'Amount "12.501" has 3 decimal places; CNY allows at most 2.'],
    [
      '90071992547409.92',
      'too-large',
      'Amount "90071992547409.92" exceeds the largest supported amount, 90071992547409.91 CNY.',
    ],
  ])('rejects CNY %j (%s)', (text, reason, message) => {
    const f = parseFailure(text);
    expect(f.code).toBe('INVALID_PAYLOAD');
    expect(f.message).toBe(message);
    expect(f.detail).toEqual({ reason, input: text, currency: 'CNY' });
  });

  it('says when a currency has no minor unit', () => {
    expect(parseFailure('12.5', 'JPY').message).toBe(
      'Amount "12.5" has 1 decimal place; JPY has no minor unit.',
    );
  });

  it('round-trips formatMajor and formatMoney for every safe amount', () => {
    const currencies = ['CNY', 'JPY', 'KWD', 'USD', 'EUR', 'HKD'];
    fc.assert(
      fc.property(
        fc.maxSafeNat(),
        fc.constantFrom(...currencies),
        fc.constantFrom('zh-CN', 'en'),
        (n, cur, loc) => {
          expect(parseAmount(formatMajor(n, cur), cur)).toBe(n);
          expect(parseAmount(formatMoney(n, cur, loc as 'zh-CN' | 'en'), cur)).toBe(n);
          expect(parseAmount(formatMoney(n, cur, 'zh-CN', { fullWidthYen: true }), cur)).toBe(n);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatMoney / formatMajor', () => {
  it('formats CNY for Chinese and English', () => {
    expect(formatMoney(1250, 'CNY', 'zh-CN')).toBe('¥12.50');
    expect(formatMoney(1250, 'CNY', 'zh-CN', { fullWidthYen: true })).toBe('\uFFE512.50');
    expect(formatMoney(123456789, 'CNY', 'zh-CN')).toBe('¥1,234,567.89');
    expect(formatMoney(1250, 'CNY', 'en')).toBe('CN¥12.50');
    expect(formatMoney(0, 'CNY', 'zh-CN')).toBe('¥0.00');
  });

  it('formats negative amounts (refunds)', () => {
    expect(formatMoney(-1250, 'CNY', 'zh-CN')).toBe('-¥12.50');
    expect(formatMoney(-1250, 'CNY', 'zh-CN', { fullWidthYen: true })).toBe('-\uFFE512.50');
    expect(formatMoney(-5, 'USD', 'en')).toBe('-$0.05');
  });

  it('uses the exponent of each currency and keeps large values exact', () => {
    expect(formatMoney(380, 'JPY', 'en')).toBe('¥380');
    expect(formatMoney(1234, 'KWD', 'en')).toMatch(/^KWD\s1\.234$/);
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'CNY', 'zh-CN')).toBe('¥90,071,992,547,409.91');
    expect(formatMoney(1250, 'USD', 'en', { fullWidthYen: true })).toBe('$12.50');
  });

  it('formatMajor has no symbol and no grouping', () => {
    expect(formatMajor(1250, 'CNY')).toBe('12.50');
    expect(formatMajor(5, 'CNY')).toBe('0.05');
    expect(formatMajor(-5, 'CNY')).toBe('-0.05');
    expect(formatMajor(123456789, 'CNY')).toBe('1234567.89');
    expect(formatMajor(380, 'JPY')).toBe('380');
    expect(formatMajor(7, 'KWD')).toBe('0.007');
  });

  it('refuses non-integer amounts', () => {
    expect(() => formatMoney(12.5, 'CNY', 'zh-CN')).toThrow(RangeError);
    expect(() => formatMajor(Number.NaN, 'CNY')).toThrow(RangeError);
  });
});

describe('integer arithmetic', () => {
  it('mulQty rounds half up to the minor unit', () => {
    expect(mulQty(1280, 1235)).toBe(1581); // 1.235 kg x ¥12.80 = ¥15.808
    expect(mulQty(350, 3000)).toBe(1050);
    expect(mulQty(1, 500)).toBe(1); // exactly half -> up
    expect(mulQty(1, 499)).toBe(0);
    expect(mulQty(3, 1500)).toBe(5); // 4.5 -> 5
    expect(mulQty(-3, 1500)).toBe(-5); // away from zero: a refund mirrors the sale
    expect(mulQty(Number.MAX_SAFE_INTEGER, 1000)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => mulQty(Number.MAX_SAFE_INTEGER, 1001)).toThrow(RangeError);
  });

  it('percentOf works in basis points, half up', () => {
    expect(percentOf(1005, 1000)).toBe(101); // 100.5 -> 101
    expect(percentOf(1004, 1000)).toBe(100);
    expect(percentOf(999, 10_000)).toBe(999);
    expect(percentOf(999, 0)).toBe(0);
  });

  it('divHalfUp matches the exact rational rounding', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        (n, d) => {
          const q = divHalfUp(n, d);
          // |n/d - q| <= 1/2, and exactly 1/2 only when q is the one farther from zero
          const diff2 = 2n * n - 2n * q * d; // 2d * (n/d - q)
          expect(diff2 <= d && diff2 >= -d).toBe(true);
          if (diff2 === d || diff2 === -d) expect(q === 0n ? n === 0n : q > 0n === diff2 < 0n).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('sumMinor and assertMinor refuse anything outside the safe integer range', () => {
    expect(sumMinor([1, 2, 3])).toBe(6);
    expect(sumMinor([])).toBe(0);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumMinor([0.5])).toThrow(RangeError);
    expect(() => assertMinor(2 ** 53)).toThrow(RangeError);
    expect(() => assertMinor(Number.NaN)).toThrow(RangeError);
    expect(() => assertMinor(-12)).not.toThrow();
  });
});

describe('allocate', () => {
  it('splits by largest remainder with ties to the lower index', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(633, [1000, 2000, 3333])).toEqual([100, 200, 333]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(10, [0, 3, 0, 1])).toEqual([0, 8, 0, 2]); // 7.5 / 2.5: tie -> lower index
  });

  it('handles zero weights and the all-zero rule', () => {
    expect(allocate(5, [0, 3, 0])).toEqual([0, 5, 0]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
    expect(allocate(0, [])).toEqual([]);
    expect(() => allocate(1, [0, 0])).toThrow(/all zero/);
    expect(() => allocate(1, [])).toThrow(/all zero/);
    expect(() => allocate(1, [2, -1])).toThrow(/negative/);
  });

  it('parts sum to the total, are floor or ceil of the exact share, and zero weights get zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1e9 })), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const sumW = weights.reduce((a, b) => a + BigInt(b), 0n);
          fc.pre(sumW > 0n);
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            const exact = BigInt(Math.abs(total)) * BigInt(weights[i] ?? 0);
            const lo = exact / sumW;
            const hi = exact % sumW === 0n ? lo : lo + 1n;
            const abs = BigInt(Math.abs(p));
            expect(abs >= lo && abs <= hi).toBe(true);
            if (weights[i] === 0) expect(p).toBe(0);
            if (p !== 0) expect(Math.sign(p)).toBe(Math.sign(total));
          });
          expect(allocate(total, weights)).toEqual(parts);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
