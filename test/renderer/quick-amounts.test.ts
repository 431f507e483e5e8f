import { describe, expect, it } from 'vitest';
import { defaultNotes, quickAmounts, roundUpTo } from '../../renderer/src/sale/quick-amounts';

const CNY = defaultNotes(2); // 10, 20, 50, 100 yuan in fen

describe('quick cash amounts', () => {
  it('default notes are 10/20/50/100 major units', () => {
    expect(CNY).toEqual([1000, 2000, 5000, 10000]);
    expect(defaultNotes(0)).toEqual([10, 20, 50, 100]);
  });

  it('exact first, then distinct round-ups ascending', () => {
    expect(quickAmounts(3750, CNY)).toEqual([3750, 4000, 5000, 10000]);
    expect(quickAmounts(800, CNY)).toEqual([800, 1000, 2000, 5000, 10000]);
  });

  it('a total already on a note boundary is not repeated', () => {
    expect(quickAmounts(23000, CNY)).toEqual([23000, 24000, 25000, 30000]);
    expect(quickAmounts(10000, CNY)).toEqual([10000]);
  });

  it('caps the number of buttons', () => {
    expect(quickAmounts(800, CNY, 3)).toEqual([800, 1000, 2000]);
    expect(quickAmounts(800, CNY, 0)).toEqual([800]);
  });

  it('zero total: only "exact"; invalid totals: nothing', () => {
    expect(quickAmounts(0, CNY)).toEqual([0]);
    expect(quickAmounts(-1, CNY)).toEqual([]);
    expect(quickAmounts(1.5, CNY)).toEqual([]);
  });

  it('ignores nonsense notes and never leaves the safe-integer range', () => {
    expect(quickAmounts(150, [0, -5, 2.5, 100])).toEqual([150, 200]);
    const big = Number.MAX_SAFE_INTEGER - 1;
    expect(quickAmounts(big, [1000])).toEqual([big]);
  });

  it('roundUpTo is exact integer math', () => {
    expect(roundUpTo(1, 1000)).toBe(1000);
    expect(roundUpTo(1000, 1000)).toBe(1000);
    expect(roundUpTo(1001, 1000)).toBe(2000);
    expect(roundUpTo(9_007_199_254_740_000, 1000)).toBe(9_007_199_254_740_000);
  });
});
