import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonoBitmap } from '../../../../native/escpos/encode/raster';
import {
  MAX_BAND_ROWS,
  encodeRaster,
  encodeRasterJob,
  packBits,
} from '../../../../native/escpos/encode/raster';

/** An independent reader of `GS v 0` streams: bands back to one bitmap (dots 0/1). */
function decodeBands(bytes: Uint8Array): { width: number; rows: number[][]; bandHeights: number[] } {
  const rows: number[][] = [];
  const bandHeights: number[] = [];
  let widthBytes = -1;
  let at = 0;
  while (at < bytes.length) {
    expect([...bytes.subarray(at, at + 4)]).toEqual([0x1d, 0x76, 0x30, 0]);
    const x = (bytes[at + 4] ?? 0) | ((bytes[at + 5] ?? 0) << 8);
    const y = (bytes[at + 6] ?? 0) | ((bytes[at + 7] ?? 0) << 8);
    if (widthBytes >= 0) expect(x).toBe(widthBytes);
    widthBytes = x;
    bandHeights.push(y);
    at += 8;
    for (let r = 0; r < y; r++, at += x) {
      const row: number[] = [];
      for (let b = 0; b < x * 8; b++) row.push(((bytes[at + (b >> 3)] ?? 0) >> (7 - (b & 7))) & 1);
      rows.push(row);
    }
  }
  expect(at).toBe(bytes.length);
  return { width: widthBytes * 8, rows, bandHeights };
}

const bitmap = (width: number, rows: number[][]): MonoBitmap => ({
  width,
  height: rows.length,
  pixels: Uint8Array.from(rows.flat()),
});

describe('packBits', () => {
  it('packs MSB-first, 1 = black, padding the last byte with white', () => {
    const packed = packBits([
      [1, 0, 0, 0, 0, 0, 0, 1, 1, 1],
      [0, 1, 0, 1, 0, 1, 0, 1, 0, 1],
    ]);
    expect(packed.widthBytes).toBe(2);
    expect([...packed.bytes]).toEqual([0b1000_0001, 0b1100_0000, 0b0101_0101, 0b0100_0000]);
  });
});

describe('encodeRaster (GS v 0)', () => {
  it('golden bytes for a 10x3 image', () => {
    const img = bitmap(10, [
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [1, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    ]);
    expect([...encodeRaster(img)]).toEqual([
      0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x03, 0x00, 0xff, 0xc0, 0x80, 0x40, 0xff, 0xc0,
    ]);
  });

  it('splits a 700-row image into bands of 255, 255 and 190 rows', () => {
    const img: MonoBitmap = { width: 576, height: 700, pixels: new Uint8Array(576 * 700) };
    const bytes = encodeRaster(img);
    const { bandHeights, width } = decodeBands(bytes);
    expect(bandHeights).toEqual([255, 255, 190]);
    expect(width).toBe(576);
    expect(bytes.length).toBe(3 * 8 + 72 * 700);
  });

  it('rejects a bitmap whose pixel buffer does not match its size', () => {
    expect(() => encodeRaster({ width: 8, height: 2, pixels: new Uint8Array(8) })).toThrow(RangeError);
  });

  it('decoding the bands gives back the bitmap (any size, any band height)', () => {
    const arb = fc
      .record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 60 }) })
      .chain(({ width, height }) =>
        fc.record({
          width: fc.constant(width),
          rows: fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: width, maxLength: width }), {
            minLength: height,
            maxLength: height,
          }),
          band: fc.integer({ min: 1, max: MAX_BAND_ROWS }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ width, rows, band }) => {
        const decoded = decodeBands(encodeRaster(bitmap(width, rows), band));
        expect(decoded.bandHeights.every((h) => h <= band)).toBe(true);
        expect(decoded.rows.map((r) => r.slice(0, width))).toEqual(rows);
        // Pad bits past the image width are white.
        expect(decoded.rows.every((r) => r.slice(width).every((d) => d === 0))).toBe(true);
      }),
    );
  });
});

describe('encodeRasterJob', () => {
  it('initialises, prints each page and cuts after it', () => {
    const page = bitmap(8, [[1, 0, 1, 0, 1, 0, 1, 0]]);
    const job = encodeRasterJob([page, page]);
    const band = [0x1d, 0x76, 0x30, 0, 1, 0, 1, 0, 0xaa];
    const cut = [0x1d, 0x56, 65, 0];
    expect([...job]).toEqual([0x1b, 0x40, ...band, ...cut, ...band, ...cut]);
  });

  it('kicks the drawer (all five bytes of ESC p) right after init when asked', () => {
    const job = encodeRasterJob([bitmap(8, [[1, 1, 1, 1, 1, 1, 1, 1]])], {
      drawer: { pin: 5, t1: 25, t2: 250 },
    });
    expect([...job.subarray(0, 7)]).toEqual([0x1b, 0x40, 0x1b, 0x70, 1, 25, 250]);
    expect(job[7]).toBe(0x1d);
  });

  it('feeds instead of cutting when asked', () => {
    const job = encodeRasterJob([bitmap(8, [[1, 1, 1, 1, 1, 1, 1, 1]])], { cut: false });
    expect([...job.subarray(-3)]).toEqual([0x1b, 0x64, 4]);
  });
});
