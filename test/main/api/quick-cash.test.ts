import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { quickCashAmounts } from '../../../main/api/quick-cash';

describe('quickCashAmounts', () => {
  it.each([
    [3750, [3750, 3800, 4000, 5000, 10000]], // ¥37.50 -> 38, 40, 50, 100
    [12345, [12345, 12400, 12500, 13000, 20000]], // too many round-ups: smallest three + the largest
    [350, [350, 400, 500, 1000, 10000]],
    [50, [50, 100, 500, 1000, 10000]],
    [123456, [123456, 123500, 124000, 125000, 130000]],
    [10000, [10000]], // exact notes: nothing to round up to
    [9900, [9900, 10000]],
    [1, [1, 100, 500, 1000, 10000]],
  ])('CNY %d -> %j', (total, expected) => {
    expect(quickCashAmounts(total, 'CNY')).toEqual(expected);
  });

  it('uses the notes of each currency', () => {
    expect(quickCashAmounts(1234, 'USD')).toEqual([1234, 1300, 1500, 2000, 10000]);
    expect(quickCashAmounts(1234, 'EUR')).toEqual([1234, 1500, 2000, 5000, 10000]);
    expect(quickCashAmounts(380, 'JPY')).toEqual([380, 1000, 5000, 10000]);
    expect(quickCashAmounts(4200, 'HKD')).toEqual([4200, 5000, 6000, 10000, 50000]);
    expect(quickCashAmounts(3, 'EUR')).toEqual([3, 500, 1000, 2000, 10000]); // no coins: €5 is the smallest
  });

  it('falls back to a 1-2-5 series around the amount for other currencies', () => {
    expect(quickCashAmounts(37500, 'IDR')).toEqual([37500, 38000, 40000, 50000, 100000]);
    expect(quickCashAmounts(3750, 'KWD')).toEqual([3750, 4000, 5000, 10000]); // 3.750 KWD
    expect(quickCashAmounts(3000, 'KWD')).toEqual([3000, 4000, 5000, 10000]);
  });

  it('has no buttons for a zero total and refuses bad input', () => {
    expect(quickCashAmounts(0, 'CNY')).toEqual([]);
    expect(() => quickCashAmounts(-1, 'CNY')).toThrow(RangeError);
    expect(() => quickCashAmounts(1.5, 'CNY')).toThrow(RangeError);
    expect(() => quickCashAmounts(100, 'XYZ')).toThrow(/ISO 4217/);
  });

  it('exact first, then ascending distinct round amounts above it, at most 5', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
        fc.constantFrom('CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY', 'KWD', 'IDR', 'CHF'),
        (total, currency) => {
          const amounts = quickCashAmounts(total, currency);
          expect(amounts[0]).toBe(total);
          expect(amounts.length).toBeGreaterThanOrEqual(1);
          expect(amounts.length).toBeLessThanOrEqual(5);
          for (let i = 1; i < amounts.length; i++) {
            expect(amounts[i]).toBeGreaterThan(amounts[i - 1] ?? Infinity);
            expect(Number.isSafeInteger(amounts[i])).toBe(true);
          }
          // every button after the exact one is a whole number of major units
          const unit = currency === 'JPY' || currency === 'IDR' ? 1 : currency === 'KWD' ? 1000 : 100;
          for (const a of amounts.slice(1)) expect(a % unit).toBe(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('offers a round-up for every amount that is not already a whole note multiple', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (total) => {
        const amounts = quickCashAmounts(total, 'CNY');
        if (total % 10000 !== 0) expect(amounts.length).toBeGreaterThanOrEqual(2);
        // the next whole yuan is always offered (a ¥1 note/coin covers any remainder)
        if (total % 100 !== 0) expect(amounts[1]).toBe(Math.ceil(total / 100) * 100);
      }),
      { numRuns: 1000 },
    );
  });
});
