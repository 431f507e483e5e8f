// Lays a printed roll out top to bottom at printer resolution and burns it onto one 1-bit page: text through
// the font (then thresholded, as a thermal head has no grey), images bit for bit, codes from their data.
import { createCanvas } from '@napi-rs/canvas';
import type { RollItem } from './paper-roll';
import type { RollFont } from './roll-font';
import { drawTextRow, layoutTextLine } from './roll-text';
import type { MissingGlyph, TextRow } from './roll-text';
import { BARCODE_HEIGHT, drawBars, drawQr, layoutBarcode, layoutQr } from './roll-codes';
import { blankPage, blitColumns, blitRaster, fillDots, inkFromRgba } from './mono-bitmap';
import type { MonoPage } from './mono-bitmap';

/** Blank paper a cut leaves between the pieces (the knife sits a little above the print line). */
export const CUT_GAP = 24;
const HRI_GAP = 4;
const NV_IMAGE_HEIGHT = 48;

export interface Placement {
  /** index into the roll */
  readonly item: number;
  readonly top: number;
  readonly height: number;
}

export interface RollPage {
  readonly page: MonoPage;
  readonly placements: readonly Placement[];
  /** y of each cut's middle, top to bottom */
  readonly cuts: readonly { y: number; partial: boolean }[];
  readonly missing: readonly MissingGlyph[];
}

type Paint = (page: MonoPage) => void;
interface TextDraw {
  readonly row: TextRow;
  readonly top: number;
  readonly line: string;
}

const synthetic = (text: string, align: 'left' | 'center'): Extract<RollItem, { kind: 'line' }> => ({
  kind: 'line',
  text,
  align,
  segments: [{ text, bold: false, width: 1, height: 1 }],
});

export function layRoll(roll: readonly RollItem[], widthDots: number, font: RollFont): RollPage {
  const placements: Placement[] = [];
  const cuts: { y: number; partial: boolean }[] = [];
  const texts: TextDraw[] = [];
  const paints: Paint[] = [];
  let y = 0;
  // ESC * bands sit on the current line, side by side; the next line feed moves past them.
  let columnX = 0;
  let columnHeight = 0;

  const addText = (line: Extract<RollItem, { kind: 'line' }>, top: number): number => {
    let h = 0;
    for (const row of layoutTextLine(line, widthDots)) {
      texts.push({ row, top: top + h, line: line.text });
      h += row.height;
    }
    return h;
  };

  roll.forEach((item, index) => {
    const top = y;
    switch (item.kind) {
      case 'line': {
        const empty = item.segments.every((s) => s.text.length === 0);
        const h = empty && columnHeight > 0 ? columnHeight : Math.max(addText(item, top), columnHeight);
        y += h;
        columnX = 0;
        columnHeight = 0;
        break;
      }
      case 'image':
        if (item.format === 'column') {
          const left = columnX;
          paints.push((p) => blitColumns(p, item.data, item.widthDots, item.height, left, top));
          columnX += item.widthDots;
          columnHeight = Math.max(columnHeight, item.height);
          placements.push({ item: index, top, height: item.height });
          return;
        }
        paints.push((p) => blitRaster(p, item.data, item.widthDots, item.height, 0, top));
        y += item.height;
        break;
      case 'nvImage':
        // The logo lives in the printer's flash, which the emulator does not model: mark where it went.
        paints.push((p) => frame(p, top, NV_IMAGE_HEIGHT));
        addText(synthetic(`NV image ${item.image}`, 'center'), top + 9);
        y += NV_IMAGE_HEIGHT;
        break;
      case 'barcode': {
        const g = layoutBarcode(item, widthDots);
        if (!g) {
          y += addText(synthetic(`[${item.symbology} ${item.data}]`, 'center'), top);
          break;
        }
        paints.push((p) => drawBars(p, g, top));
        y += BARCODE_HEIGHT + HRI_GAP + addText(synthetic(g.text, 'center'), top + BARCODE_HEIGHT + HRI_GAP);
        break;
      }
      case 'qr': {
        const g = layoutQr(item);
        paints.push((p) => drawQr(p, g, top));
        y += g.size * g.moduleDots;
        break;
      }
      case 'cut':
        cuts.push({ y: top + CUT_GAP / 2, partial: item.partial });
        y += CUT_GAP;
        break;
    }
    placements.push({ item: index, top, height: y - top });
  });

  const height = Math.max(1, y, columnHeight);
  const missing: MissingGlyph[] = [];
  const page = blankPage(widthDots, height);
  burnText(page, texts, font, missing);
  for (const paint of paints) paint(page);
  return { page, placements, cuts, missing };
}

function burnText(page: MonoPage, texts: readonly TextDraw[], font: RollFont, missing: MissingGlyph[]): void {
  const canvas = createCanvas(page.width, page.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, page.width, page.height);
  for (const t of texts) {
    drawTextRow(ctx, t.row, t.top, font, (char) =>
      missing.push({ char, codePoint: char.codePointAt(0) ?? 0, line: t.line }),
    );
  }
  inkFromRgba(page, ctx.getImageData(0, 0, page.width, page.height).data, 0, page.height);
}

function frame(page: MonoPage, top: number, height: number): void {
  fillDots(page, 0, top, page.width, 2);
  fillDots(page, 0, top + height - 2, page.width, 2);
  fillDots(page, 0, top, 2, height);
  fillDots(page, page.width - 2, top, 2, height);
}
