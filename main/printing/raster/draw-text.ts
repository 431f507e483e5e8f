// One text line drawn on the font-A column grid. Each glyph is centred in its 1- or 2-column cell and squeezed
// horizontally when it is wider (Noto's Latin is proportional: 'M' is ~20 dots at 24 px, a cell 12), so the
// columns the layout padded for text mode line up exactly in the image too.
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Align, TextSize } from '../../../native/escpos/encode/document';
import type { Glyph } from './glyphs';
import type { RasterMetrics } from './metrics';

export interface TextStyle {
  readonly align: Align;
  readonly bold: boolean;
  readonly size: TextSize;
}

/** Where the alphabetic baseline sits in the em box: Noto Sans SC's ideographic em box spans +0.88/-0.12 em. */
const ASCENT = 0.88;

export function lineHeight(m: RasterMetrics, size: TextSize): number {
  return m.lineDots * size.height;
}

export function drawGlyphLine(
  ctx: SKRSContext2D,
  glyphs: readonly Glyph[],
  top: number,
  style: TextStyle,
  m: RasterMetrics,
  family: string,
): void {
  const sx = style.size.width;
  const sy = style.size.height;
  const columns = glyphs.reduce((n, g) => n + g.columns, 0);
  const used = columns * m.cell * sx;
  const free = Math.max(0, m.widthDots - used);
  let x = style.align === 'left' ? 0 : style.align === 'right' ? free : Math.floor(free / 2);
  // Half the line's leading above the em box, half below.
  const baseline = top + ((m.lineDots - m.fontPx) / 2) * sy + m.fontPx * ASCENT * sy;
  ctx.font = `${style.bold ? 'bold ' : ''}${m.fontPx}px "${family}"`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#000';
  let lastX = x;
  let lastBox = m.cell * sx;
  for (const g of glyphs) {
    // A combining mark (0 columns) goes over the previous glyph's box.
    const boxX = g.columns === 0 ? lastX : x;
    const box = g.columns === 0 ? lastBox : g.columns * m.cell * sx;
    const advance = ctx.measureText(g.char).width;
    // Up to one dot wider than the cell: side bearings keep neighbours apart, and 'm'/'w' keep three stems.
    const squeeze = advance > 0 ? Math.min(1, (box / sx + 1) / advance) : 1;
    ctx.save();
    ctx.translate(boxX + (box - advance * squeeze * sx) / 2, baseline);
    ctx.scale(squeeze * sx, sy);
    ctx.fillText(g.char, 0, 0);
    ctx.restore();
    if (g.columns > 0) {
      lastX = x;
      lastBox = box;
      x += box;
    }
  }
}
