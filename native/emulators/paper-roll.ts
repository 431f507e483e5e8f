// What an emulated printer has put on paper, and a plain-text rendering of it for tests.
import type { Align, BarcodeSymbology, QrErrorLevel } from '../escpos/decoder';

export interface TextSegment {
  text: string;
  bold: boolean;
  /** Character width / height multipliers (GS !, ESC !). */
  width: number;
  height: number;
}

export type RollItem =
  | { kind: 'line'; text: string; align: Align; segments: TextSegment[] }
  /** `format` raster: rows of widthDots/8 bytes, MSB leftmost (GS v 0); column: ESC * bands. */
  | { kind: 'image'; format: 'raster' | 'column'; widthDots: number; height: number; data: Uint8Array }
  | { kind: 'nvImage'; image: number }
  | { kind: 'barcode'; symbology: BarcodeSymbology; data: string }
  | {
      kind: 'qr';
      data: Uint8Array;
      /** The stored bytes read as UTF-8, as a phone scanning the code would. */
      text: string;
      model: 1 | 2 | 'micro';
      moduleSize: number;
      errorLevel: QrErrorLevel;
    }
  | { kind: 'cut'; partial: boolean };

// Characters a printer's ROM font prints two columns wide (CJK, Hangul, full-width forms).
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

/** Columns a string takes at size 1 (wide characters count 2). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function renderLine(item: Extract<RollItem, { kind: 'line' }>, columns: number): string {
  const used = item.segments.reduce((sum, s) => sum + displayWidth(s.text) * s.width, 0);
  const free = Math.max(0, columns - used);
  const pad = item.align === 'center' ? Math.floor(free / 2) : item.align === 'right' ? free : 0;
  return (' '.repeat(pad) + item.text).trimEnd();
}

/** One string per roll item: text lines as printed (aligned in `columns`), other items as [markers]. */
export function renderRoll(roll: readonly RollItem[], columns: number): string {
  return roll
    .map((item) => {
      switch (item.kind) {
        case 'line':
          return renderLine(item, columns);
        case 'image':
          return `[image ${item.widthDots}x${item.height}]`;
        case 'nvImage':
          return `[nv image ${item.image}]`;
        case 'barcode':
          return `[barcode ${item.symbology} ${item.data}]`;
        case 'qr':
          return `[qr ${item.text}]`;
        case 'cut':
          return item.partial ? '- - - partial cut - - -' : '--- cut ---';
      }
    })
    .join('\n');
}
