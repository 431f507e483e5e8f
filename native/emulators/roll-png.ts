// What the emulated printer printed, as a PNG: at printer resolution (one pixel per dot) for tests and
// previews, or dressed up as a photo of a thermal receipt for docs. Drawer pulses never reach the paper, so
// they are nowhere in the picture.
import { createCanvas } from '@napi-rs/canvas';
import type { RollItem } from './paper-roll';
import { loadRollFont } from './roll-font';
import { layRoll } from './roll-page';
import type { RollPage } from './roll-page';
import type { MissingGlyph } from './roll-text';
import { photoPng } from './roll-photo';

export type { MissingGlyph } from './roll-text';
export type { Placement, RollPage } from './roll-page';

export interface RollPngOptions {
  /** printable width in dots: 576 on 80 mm paper, 384 on 58 mm */
  readonly widthDots: number;
  /** a TTF/OTF with the characters to print (the repo's resources/fonts receipt font) */
  readonly fontPath: string;
  /** its bold face; without it bold is double-struck one dot apart, like a printer's emphasis */
  readonly boldFontPath?: string;
  /** a photo of a thermal receipt instead of the bare dots */
  readonly photo?: boolean;
  /** told about every character the font cannot draw (drawn as □) */
  readonly onMissing?: (missing: MissingGlyph) => void;
}

/** Gap colour where a cut separated the paper; light enough never to be mistaken for print. */
const CUT_GREY = 200;

export function renderRollToPng(roll: readonly RollItem[], options: RollPngOptions): Buffer {
  const laid = renderRollToPage(roll, options);
  for (const m of laid.missing) options.onMissing?.(m);
  return options.photo ? photoPng(laid.page, laid.cuts) : plainPng(laid);
}

/** The roll laid out and burnt onto one 1-bit page, with where each item went (for tests and previews). */
export function renderRollToPage(
  roll: readonly RollItem[],
  options: Pick<RollPngOptions, 'widthDots' | 'fontPath' | 'boldFontPath'>,
): RollPage {
  if (!Number.isInteger(options.widthDots) || options.widthDots < 8) {
    throw new RangeError(`widthDots must be a whole number of dots, got ${options.widthDots}`);
  }
  const font = loadRollFont(options.fontPath, options.boldFontPath);
  return layRoll(roll, options.widthDots, font);
}

function plainPng({ page, cuts }: RollPage): Buffer {
  const canvas = createCanvas(page.width, page.height);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(page.width, page.height);
  for (let i = 0; i < page.width * page.height; i++) {
    const v = page.pixels[i] ? 0 : 255;
    img.data.set([v, v, v, 255], i * 4);
  }
  // A cut shows as a zigzag gap across the paper (a partial cut leaves a bridge in the middle).
  for (const cut of cuts) {
    for (let x = 0; x < page.width; x++) {
      if (cut.partial && Math.abs(x - page.width / 2) < 12) continue;
      const t = Math.abs((x % 12) - 6);
      for (let y = cut.y - 3 - t; y <= cut.y + 3 + (6 - t); y++) {
        if (y >= 0 && y < page.height && !page.pixels[y * page.width + x]) {
          img.data.set([CUT_GREY, CUT_GREY, CUT_GREY, 255], (y * page.width + x) * 4);
        }
      }
    }
  }
  ctx.putImageData(img, 0, 0);
  return canvas.toBuffer('image/png');
}
