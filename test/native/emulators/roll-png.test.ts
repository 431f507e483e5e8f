// The roll as a picture: what the emulated printer printed, drawn at printer resolution. Checked by reading
// the picture back the way a person or a scanner would: ink where the lines are, the QR scanning to the
// receipt's lookup URL, the barcode decoding to the receipt number, raster bands identical to the job's bitmap.
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { EscPosPrinter } from '../../../native/emulators/escpos-printer';
import type { RollItem } from '../../../native/emulators/paper-roll';
import { renderRollToPage, renderRollToPng } from '../../../native/emulators/roll-png';
import type { MissingGlyph, RollPngOptions } from '../../../native/emulators/roll-png';
import { findProfile } from '../../../native/escpos/encode/profiles';
import type { PrinterProfile } from '../../../native/escpos/encode/profiles';
import { CODE128_PATTERNS } from '../../../main/printing/raster/code128';
import { rasterReceiptJob } from '../../../main/printing/raster/raster-job';
import { renderReceipt } from '../../../main/printing/render-receipt';
import { layoutReceipt } from '../../../main/printing/receipt-layout';
import { parseReceiptFile } from '../../../main/printing/sale-json';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const fonts = path.join(root, 'resources', 'fonts');
const FONT = {
  fontPath: path.join(fonts, 'NotoSansSC-receipt-Regular.ttf'),
  boldFontPath: path.join(fonts, 'NotoSansSC-receipt-Bold.ttf'),
};
const file = parseReceiptFile(
  fs.readFileSync(path.join(root, 'test/main/printing/fixtures/sale.json'), 'utf8'),
);
const LOOKUP_URL = 'https://r.example.cn/r/R20261125-0042';

function profile(id: string): PrinterProfile {
  const p = findProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
}

function print(bytes: Uint8Array, p: PrinterProfile): EscPosPrinter {
  const printer = new EscPosPrinter({ columns: p.columns });
  printer.write(bytes);
  printer.endOfJob();
  expect(printer.problems).toEqual([]);
  return printer;
}

async function decode(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

type Pixels = Awaited<ReturnType<typeof decode>>;
const dark = (px: Pixels, x: number, y: number): boolean => (px.data[(y * px.width + x) * 4] ?? 255) < 128;

function inkRows(px: Pixels, top: number, height: number): number {
  let rows = 0;
  for (let y = top; y < top + height; y++) {
    for (let x = 0; x < px.width; x++) {
      if (dark(px, x, y)) {
        rows++;
        break;
      }
    }
  }
  return rows;
}

/** An independent CODE128 reader: run lengths of one scan line -> symbol values -> text (sets B and C). */
function readCode128(px: Pixels, y: number): string {
  const runs: number[] = [];
  let x = 0;
  while (x < px.width && !dark(px, x, y)) x++;
  while (x < px.width) {
    const ink = dark(px, x, y);
    let n = 0;
    for (; x < px.width && dark(px, x, y) === ink; x++) n++;
    runs.push(n);
  }
  runs.pop(); // the white to the paper's edge
  const module = Math.min(...runs);
  const widths = runs.map((r) => Math.round(r / module)).join('');
  // Six widths a symbol, and the stop's seven at the end.
  expect(widths.slice(-7)).toBe(CODE128_PATTERNS[106]);
  const values: number[] = [];
  for (let i = 0; i + 6 <= widths.length - 7; i += 6)
    values.push(CODE128_PATTERNS.indexOf(widths.slice(i, i + 6)));
  expect(values).not.toContain(-1);
  values.push(106);
  let set = values[0] === 105 ? 'C' : 'B';
  let text = '';
  // Drop the start, then stop off the end, then check the mod-103 sum before reading the data.
  const data = values.slice(1, -2);
  const check = values.slice(0, -2).reduce((s, v, k) => s + v * Math.max(1, k), 0) % 103;
  expect(values.at(-2)).toBe(check);
  for (const v of data) {
    if (v === 99 || v === 100) set = v === 99 ? 'C' : 'B';
    else text += set === 'C' ? String(v).padStart(2, '0') : String.fromCharCode(v + 32);
  }
  return text;
}

describe('renderRollToPng: a Chinese sale printed in text mode (cn-80)', () => {
  const p = profile('cn-80');
  const printer = print(renderReceipt(file, { profile: p }), p);
  const options: RollPngOptions = { widthDots: p.widthDots, ...FONT };
  const missing: MissingGlyph[] = [];
  const png = renderRollToPng(printer.roll, { ...options, onMissing: (m) => missing.push(m) });
  const laid = renderRollToPage(printer.roll, options);
  const placed = (pred: (i: RollItem) => boolean) =>
    laid.placements.filter((pl) => pred(printer.roll[pl.item] as RollItem));

  it('is a PNG as wide as the print head, with every character in the font', async () => {
    const px = await decode(png);
    expect(px.width).toBe(576);
    expect(px.height).toBe(laid.page.height);
    expect(missing).toEqual([]);
  });

  it('has ink on the rows of printed lines and none on the blank feeds', async () => {
    const px = await decode(png);
    const [title] = placed((i) => i.kind === 'line' && i.text === '好又多便利店');
    if (!title) throw new Error('store name not on the roll');
    // Double height: 48-dot characters, the lines above and below at 30.
    expect(title.height).toBe(54);
    expect(inkRows(px, title.top, title.height)).toBeGreaterThan(36);
    const coke = placed((i) => i.kind === 'line' && i.text.startsWith('可口可乐'));
    expect(coke).toHaveLength(1);
    for (const line of coke) expect(inkRows(px, line.top, line.height)).toBeGreaterThan(15);
    const blanks = placed((i) => i.kind === 'line' && i.text === '');
    expect(blanks.length).toBeGreaterThan(2);
    for (const blank of blanks) expect(inkRows(px, blank.top, blank.height)).toBe(0);
  });

  it('right-aligns the total: its last character ends at the paper edge', async () => {
    const px = await decode(png);
    const [total] = placed((i) => i.kind === 'line' && i.text.startsWith('合计'));
    if (!total) throw new Error('total not on the roll');
    let right = 0;
    for (let y = total.top; y < total.top + total.height; y++) {
      for (let x = 0; x < px.width; x++) if (dark(px, x, y)) right = Math.max(right, x);
    }
    expect(right).toBeGreaterThan(576 - 12);
  });

  it("draws the QR from its stored data: a scanner reads the receipt's lookup URL", async () => {
    const px = await decode(png);
    expect(jsQR(px.data, px.width, px.height)?.data).toBe(LOOKUP_URL);
    // At the stored module size (6 dots) and error level (M): the symbol's size says both.
    const [qr] = placed((i) => i.kind === 'qr');
    const { modules } = QRCode.create(LOOKUP_URL, { errorCorrectionLevel: 'M' });
    expect(qr?.height).toBe(modules.size * 6);
    let left = px.width;
    let right = 0;
    for (let x = 0; x < px.width; x++) {
      if (dark(px, x, (qr?.top ?? 0) + 2)) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
    expect(right - left + 1).toBe(modules.size * 6);
  });

  it('draws the CODE128 bars from the shift-coded data: they decode to the receipt number', async () => {
    const px = await decode(png);
    const [barcode] = placed((i) => i.kind === 'barcode');
    if (!barcode) throw new Error('no barcode on the roll');
    expect(readCode128(px, barcode.top + 20)).toBe('R20261125-0042');
  });

  it('shows the cut as a grey gap, and a drawer pulse changes nothing on paper', async () => {
    const withPulse = print(
      Uint8Array.from([...renderReceipt(file, { profile: p }), 0x1b, 0x70, 0, 25, 250]),
      p,
    );
    expect(withPulse.pulses).toHaveLength(1);
    expect(renderRollToPng(withPulse.roll, options).equals(png)).toBe(true);
    const px = await decode(png);
    const [cut] = laid.cuts;
    if (!cut) throw new Error('no cut');
    const grey = px.data[(cut.y * px.width + 100) * 4] ?? 0;
    expect(grey).toBeGreaterThan(128);
    expect(grey).toBeLessThan(255);
  });

  it('looks like a photo when asked: dark surround, off-white paper, grey print, still scannable', async () => {
    const photo = await decode(renderRollToPng(printer.roll, { ...options, photo: true }));
    expect(photo.width).toBeGreaterThan(576);
    const at = (x: number, y: number) => [0, 1, 2].map((c) => photo.data[(y * photo.width + x) * 4 + c] ?? 0);
    expect(Math.max(...at(2, 2))).toBeLessThan(110);
    // In the blank side margin of the paper, halfway down (where the tilt moves nothing).
    const paper = at(Math.floor((photo.width - 576) / 2) - 16, Math.floor(photo.height / 2));
    expect(paper[0]).toBeGreaterThan(paper[2] ?? 255); // warm: more red than blue
    expect(Math.min(...paper)).toBeGreaterThan(200);
    let darkest = 255;
    for (let i = 0; i < photo.data.length; i += 4) darkest = Math.min(darkest, photo.data[i] ?? 255);
    expect(darkest).toBeGreaterThan(0); // no pure black anywhere: thermal print is grey
    expect(jsQR(photo.data, photo.width, photo.height)?.data).toBe(LOOKUP_URL);
  });
});

describe('renderRollToPng: the same sale as a raster job (epson-80)', () => {
  const p = profile('epson-80');
  const doc = layoutReceipt(file.sale, file.store, {
    widthColumns: 48,
    locale: file.receipt.locale,
    copy: file.receipt.copy,
    lookupUrl: file.receipt.lookupUrl,
    timeZone: file.receipt.timeZone,
    fullWidthYen: true,
  });
  const job = rasterReceiptJob(doc, p);
  const printer = print(job.bytes, p);

  it('blits the GS v 0 bands bit for bit: the paper is the job bitmap', async () => {
    const options = { widthDots: p.widthDots, ...FONT };
    const px = await decode(renderRollToPng(printer.roll, options));
    const laid = renderRollToPage(printer.roll, options);
    const images = laid.placements.filter((pl) => printer.roll[pl.item]?.kind === 'image');
    expect(images.length).toBeGreaterThan(1);
    const firstTop = images[0]?.top ?? -1;
    expect(firstTop).toBe(0);
    let y = 0;
    for (const page of job.pages) {
      expect(page.width).toBe(px.width);
      for (let row = 0; row < page.height; row++, y++) {
        for (let x = 0; x < page.width; x++) {
          if ((page.pixels[row * page.width + x] ? 1 : 0) !== (dark(px, x, y) ? 1 : 0)) {
            throw new Error(`dot (${x}, ${y}) differs from the job bitmap`);
          }
        }
      }
    }
    expect(y).toBe(images.reduce((h, i) => h + i.height, 0));
    expect(jsQR(px.data, px.width, px.height)?.data).toBe(LOOKUP_URL);
  });
});

describe('renderRollToPng: characters and images it cannot or must draw exactly', () => {
  const line = (text: string): RollItem => ({
    kind: 'line',
    text,
    align: 'left',
    segments: [{ text, bold: false, width: 1, height: 1 }],
  });

  it('draws a character the font lacks as □ in its cell and reports it', async () => {
    const missing: MissingGlyph[] = [];
    // U+4DB5 is a CJK Extension A ideograph, outside GB2312: the subset font has no glyph for it.
    const roll = [line('A䶵B')];
    const px = await decode(
      renderRollToPng(roll, { widthDots: 384, ...FONT, onMissing: (m) => missing.push(m) }),
    );
    expect(px.width).toBe(384);
    expect(missing).toEqual([{ char: '䶵', codePoint: 0x4db5, line: 'A䶵B' }]);
    // Its 24x24 cell (x 12..35): a box — ink on the frame, none in the middle.
    let frame = 0;
    for (let y = 0; y < 24; y++) frame += dark(px, 14, y) ? 1 : 0;
    expect(frame).toBeGreaterThan(12);
    for (let y = 8; y < 16; y++) for (let x = 20; x < 28; x++) expect(dark(px, x, y)).toBe(false);
    // The neighbours are still drawn: ink in A's cell (x 0..11) and B's (x 36..47).
    const inkIn = (x0: number) =>
      Array.from({ length: 12 * 24 }, (_, i) => dark(px, x0 + (i % 12), Math.floor(i / 12)));
    expect(inkIn(0).some(Boolean)).toBe(true);
    expect(inkIn(36).some(Boolean)).toBe(true);
  });

  it('blits ESC * column images bit for bit, side by side on their line', async () => {
    const columns = Uint8Array.from({ length: 16 * 3 }, (_, i) => (i * 37 + 11) & 0xff);
    const roll: RollItem[] = [
      { kind: 'image', format: 'column', widthDots: 16, height: 24, data: columns },
      { kind: 'image', format: 'column', widthDots: 16, height: 24, data: columns },
      line(''),
    ];
    const px = await decode(renderRollToPng(roll, { widthDots: 384, ...FONT }));
    expect(px.height).toBe(24);
    for (const left of [0, 16]) {
      for (let x = 0; x < 16; x++) {
        for (let y = 0; y < 24; y++) {
          const bit = ((columns[x * 3 + (y >> 3)] ?? 0) >> (7 - (y & 7))) & 1;
          expect(dark(px, left + x, y) ? 1 : 0).toBe(bit);
        }
      }
    }
  });

  it('never drops what it cannot draw: other symbologies and NV logos leave a visible mark', async () => {
    const roll: RollItem[] = [
      { kind: 'barcode', symbology: 'EAN13', data: '4006381333931' },
      { kind: 'nvImage', image: 1 },
    ];
    const options = { widthDots: 384, ...FONT };
    const px = await decode(renderRollToPng(roll, options));
    const [ean, logo] = renderRollToPage(roll, options).placements;
    expect(inkRows(px, ean?.top ?? 0, ean?.height ?? 0)).toBeGreaterThan(10);
    expect(inkRows(px, logo?.top ?? 0, logo?.height ?? 0)).toBe(logo?.height);
  });
});
