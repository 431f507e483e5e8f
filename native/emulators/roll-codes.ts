// Barcodes and QR codes as the printer draws them from the data it stored: whole-dot modules, no smoothing.
// The roll keeps the data but not the GS h / GS w / GS H settings, so bar height, module width and the
// human-readable line use the app's text-mode values (60 dots, widest module that fits, HRI below).
import QRCode from 'qrcode';
import type { RollItem } from './paper-roll';
import { code128Bars, escposCode128 } from './code128-bars';
import { fillDots } from './mono-bitmap';
import type { MonoPage } from './mono-bitmap';

export const BARCODE_HEIGHT = 60;
const QUIET_MODULES = 10;

export interface BarsLayout {
  readonly bars: number[];
  readonly moduleDots: number;
  readonly widthDots: number;
  /** human-readable text for under the bars */
  readonly text: string;
}

/** CODE128 bars at the widest module (3, 2, 1 dots) that fits; null for symbologies not drawn here. */
export function layoutBarcode(
  item: Extract<RollItem, { kind: 'barcode' }>,
  paperDots: number,
): BarsLayout | null {
  if (item.symbology !== 'CODE128') return null;
  const { values, text } = escposCode128(item.data);
  const bars = code128Bars(values);
  const modules = bars.reduce((a, b) => a + b, 0);
  const moduleDots = [3, 2, 1].find((m) => (modules + 2 * QUIET_MODULES) * m <= paperDots) ?? 1;
  return { bars, moduleDots, widthDots: modules * moduleDots, text };
}

export function drawBars(page: MonoPage, g: BarsLayout, top: number): void {
  let x = Math.max(0, Math.floor((page.width - g.widthDots) / 2));
  g.bars.forEach((w, i) => {
    // Even positions are bars, odd ones spaces.
    if (i % 2 === 0) fillDots(page, x, top, w * g.moduleDots, BARCODE_HEIGHT);
    x += w * g.moduleDots;
  });
}

export interface QrLayout {
  readonly size: number;
  readonly moduleDots: number;
  readonly dark: (row: number, col: number) => boolean;
}

/** The symbol a printer builds from `GS ( k` stored bytes, at the stored module size and error level. */
export function layoutQr(item: Extract<RollItem, { kind: 'qr' }>): QrLayout {
  // Byte mode over the stored bytes, as the printer sees them (not re-encoded from the decoded text).
  const { modules } = QRCode.create([{ data: item.data, mode: 'byte' }], {
    errorCorrectionLevel: item.errorLevel,
  });
  return { size: modules.size, moduleDots: item.moduleSize, dark: (r, c) => modules.get(r, c) !== 0 };
}

export function drawQr(page: MonoPage, g: QrLayout, top: number): void {
  const left = Math.max(0, Math.floor((page.width - g.size * g.moduleDots) / 2));
  for (let r = 0; r < g.size; r++) {
    for (let c = 0; c < g.size; c++) {
      if (g.dark(r, c))
        fillDots(page, left + c * g.moduleDots, top + r * g.moduleDots, g.moduleDots, g.moduleDots);
    }
  }
}
