// One printed text line on the font-A grid (12x24 dots a cell; CJK and full-width forms take two cells),
// scaled by each segment's width/height multipliers, wrapped where the printer would wrap it, and drawn with
// the caller's font. A character the font lacks is drawn as a box (□) and reported, never dropped: a receipt
// preview that silently loses a character is worse than one that shows it cannot print it.
import type { SKRSContext2D } from '@napi-rs/canvas';
import { displayWidth } from './paper-roll';
import type { RollItem, TextSegment } from './paper-roll';
import type { RollFont } from './roll-font';

export const CELL_WIDTH = 12;
export const CELL_HEIGHT = 24;
/** Dots between rows: default ESC 2 spacing is 30 dots, i.e. a 24-dot character plus 6. */
export const LINE_GAP = 6;
/** Where the alphabetic baseline sits in the em box: Noto Sans SC's ideographic em box spans +0.88/-0.12 em. */
const ASCENT = 0.88;

type Line = Extract<RollItem, { kind: 'line' }>;

interface Cell {
  readonly char: string;
  readonly x: number;
  readonly width: number;
  readonly segment: TextSegment;
}

export interface TextRow {
  readonly cells: readonly Cell[];
  readonly height: number;
}

export interface MissingGlyph {
  readonly char: string;
  readonly codePoint: number;
  /** the printed line it was in */
  readonly line: string;
}

/** The line cut into printed rows, with each character's x and width in dots. */
export function layoutTextLine(line: Line, widthDots: number): TextRow[] {
  const rows: { chars: { char: string; width: number; segment: TextSegment }[]; used: number }[] = [];
  let row = { chars: [] as { char: string; width: number; segment: TextSegment }[], used: 0 };
  rows.push(row);
  for (const segment of line.segments) {
    for (const char of segment.text) {
      const width = displayWidth(char) * CELL_WIDTH * segment.width;
      if (row.used + width > widthDots && row.chars.length > 0) {
        row = { chars: [], used: 0 };
        rows.push(row);
      }
      row.chars.push({ char, width, segment });
      row.used += width;
    }
  }
  return rows.map((r) => {
    const free = Math.max(0, widthDots - r.used);
    let x = line.align === 'center' ? Math.floor(free / 2) : line.align === 'right' ? free : 0;
    const cells = r.chars.map((c) => {
      const cell = { ...c, x };
      x += c.width;
      return cell;
    });
    const tallest = r.chars.reduce((h, c) => Math.max(h, c.segment.height), 1);
    return { cells, height: tallest * CELL_HEIGHT + LINE_GAP };
  });
}

export function drawTextRow(
  ctx: SKRSContext2D,
  row: TextRow,
  top: number,
  font: RollFont,
  onMissing: (char: string) => void,
): void {
  // Characters of different heights share the bottom of the row, as on the printer.
  const bottom = top + row.height - LINE_GAP;
  ctx.fillStyle = '#000';
  ctx.strokeStyle = '#000';
  ctx.textBaseline = 'alphabetic';
  for (const cell of row.cells) {
    const { segment } = cell;
    const cellTop = bottom - CELL_HEIGHT * segment.height;
    const cp = cell.char.codePointAt(0) ?? 0;
    if (/\s/u.test(cell.char)) continue;
    if (!font.covers(cp)) {
      onMissing(cell.char);
      drawBox(ctx, cell.x, cellTop, cell.width, CELL_HEIGHT * segment.height, segment.width);
      continue;
    }
    const bold = segment.bold && font.hasBold;
    ctx.font = `${bold ? 'bold ' : ''}${CELL_HEIGHT}px "${font.family}"`;
    const advance = ctx.measureText(cell.char).width;
    const box = cell.width / segment.width;
    // Noto's Latin is proportional ('M' ~20 dots at 24 px): squeeze into the cell, one dot of slack allowed.
    const squeeze = advance > 0 ? Math.min(1, (box + 1) / advance) : 1;
    const strikes = segment.bold && !font.hasBold ? [0, 1] : [0];
    for (const dx of strikes) {
      ctx.save();
      ctx.translate(cell.x + dx + (cell.width - advance * squeeze * segment.width) / 2, cellTop);
      ctx.scale(squeeze * segment.width, segment.height);
      ctx.fillText(cell.char, 0, CELL_HEIGHT * ASCENT);
      ctx.restore();
    }
  }
}

/** □ drawn by hand: the font that lacks the character may lack U+25A1 too. */
function drawBox(
  ctx: SKRSContext2D,
  x: number,
  top: number,
  width: number,
  height: number,
  scale: number,
): void {
  const inset = 2 * scale;
  ctx.lineWidth = 2 * scale;
  ctx.strokeRect(
    x + inset + scale,
    top + inset + scale,
    width - 2 * inset - 2 * scale,
    height - 2 * inset - 2 * scale,
  );
}
