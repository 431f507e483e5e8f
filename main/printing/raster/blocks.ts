// Receipt blocks -> things of known height that draw themselves at a given top. Measuring first lets the
// renderer size the canvas exactly (the paper is as long as the receipt, no blank tail).
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { ReceiptBlock } from '../../../native/escpos/encode/document';
import type { MonoBitmap } from '../../../native/escpos/encode/raster';
import { displayWidth, wrapToWidth } from '../text-width';
import { barcodeGeometry, drawBarcode, drawQr, qrGeometry } from './draw-codes';
import { drawGlyphLine, lineHeight } from './draw-text';
import type { TextStyle } from './draw-text';
import { toGlyphs } from './glyphs';
import type { MissingChar } from './glyphs';
import type { RasterMetrics } from './metrics';

/** What a drawable is, for the region map the renderer returns (previews, tests). */
export type DrawableKind = 'text' | 'rule' | 'barcode' | 'qr' | 'logo' | 'space';

export interface Drawable {
  readonly kind: DrawableKind;
  /** a text line's source text */
  readonly text?: string;
  readonly height: number;
  readonly draw: (ctx: SKRSContext2D, top: number) => void;
}

export interface BlockContext {
  readonly metrics: RasterMetrics;
  readonly columns: number;
  readonly family: string;
  readonly covers: (codePoint: number) => boolean;
  readonly onMissing: (missing: MissingChar) => void;
}

const PLAIN: TextStyle = { align: 'left', bold: false, size: { width: 1, height: 1 } };
const CENTRED: TextStyle = { ...PLAIN, align: 'center' };

/** CODE128 bar height: 80 dots = 10 mm, tall enough for a hand scanner swiped at an angle. */
const BARCODE_DOTS = 80;
/** QR codes take at most this share of the paper width, leaving a margin for the phone camera to frame. */
const QR_MAX_SHARE = 0.6;

function textLine(text: string, style: TextStyle, c: BlockContext): Drawable {
  const glyphs = toGlyphs(text, c.covers, c.onMissing);
  return {
    kind: 'text',
    text,
    height: lineHeight(c.metrics, style.size),
    draw: (ctx, top) => drawGlyphLine(ctx, glyphs, top, style, c.metrics, c.family),
  };
}

/**
 * A text block as one line, or several when it is wider than the paper at its magnification: the layout
 * promises it never is, but if it were, the tail would be drawn off the image and silently lost.
 */
function textLines(text: string, style: TextStyle, c: BlockContext): Drawable[] {
  const fit = Math.max(2, Math.floor(c.columns / style.size.width));
  const lines = displayWidth(text) <= fit ? [text] : wrapToWidth(text, fit);
  return lines.map((line) => textLine(line, style, c));
}

function separator(char: '-' | '=', c: BlockContext): Drawable {
  const { lineDots, widthDots } = c.metrics;
  return {
    kind: 'rule',
    height: lineDots,
    draw: (ctx, top) => {
      ctx.fillStyle = '#000';
      const mid = top + Math.floor(lineDots / 2);
      if (char === '-') ctx.fillRect(0, mid - 1, widthDots, 2);
      else {
        ctx.fillRect(0, mid - 4, widthDots, 2);
        ctx.fillRect(0, mid + 2, widthDots, 2);
      }
    },
  };
}

const centredText = (text: string, c: BlockContext): Drawable[] =>
  wrapToWidth(text, c.columns).map((line) => textLine(line, CENTRED, c));

function barcode(data: string, c: BlockContext): Drawable[] {
  // A receipt must still print when its barcode cannot (data outside CODE128 set B, or too long for the
  // paper): the data is printed as text, which staff can key in.
  const g = /^[\x20-\x7e]+$/.test(data) ? barcodeGeometry(data, c.metrics.widthDots) : null;
  if (!g) return centredText(data, c);
  const gap = Math.round(c.metrics.lineDots / 3);
  const bars: Drawable = {
    kind: 'barcode',
    height: BARCODE_DOTS + gap,
    draw: (ctx, top) =>
      drawBarcode(ctx, g, Math.floor((c.metrics.widthDots - g.widthDots) / 2), top + gap, BARCODE_DOTS),
  };
  // Human-readable line under the bars, as printers print it (GS H 2): staff can key it in if a scan fails.
  return [bars, textLine(data, CENTRED, c)];
}

function qr(data: string, fallbackText: string, c: BlockContext): Drawable[] {
  const g = qrGeometry(data, Math.floor(c.metrics.widthDots * QR_MAX_SHARE));
  if (!g) return centredText(fallbackText, c);
  return [
    {
      kind: 'qr',
      height: g.widthDots,
      draw: (ctx, top) => drawQr(ctx, g, Math.floor((c.metrics.widthDots - g.widthDots) / 2), top),
    },
  ];
}

/** The logo's black dots, centred; wider than the paper it is clipped at the right. */
function logo(image: MonoBitmap, c: BlockContext): Drawable[] {
  if (image.width === 0 || image.height === 0) return [];
  const left = Math.max(0, Math.floor((c.metrics.widthDots - image.width) / 2));
  return [
    {
      kind: 'logo',
      height: image.height,
      draw: (ctx, top) => {
        ctx.fillStyle = '#000';
        for (let y = 0; y < image.height; y++) {
          // One rectangle per run of black dots: exact pixels, far fewer draw calls.
          let x = 0;
          while (x < image.width) {
            if (!image.pixels[y * image.width + x]) {
              x++;
              continue;
            }
            const start = x;
            while (x < image.width && image.pixels[y * image.width + x]) x++;
            ctx.fillRect(left + start, top + y, x - start, 1);
          }
        }
      },
    },
  ];
}

/** The drawables for one block; `cut` is handled by the renderer (it ends a page). */
export function blockDrawables(block: Exclude<ReceiptBlock, { kind: 'cut' }>, c: BlockContext): Drawable[] {
  switch (block.kind) {
    case 'text':
      return textLines(block.text, block, c);
    case 'separator':
      return [separator(block.char, c)];
    case 'items':
      return block.lines.flatMap((line) => textLines(line, PLAIN, c));
    case 'barcode':
      return barcode(block.data, c);
    case 'qr':
      return qr(block.data, block.fallbackText, c);
    case 'logo':
      return logo(block.image, c);
    case 'feed':
      return [
        { kind: 'space', height: Math.max(0, block.lines) * c.metrics.lineDots, draw: () => undefined },
      ];
  }
}
