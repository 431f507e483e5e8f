// Receipt DOCUMENT -> 1-bit bitmaps at the printer's dot width, for printers without a Chinese ROM font
// (docs/decisions/0006-raster-receipts.md). Each `cut` block ends a page; the encoder cuts after each page.
import { createCanvas } from '@napi-rs/canvas';
import type { ReceiptDocument } from '../../../native/escpos/encode/document';
import type { MonoBitmap } from '../../../native/escpos/encode/raster';
import { blockDrawables } from './blocks';
import type { BlockContext, Drawable, DrawableKind } from './blocks';
import { loadReceiptFont } from './fonts';
import type { MissingChar } from './glyphs';
import { rasterMetrics } from './metrics';
import { thresholdToMono } from './threshold';

export type { MissingChar } from './glyphs';

export interface RasterRenderOptions {
  /** printable dots per line: 576 for 80 mm paper, 384 for 58 mm (PrinterProfile.widthDots) */
  readonly widthDots: number;
  /** called for every character the bundled font lacks (it is printed as □, never dropped) */
  readonly onMissing?: (missing: MissingChar) => void;
  /** where the receipt fonts are; default: the checkout's resources/fonts (a packaged app passes its own) */
  readonly fontDir?: string;
}

/** Where each drawn thing landed: for previews, and for tests that look at one line's pixels. */
export interface RasterRegion {
  readonly page: number;
  readonly kind: DrawableKind;
  readonly text?: string;
  readonly top: number;
  readonly height: number;
}

export interface RasterReceipt {
  /** one bitmap per page; a page ends at a `cut` block */
  readonly pages: MonoBitmap[];
  readonly regions: RasterRegion[];
  /** every replaced character, in order of appearance */
  readonly missing: MissingChar[];
}

export function renderReceipt(doc: ReceiptDocument, options: RasterRenderOptions): RasterReceipt {
  const font = loadReceiptFont(options.fontDir);
  const missing: MissingChar[] = [];
  const c: BlockContext = {
    metrics: rasterMetrics(options.widthDots, doc.widthColumns),
    columns: doc.widthColumns,
    family: font.family,
    covers: font.covers,
    onMissing: (m) => {
      missing.push(m);
      options.onMissing?.(m);
    },
  };
  const pages: Drawable[][] = [];
  let current: Drawable[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'cut') current.push(...blockDrawables(block, c));
    else {
      pages.push(current);
      current = [];
    }
  }
  // A document ending in `cut` leaves an empty last page: nothing to print there.
  if (current.length > 0 || pages.length === 0) pages.push(current);
  const regions = pages.flatMap((drawables, page) => {
    let top = 0;
    return drawables.map(({ kind, text, height }) => {
      const region: RasterRegion = { page, kind, top, height, ...(text === undefined ? {} : { text }) };
      top += height;
      return region;
    });
  });
  return { pages: pages.map((p) => paint(p, options.widthDots)), regions, missing };
}

function paint(drawables: readonly Drawable[], width: number): MonoBitmap {
  const height = drawables.reduce((h, d) => h + d.height, 0);
  if (height === 0) return { width, height: 0, pixels: new Uint8Array(0) };
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  let top = 0;
  for (const d of drawables) {
    d.draw(ctx, top);
    top += d.height;
  }
  return thresholdToMono(ctx.getImageData(0, 0, width, height));
}
