import { describe, expect, it } from 'vitest';
import { code128Data, code128ModuleDots, code128Modules } from '../../../../native/escpos/encode/code128';

const codes = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('CODE128 data for GS k 73', () => {
  it('uses code set C for digit runs of four or more', () => {
    // {B R {C 20 26 11 25 {B - {C 00 42
    expect(codes(code128Data('R20261125-0042'))).toEqual([
      123, 66, 82, 123, 67, 20, 26, 11, 25, 123, 66, 45, 123, 67, 0, 42,
    ]);
  });

  it('keeps short digit runs and an odd last digit in code set B', () => {
    expect(code128Data('A123')).toBe('{BA123');
    expect(codes(code128Data('12345'))).toEqual([123, 67, 12, 34, 123, 66, 53]);
  });

  it('escapes a literal brace and refuses non-ASCII', () => {
    expect(code128Data('a{b')).toBe('{Ba{{b');
    expect(() => code128Data('收据1')).toThrow(RangeError);
  });

  it('counts modules and picks the widest module that fits the paper', () => {
    const data = code128Data('R20261125-0042');
    expect(code128Modules(data)).toBe(13 * 11 + 13); // 12 symbols + check, then the stop
    expect(code128ModuleDots(data, 576)).toBe(3);
    expect(code128ModuleDots(data, 384)).toBe(2);
  });
});
