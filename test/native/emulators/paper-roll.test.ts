// Plain-text rendering of the roll: widths of CJK text, alignment, and the markers for non-text items.
import { describe, expect, it } from 'vitest';
import { displayWidth, renderRoll } from '../../../native/emulators/paper-roll';
import type { RollItem } from '../../../native/emulators/paper-roll';

const line = (text: string, align: 'left' | 'center' | 'right', width = 1): RollItem => ({
  kind: 'line',
  text,
  align,
  segments: [{ text, bold: false, width, height: 1 }],
});

describe('paper roll rendering', () => {
  it('counts CJK and full-width forms as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('￥1')).toBe(3);
    expect(displayWidth('¥1')).toBe(2); // U+00A5 is half-width
  });

  it('aligns by printed width, including double-width text', () => {
    expect(renderRoll([line('中文', 'right')], 32)).toBe(' '.repeat(28) + '中文');
    expect(renderRoll([line('AB', 'center', 2)], 32)).toBe(' '.repeat(14) + 'AB');
    expect(renderRoll([line('too long for the paper', 'center')], 10)).toBe('too long for the paper');
  });

  it('marks images, codes and cuts', () => {
    const roll: RollItem[] = [
      { kind: 'image', format: 'raster', widthDots: 576, height: 24, data: new Uint8Array(72 * 24) },
      { kind: 'barcode', symbology: 'EAN13', data: '4006381333931' },
      { kind: 'qr', data: new Uint8Array(), text: 'https://x', model: 2, moduleSize: 4, errorLevel: 'M' },
      { kind: 'nvImage', image: 1 },
      { kind: 'cut', partial: false },
      { kind: 'cut', partial: true },
    ];
    expect(renderRoll(roll, 48).split('\n')).toEqual([
      '[image 576x24]',
      '[barcode EAN13 4006381333931]',
      '[qr https://x]',
      '[nv image 1]',
      '--- cut ---',
      '- - - partial cut - - -',
    ]);
  });
});
