import { describe, expect, it } from 'vitest';
import { parseMinor, yuanToFen } from '../../../../main/reconciliation/formats/money';

describe('settlement amounts, by string arithmetic', () => {
  it('turns yuan with 2 decimals into fen exactly, where floats would not', () => {
    expect(yuanToFen('0.29')).toBe(29);
    expect(0.29 * 100).not.toBe(29);
    expect(yuanToFen('1.15')).toBe(115);
    expect(yuanToFen('12345678901.99')).toBe(1234567890199);
    expect(yuanToFen('-0.05')).toBe(-5);
    expect(yuanToFen('-0.00')).toBe(0);
    expect(Object.is(yuanToFen('-0.00'), -0)).toBe(false);
  });

  it('refuses anything but a 2-decimal amount', () => {
    for (const bad of [
      '',
      '1',
      '1.2',
      '1.234',
      '1,00',
      '¥1.00',
      ' 1.00',
      '1e2',
      '--1.00',
      '.50',
      '123456789012.00',
    ])
      expect(yuanToFen(bad), bad).toBeNull();
  });

  it('reads whole minor units only', () => {
    expect(parseMinor('0')).toBe(0);
    expect(parseMinor('1230')).toBe(1230);
    expect(parseMinor('-600')).toBe(-600);
    for (const bad of ['', '01', '1.0', '12a', '-0', '1e3']) expect(parseMinor(bad), bad).toBeNull();
  });
});
