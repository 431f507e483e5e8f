import { describe, expect, it } from 'vitest';
import type { ReceiptDocument, TextBlock } from '../../../../native/escpos/encode/document';
import { renderReceipt } from '../../../../main/printing/raster/render';
import { blackIn, chineseSale, must } from '../../../support/raster';

const one = (block: TextBlock, widthColumns = 48): ReceiptDocument => ({ widthColumns, blocks: [block] });
const text = (t: string, over: Partial<TextBlock> = {}): TextBlock => ({
  kind: 'text',
  text: t,
  align: 'left',
  bold: false,
  size: { width: 1, height: 1 },
  ...over,
});

/** Leftmost and rightmost black columns of a bitmap. */
function inkSpan(doc: ReceiptDocument): [number, number] {
  const page = must(renderReceipt(doc, { widthDots: 576 }).pages[0]);
  let min = page.width;
  let max = -1;
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      if (page.pixels[y * page.width + x]) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
  }
  return [min, max];
}

describe('renderReceipt', () => {
  for (const [columns, dots] of [
    [48, 576],
    [32, 384],
  ] as const) {
    it(`renders a Chinese sale at ${dots} dots with ink on every text line`, () => {
      const r = renderReceipt(chineseSale(columns), { widthDots: dots });
      expect(r.missing).toEqual([]);
      expect(r.pages).toHaveLength(1);
      const page = must(r.pages[0]);
      expect(page.width).toBe(dots);
      expect(page.pixels.length).toBe(dots * page.height);
      const lines = r.regions.filter((g) => g.kind === 'text');
      expect(lines.length).toBeGreaterThanOrEqual(12);
      for (const line of lines) {
        const ink = blackIn(page, line.top, line.height);
        // ~25+ dots of ink per visible character; a line drawn in a fallback-less blank font would have none.
        const visible = [...(line.text ?? '')].filter((c) => c.trim() !== '').length;
        expect(ink, line.text).toBeGreaterThan(visible * 25);
      }
      // Rules, barcode and QR are there too, and the image ends with the 3 fed (white) lines before the cut.
      expect(r.regions.map((g) => g.kind)).toEqual(
        expect.arrayContaining(['rule', 'barcode', 'qr', 'space']),
      );
      const tail = must(r.regions.at(-1));
      expect(tail.kind).toBe('space');
      expect(blackIn(page, tail.top, tail.height)).toBe(0);
    });
  }

  it('aligns left, centre and right on the paper', () => {
    const [l0, l1] = inkSpan(one(text('可口可乐')));
    const [c0, c1] = inkSpan(one(text('可口可乐', { align: 'center' })));
    const [r0, r1] = inkSpan(one(text('可口可乐', { align: 'right' })));
    expect(l0).toBeLessThan(4);
    expect(Math.abs((c0 + c1) / 2 - 288)).toBeLessThan(4);
    expect(r1).toBeGreaterThan(571);
    // Four Hanzi take 8 columns = 96 dots, whatever the alignment.
    for (const w of [l1 - l0, c1 - c0, r1 - r0]) expect(w).toBeGreaterThan(85);
  });

  it('double width/height doubles the box; bold adds ink', () => {
    const base = renderReceipt(one(text('合计')), { widthDots: 576 });
    const big = renderReceipt(one(text('合计', { size: { width: 2, height: 2 } })), { widthDots: 576 });
    const bold = renderReceipt(one(text('合计', { bold: true })), { widthDots: 576 });
    expect(must(big.pages[0]).height).toBe(2 * must(base.pages[0]).height);
    const ink = (r: typeof base): number => must(r.pages[0]).pixels.reduce((a, b) => a + b, 0);
    expect(ink(big)).toBeGreaterThan(3 * ink(base));
    expect(ink(bold)).toBeGreaterThan(1.2 * ink(base));
  });

  it('keeps text-mode columns: a price padded to column 48 ends at the right edge', () => {
    // 合计 = 4 columns, ￥ = 2, 23.00 = 5.
    const line = `合计${' '.repeat(48 - 4 - 7)}￥23.00`;
    const [, right] = inkSpan(one(text(line)));
    expect(renderReceipt(one(text(line)), { widthDots: 576 }).regions).toHaveLength(1);
    expect(right).toBeGreaterThan(576 - 12);
  });

  it('wraps a line too wide for the paper instead of drawing it off the edge', () => {
    const wide = '可口可乐'.repeat(4); // 32 columns, 64 at double width: two lines of 24 + 8 Hanzi columns
    const r = renderReceipt(one(text(wide, { size: { width: 2, height: 2 } })), { widthDots: 576 });
    expect(r.regions.map((g) => g.text)).toEqual(['可口可乐'.repeat(3), '可口可乐']);
    expect(must(r.pages[0]).height).toBe(2 * 60);
    expect(r.missing).toEqual([]);
  });

  it('prints barcode data as text when CODE128 cannot carry it or it does not fit', () => {
    for (const data of ['单号42', 'X'.repeat(60)]) {
      const r = renderReceipt(
        { widthColumns: 48, blocks: [{ kind: 'barcode', symbology: 'code128', data }] },
        { widthDots: 576 },
      );
      expect(r.regions.map((g) => g.kind)).not.toContain('barcode');
      expect(r.regions.map((g) => g.text).join('')).toBe(data);
    }
  });

  it('keeps an empty text line as a blank line', () => {
    expect(must(renderReceipt(one(text('')), { widthDots: 576 }).pages[0]).height).toBe(30);
  });

  it('starts a new page at every cut and drops the empty page after the last cut', () => {
    const doc: ReceiptDocument = {
      widthColumns: 48,
      blocks: [text('第一联'), { kind: 'cut' }, text('第二联'), { kind: 'feed', lines: 2 }, { kind: 'cut' }],
    };
    const { pages, regions } = renderReceipt(doc, { widthDots: 576 });
    expect(pages.map((p) => p.height)).toEqual([30, 90]);
    expect(regions.map((g) => g.page)).toEqual([0, 1, 1]);
  });
});
