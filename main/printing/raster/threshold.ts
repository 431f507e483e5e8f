// Anti-aliased canvas pixels -> printer dots. A plain threshold, not dithering: the receipt is black text and
// codes on white, where dithering would only fray glyph edges and QR modules.
import type { MonoBitmap } from '../../../native/escpos/encode/raster';

/**
 * Luma below this (of 255) prints black. Above 50% on purpose: the 1-2 dot stems of squeezed Latin glyphs are
 * mostly grey after anti-aliasing, and a 50% cut erases the middle stem of 'm' (checked on previews).
 */
export const BLACK_BELOW = 160;

export interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
}

export function thresholdToMono(image: Rgba, blackBelow: number = BLACK_BELOW): MonoBitmap {
  const { width, height, data } = image;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const o = i * 4;
    const alpha = (data[o + 3] ?? 255) / 255;
    // Transparent counts as paper (white); Rec. 601 luma in integer maths.
    const luma = ((data[o] ?? 0) * 299 + (data[o + 1] ?? 0) * 587 + (data[o + 2] ?? 0) * 114) / 1000;
    const composited = luma * alpha + 255 * (1 - alpha);
    pixels[i] = composited < blackBelow ? 1 : 0;
  }
  return { width, height, pixels };
}
