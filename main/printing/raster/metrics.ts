// Receipt geometry in printer dots, derived from the paper width and the document's font-A columns, so the
// raster receipt keeps exactly the columns the text-mode receipt was laid out for.

export interface RasterMetrics {
  /** printable dots per line: 576 (80 mm) or 384 (58 mm) */
  readonly widthDots: number;
  /** dots per font-A column (12 on both papers) */
  readonly cell: number;
  /** glyph em size at magnification 1: two columns, like the printer's 24x24 Hanzi */
  readonly fontPx: number;
  /** dots per text line at height 1: the printers' default 30-dot line spacing (3.75 mm) */
  readonly lineDots: number;
}

export function rasterMetrics(widthDots: number, widthColumns: number): RasterMetrics {
  if (!Number.isInteger(widthDots) || widthDots < 8 || !Number.isInteger(widthColumns) || widthColumns < 2) {
    throw new RangeError(`bad raster geometry: ${widthDots} dots for ${widthColumns} columns`);
  }
  const cell = Math.floor(widthDots / widthColumns);
  return { widthDots, cell, fontPx: cell * 2, lineDots: Math.round(cell * 2.5) };
}
