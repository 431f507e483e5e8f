// The drawer's denominations and a count's total: exact integers of fen, unknown or fractional counts refused.
import { describe, expect, it } from 'vitest';
import { countTotal, denominationsOf, fullCount } from '../../../main/api/denominations';
import { PosFailure } from '../../../main/api/result';

describe('denominations', () => {
  it('lists CNY notes 100, 50, 20, 10, 5, 1 and coins 1, 0.5, 0.1, largest first', () => {
    expect(denominationsOf('CNY').map((d) => `${d.kind} ${d.minor}`)).toEqual([
      'note 10000',
      'note 5000',
      'note 2000',
      'note 1000',
      'note 500',
      'note 100',
      'coin 100',
      'coin 50',
      'coin 10',
    ]);
  });

  it('totals a count exactly (no float drift on ten-fen coins) and fills the rest with zeros', () => {
    expect(countTotal('CNY', {})).toBe(0);
    expect(countTotal('CNY', { 'coin-10': 3 })).toBe(30); // 0.1 + 0.1 + 0.1 in floats is 0.30000000000000004
    expect(
      countTotal('CNY', { 'note-10000': 2, 'note-100': 1, 'coin-100': 1, 'coin-50': 1, 'coin-10': 7 }),
    ).toBe(20_320);
    expect(countTotal('CNY', { 'coin-10': 100_000, 'note-10000': 100_000 })).toBe(1_001_000_000);
    expect(fullCount('CNY', { 'coin-50': 2 })).toMatchObject({ 'note-10000': 0, 'coin-50': 2, 'coin-10': 0 });
  });

  it('refuses an unknown denomination, a currency without a table, and counts not whole in 0..100000', () => {
    const code = (f: () => unknown): string | null => {
      try {
        f();
        return null;
      } catch (e) {
        return e instanceof PosFailure ? e.code : 'thrown';
      }
    };
    expect(code(() => countTotal('CNY', { 'note-20000': 1 }))).toBe('COUNT_INVALID');
    expect(code(() => countTotal('USD', {}))).toBe('COUNT_INVALID');
    for (const n of [-1, 1.5, 100_001, Number.NaN]) {
      expect(code(() => countTotal('CNY', { 'coin-10': n }))).toBe('COUNT_INVALID');
    }
  });
});
