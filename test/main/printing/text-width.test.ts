import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointWidth, displayWidth, padToWidth, wrapToWidth } from '../../../main/printing/text-width';

describe('displayWidth', () => {
  it('counts ASCII as one column and Hanzi as two', () => {
    expect(displayWidth('Cola')).toBe(4);
    expect(displayWidth('可口可乐')).toBe(8);
    expect(displayWidth('可口可乐 Coca-Cola 330ml')).toBe(8 + 1 + 15);
  });

  it('counts full-width punctuation, digits and the full-width yen as two', () => {
    expect(displayWidth('（散装）')).toBe(8);
    expect(displayWidth('，。：！')).toBe(8);
    expect(displayWidth('１２３')).toBe(6);
    expect(displayWidth('￥12.50')).toBe(2 + 5);
  });

  it('counts the half-width yen and Latin accents as one', () => {
    expect(displayWidth('¥')).toBe(1);
    expect(displayWidth('café')).toBe(4);
  });

  it('counts a surrogate pair once (emoji and CJK extension B are wide)', () => {
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('𠮷野家')).toBe(6);
  });

  it('gives controls and combining marks no width', () => {
    expect(displayWidth('a\u0301')).toBe(1);
    expect(codePointWidth(0x0a)).toBe(0);
  });
});

describe('wrapToWidth', () => {
  it('breaks Hanzi between characters by columns, not string length', () => {
    expect(wrapToWidth('红富士苹果散装称重', 8)).toEqual(['红富士苹', '果散装称', '重']);
  });

  it('never puts a wide character in the last free column', () => {
    expect(wrapToWidth('a可口可乐', 4)).toEqual(['a可', '口可', '乐']);
  });

  it('breaks Latin text after the last space that fits', () => {
    expect(wrapToWidth('Fuji apples loose by weight', 12)).toEqual(['Fuji apples ', 'loose by ', 'weight']);
  });

  it('breaks a word longer than the line hard', () => {
    expect(wrapToWidth('Supercalifragilistic', 8)).toEqual(['Supercal', 'ifragili', 'stic']);
  });

  it('handles mixed Chinese and English', () => {
    const lines = wrapToWidth('可口可乐 Coca-Cola 330ml', 12);
    expect(lines).toEqual(['可口可乐 ', 'Coca-Cola ', '330ml']);
  });

  it('never splits a surrogate pair', () => {
    expect(wrapToWidth('😀😀😀', 4)).toEqual(['😀😀', '😀']);
    expect(wrapToWidth('a𠮷b', 2)).toEqual(['a', '𠮷', 'b']);
  });

  it('has no lines for empty text and refuses widths a wide character cannot fit', () => {
    expect(wrapToWidth('', 10)).toEqual([]);
    expect(() => wrapToWidth('x', 1)).toThrow(RangeError);
  });

  const receiptish = fc.string({
    unit: fc.constantFrom('a', 'B', ' ', '1', '.', '可', '乐', '（', '￥', '😀', '𠮷', 'é', '\u0301'),
    maxLength: 60,
  });

  it('property: every line fits, no line is empty, and joining the lines restores the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(receiptish, fc.string({ unit: 'grapheme', maxLength: 40 })),
        fc.integer({ min: 2, max: 48 }),
        (text, width) => {
          const lines = wrapToWidth(text, width);
          for (const line of lines) {
            expect(displayWidth(line)).toBeLessThanOrEqual(width);
            expect(line).not.toBe('');
          }
          expect(lines.join('')).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: no line starts with the low half of a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.integer({ min: 2, max: 10 }),
        (text, width) => {
          for (const line of wrapToWidth(text, width)) {
            const first = line.charCodeAt(0);
            expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
          }
        },
      ),
    );
  });
});

describe('padToWidth', () => {
  it('pads by display width', () => {
    expect(padToWidth('合计', 8, 'right')).toBe('    合计');
    expect(padToWidth('合计', 9, 'center')).toBe('  合计   ');
    expect(padToWidth('ab', 4, 'left')).toBe('ab  ');
  });
});
