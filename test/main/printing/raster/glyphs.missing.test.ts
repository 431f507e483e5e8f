import { describe, expect, it } from 'vitest';
import type { ReceiptDocument } from '../../../../native/escpos/encode/document';
import { REPLACEMENT_CHAR, toGlyphs } from '../../../../main/printing/raster/glyphs';
import type { MissingChar } from '../../../../main/printing/raster/glyphs';
import { renderReceipt } from '../../../../main/printing/raster/render';
import { blackIn, must } from '../../../support/raster';

const doc = (...lines: string[]): ReceiptDocument => ({
  widthColumns: 48,
  blocks: lines.map((text) => ({
    kind: 'text',
    text,
    align: 'left',
    bold: false,
    size: { width: 1, height: 1 },
  })),
});

describe('characters the bundled font lacks', () => {
  // 𠀀 (CJK ext. B) and 🍎 are outside GB2312; 乂 is GBK-only. Control characters are never printable.
  const line = '苹果🍎 𠀀乂\u0007 ok';

  it('are drawn as □, keep their columns, and are each reported', () => {
    const reported: MissingChar[] = [];
    const glyphs = toGlyphs(
      line,
      (cp) => cp < 0x80 || cp === 0x82f9 || cp === 0x679c,
      (m) => reported.push(m),
    );
    expect(glyphs.map((g) => g.char).join('')).toBe(
      `苹果${REPLACEMENT_CHAR} ${REPLACEMENT_CHAR.repeat(3)} ok`,
    );
    // 🍎 and 𠀀 and 乂 are two columns wide; the bell becomes one visible box.
    expect(glyphs.map((g) => g.columns)).toEqual([2, 2, 2, 1, 2, 2, 1, 1, 1, 1]);
    expect(reported.map((m) => m.codePoint)).toEqual([0x1f34e, 0x20000, 0x4e42, 0x07]);
    // UTF-16 indexes (🍎 and 𠀀 are surrogate pairs), as the text encoder's Unprintable reports them.
    expect(reported.map((m) => m.index)).toEqual([2, 5, 7, 8]);
    expect(reported.every((m) => m.replacement === REPLACEMENT_CHAR)).toBe(true);
    expect(reported.every((m) => m.text === line)).toBe(true);
  });

  it('variation selectors and zero-width joiners are invisible, not missing', () => {
    const reported: MissingChar[] = [];
    const glyphs = toGlyphs(
      'a\ufe0f\u200db',
      () => true,
      (m) => reported.push(m),
    );
    expect(glyphs.map((g) => g.char)).toEqual(['a', 'b']);
    expect(reported).toEqual([]);
  });

  it('are reported by the renderer, through the callback and in the result, and printed visibly', () => {
    const seen: string[] = [];
    const r = renderReceipt(doc('可口可乐 𠀀'), { widthDots: 576, onMissing: (m) => seen.push(m.char) });
    expect(seen).toEqual(['𠀀']);
    expect(r.missing.map((m) => m.char)).toEqual(['𠀀']);
    // The box sits in the missing character's own two columns (after 4 Hanzi and a space: columns 9-10 = dots
    // 108..131) and is a real outline: four sides of a ~19-dot square.
    const page = must(r.pages[0]);
    expect(blackIn(page, 0, page.height, 108, 24)).toBeGreaterThan(60);
    expect(blackIn(page, 0, page.height, 132, 576 - 132)).toBe(0);
  });

  it('a receipt with only covered characters reports nothing', () => {
    const r = renderReceipt(doc('合计 ￥23.00', 'Coca-Cola 330ml ¥3.50 €'), { widthDots: 576 });
    expect(r.missing).toEqual([]);
  });
});
