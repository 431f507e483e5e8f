// Barcodes and QR codes drawn as exact whole-dot modules: scanners need crisp edges, so nothing here is
// anti-aliased or scaled by the canvas (rectangles on integer coordinates only).
import type { SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { code128Modules } from './code128';

/** The 10-module quiet zone ISO/IEC 15417 asks for on each side of a CODE128 symbol. */
const QUIET_MODULES = 10;

export interface BarcodeGeometry {
  readonly modules: number[];
  readonly moduleDots: number;
  readonly widthDots: number;
}

/**
 * The widest module (3, 2, then 1 dot) at which the symbol plus quiet zones fits the paper; null if even 1-dot
 * modules do not fit (the caller prints the data as text instead of an unscannable barcode).
 */
export function barcodeGeometry(data: string, paperDots: number): BarcodeGeometry | null {
  const modules = code128Modules(data);
  const total = modules.reduce((a, b) => a + b, 0) + 2 * QUIET_MODULES;
  for (const moduleDots of [3, 2, 1]) {
    if (total * moduleDots <= paperDots) return { modules, moduleDots, widthDots: total * moduleDots };
  }
  return null;
}

export function drawBarcode(
  ctx: SKRSContext2D,
  g: BarcodeGeometry,
  left: number,
  top: number,
  height: number,
): void {
  ctx.fillStyle = '#000';
  let x = left + QUIET_MODULES * g.moduleDots;
  g.modules.forEach((w, i) => {
    // Even positions are bars, odd ones spaces.
    if (i % 2 === 0) ctx.fillRect(x, top, w * g.moduleDots, height);
    x += w * g.moduleDots;
  });
}

/** QR quiet zone: 4 modules each side (ISO/IEC 18004). */
export const QR_QUIET_MODULES = 4;

export interface QrGeometry {
  readonly size: number;
  readonly dark: (row: number, col: number) => boolean;
  readonly moduleDots: number;
  readonly widthDots: number;
}

/**
 * Error level M, modules as large as fit in `maxDots` (capped at 8 dots: bigger only wastes paper), at least
 * 3 dots so phone cameras read it off thermal paper; null when it cannot fit at 3 dots.
 */
export function qrGeometry(data: string, maxDots: number): QrGeometry | null {
  const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const span = modules.size + 2 * QR_QUIET_MODULES;
  const moduleDots = Math.min(8, Math.floor(maxDots / span));
  if (moduleDots < 3) return null;
  return {
    size: modules.size,
    dark: (row, col) => modules.get(row, col) !== 0,
    moduleDots,
    widthDots: span * moduleDots,
  };
}

export function drawQr(ctx: SKRSContext2D, g: QrGeometry, left: number, top: number): void {
  ctx.fillStyle = '#000';
  const origin = QR_QUIET_MODULES * g.moduleDots;
  for (let r = 0; r < g.size; r++) {
    for (let c = 0; c < g.size; c++) {
      if (g.dark(r, c)) {
        ctx.fillRect(
          left + origin + c * g.moduleDots,
          top + origin + r * g.moduleDots,
          g.moduleDots,
          g.moduleDots,
        );
      }
    }
  }
}
