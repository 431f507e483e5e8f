// `GS v 0` raster images: the way to print what the printer's ROM cannot (CJK on printers without a Chinese
// font, logos). Pure byte building; the bitmap comes from the caller (main/printing/raster renders receipts).
//
// Wire format per band: 1D 76 30 m xL xH yL yH d1..dk, with x = bytes per row, y = rows, rows top to bottom,
// the most significant bit of each byte the leftmost dot, 1 = black.

import { drawerPulseBytes } from './drawer';
import type { DrawerPulse } from './drawer';
import { concatBytes } from '../../bytes/concat';

/** A 1-bit image, one byte per dot (0 white, anything else black), row-major. */
export interface MonoBitmap {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Packed rows as `GS v 0` wants them. */
export interface PackedRaster {
  readonly widthBytes: number;
  readonly height: number;
  readonly bytes: Uint8Array;
}

/**
 * Most printers buffer a limited number of raster rows, and some firmwares mis-handle yH > 0 outright; the
 * usual advice (and what the vendors' own drivers do) is bands of at most 255 rows, i.e. yH = 0 always.
 */
export const MAX_BAND_ROWS = 255;

const GS = 0x1d;

/** Packs rows of dots (nonzero = black) into bytes, MSB leftmost; short rows and the pad bits are white. */
export function packBits(rows: readonly ArrayLike<number>[]): PackedRaster {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const widthBytes = Math.ceil(width / 8);
  const bytes = new Uint8Array(widthBytes * rows.length);
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      const at = y * widthBytes + (x >> 3);
      if (row[x]) bytes[at] = (bytes[at] ?? 0) | (0x80 >> (x & 7));
    }
  });
  return { widthBytes, height: rows.length, bytes };
}

/** The rows of a bitmap as views (no copy), for packBits. */
export function bitmapRows(bitmap: MonoBitmap): Uint8Array[] {
  return Array.from({ length: bitmap.height }, (_, y) =>
    bitmap.pixels.subarray(y * bitmap.width, (y + 1) * bitmap.width),
  );
}

/** Splits packed rows into bands of at most maxRows rows (the last band takes the remainder). */
export function splitBands(packed: PackedRaster, maxRows: number = MAX_BAND_ROWS): PackedRaster[] {
  if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows > 0xffff) {
    throw new RangeError(`band height must be 1..65535 rows, got ${maxRows}`);
  }
  const bands: PackedRaster[] = [];
  for (let y = 0; y < packed.height; y += maxRows) {
    const height = Math.min(maxRows, packed.height - y);
    const bytes = packed.bytes.subarray(y * packed.widthBytes, (y + height) * packed.widthBytes);
    bands.push({ widthBytes: packed.widthBytes, height, bytes });
  }
  return bands;
}

/** One `GS v 0` command (normal density, m = 0) for one band. */
export function encodeBand(band: PackedRaster): Uint8Array {
  if (band.widthBytes < 1 || band.widthBytes > 0xffff || band.height < 1 || band.height > 0xffff) {
    throw new RangeError(`raster band ${band.widthBytes} bytes x ${band.height} rows is out of range`);
  }
  const header = [GS, 0x76, 0x30, 0, band.widthBytes & 0xff, band.widthBytes >> 8, band.height & 0xff];
  const out = new Uint8Array(header.length + 1 + band.bytes.length);
  out.set(header);
  out[header.length] = band.height >> 8;
  out.set(band.bytes, header.length + 1);
  return out;
}

/** A whole bitmap as consecutive `GS v 0` bands; an empty bitmap encodes to nothing. */
export function encodeRaster(bitmap: MonoBitmap, maxBandRows: number = MAX_BAND_ROWS): Uint8Array {
  if (bitmap.pixels.length !== bitmap.width * bitmap.height) {
    throw new RangeError(
      `bitmap has ${bitmap.pixels.length} dots, expected ${bitmap.width}x${bitmap.height}`,
    );
  }
  if (bitmap.width === 0 || bitmap.height === 0) return new Uint8Array(0);
  return concatBytes(splitBands(packBits(bitmapRows(bitmap)), maxBandRows).map(encodeBand));
}

export interface RasterJobOptions {
  /** Cut after each page (GS V 65 0); otherwise feed 4 lines (ESC d 4) so the image clears the tear bar. */
  readonly cut?: boolean;
  readonly maxBandRows?: number;
  /** kick the cash drawer right after init, so it opens while the receipt prints (as text mode does) */
  readonly drawer?: DrawerPulse | null;
}

/**
 * A print job of raster pages: ESC @, then each page's bands followed by feed-and-cut. `GS V 65 0` (function B)
 * first feeds the paper to the cutting position, so the cut lands below the image rather than through it.
 */
export function encodeRasterJob(pages: readonly MonoBitmap[], options: RasterJobOptions = {}): Uint8Array {
  const { cut = true, maxBandRows = MAX_BAND_ROWS, drawer = null } = options;
  const after = cut ? Uint8Array.of(GS, 0x56, 65, 0) : Uint8Array.of(0x1b, 0x64, 4);
  const parts: Uint8Array[] = [Uint8Array.of(0x1b, 0x40)];
  if (drawer) parts.push(drawerPulseBytes(drawer));
  for (const page of pages) parts.push(encodeRaster(page, maxBandRows), after);
  return concatBytes(parts);
}
