// A 1-bit page (one byte per dot, 1 = burnt) and the ways printed things land on it. Thermal heads have no
// grey: whatever is drawn ends up here as dots, and images go in bit for bit, never through the canvas.

export interface MonoPage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

export function blankPage(width: number, height: number): MonoPage {
  return { width, height, pixels: new Uint8Array(width * height) };
}

export function fillDots(page: MonoPage, left: number, top: number, width: number, height: number): void {
  const x0 = Math.max(0, left);
  const x1 = Math.min(page.width, left + width);
  for (let y = Math.max(0, top); y < Math.min(page.height, top + height); y++) {
    page.pixels.fill(1, y * page.width + x0, y * page.width + Math.max(x0, x1));
  }
}

/** Dark canvas pixels (RGBA, black ink on white) become dots: what a thermal head would burn. */
export function inkFromRgba(
  page: MonoPage,
  rgba: Uint8ClampedArray | Uint8Array,
  top: number,
  rows: number,
): void {
  for (let y = 0; y < rows && top + y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      const i = (y * page.width + x) * 4;
      if ((rgba[i] ?? 255) < 128) page.pixels[(top + y) * page.width + x] = 1;
    }
  }
}

/** Draws a block of dots whose top-left corner lands at (left, top). */
type Blit = (
  page: MonoPage,
  data: Uint8Array,
  widthDots: number,
  height: number,
  left: number,
  top: number,
) => void;

/** GS v 0 data: rows of widthDots/8 bytes, MSB leftmost; dots past the paper edge are lost, as on paper. */
export const blitRaster: Blit = blitBits((x, y, widthDots) => y * widthDots + x);

/** ESC * data: one column after another, height/8 bytes a column, MSB the top dot. */
export const blitColumns: Blit = blitBits((x, y, _widthDots, height) => x * height + y);

/** A blit where the dot (x, y) is bit `bitAt(…)` of the data, counted from each byte's MSB. */
function blitBits(bitAt: (x: number, y: number, widthDots: number, height: number) => number): Blit {
  return (page, data, widthDots, height, left, top) => {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < widthDots; x++) {
        const bit = bitAt(x, y, widthDots, height);
        if (((data[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1) setDot(page, left + x, top + y);
      }
    }
  };
}

function setDot(page: MonoPage, x: number, y: number): void {
  if (x >= 0 && x < page.width && y >= 0 && y < page.height) page.pixels[y * page.width + x] = 1;
}
