import { describe, expect, it } from 'vitest';
import {
  parseDiscount,
  parsePercentBp,
  parseQtyMilli,
  tryParseAmount,
} from '../../renderer/src/format/parse';

describe('cashier input parsing', () => {
  it('weights in kg with up to 3 decimals, exactly', () => {
    expect(parseQtyMilli('1.235', 'kg')).toBe(1235);
    expect(parseQtyMilli('0.5', 'kg')).toBe(500);
    expect(parseQtyMilli('.005', 'kg')).toBe(5);
    expect(parseQtyMilli('２．５', 'kg')).toBe(2500); // full-width from an IME
    expect(parseQtyMilli('1.2345', 'kg')).toBeNull();
    expect(parseQtyMilli('0', 'kg')).toBeNull();
    expect(parseQtyMilli('', 'kg')).toBeNull();
    expect(parseQtyMilli('.', 'kg')).toBeNull();
    expect(parseQtyMilli('-1', 'kg')).toBeNull();
  });

  it('pieces are whole numbers', () => {
    expect(parseQtyMilli('3', 'each')).toBe(3000);
    expect(parseQtyMilli('1.5', 'each')).toBeNull();
    expect(parseQtyMilli('0', 'each')).toBeNull();
    expect(parseQtyMilli('999999', 'each')).toBe(999_999_000);
    expect(parseQtyMilli('1000000', 'each')).toBeNull();
  });

  it('percentages to basis points', () => {
    expect(parsePercentBp('10')).toBe(1000);
    expect(parsePercentBp('12.5%')).toBe(1250);
    expect(parsePercentBp('0.01')).toBe(1);
    expect(parsePercentBp('100')).toBe(10_000);
    expect(parsePercentBp('100.01')).toBeNull();
    expect(parsePercentBp('1.234')).toBeNull();
    expect(parsePercentBp('１０％')).toBe(1000);
  });

  it('discounts: a trailing % wins over the amount toggle', () => {
    expect(parseDiscount('10%', 'amount', 'CNY')).toEqual({
      ok: true,
      discount: { kind: 'percent', bp: 1000 },
    });
    expect(parseDiscount('5', 'amount', 'CNY')).toEqual({
      ok: true,
      discount: { kind: 'amount', minor: 500 },
    });
    expect(parseDiscount('5', 'percent', 'CNY')).toEqual({
      ok: true,
      discount: { kind: 'percent', bp: 500 },
    });
    expect(parseDiscount('150', 'percent', 'CNY')).toEqual({ ok: false, reason: 'percent' });
  });

  it('amounts go through @contract/money and report a select-friendly reason', () => {
    expect(tryParseAmount('¥12.5', 'CNY')).toEqual({ ok: true, minor: 1250 });
    expect(tryParseAmount('12.345', 'CNY')).toEqual({ ok: false, reason: 'tooManyDecimals' });
    expect(tryParseAmount('abc', 'CNY')).toEqual({ ok: false, reason: 'notANumber' });
    expect(tryParseAmount('', 'CNY')).toEqual({ ok: false, reason: 'empty' });
  });
});
