import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it, vi } from 'vitest';
import { CONFIG_FILE, DEFAULT_CONFIG, loadConfig } from '../../../main/config/config';
import { LOGO_MAX_HEIGHT_DOTS, loadLogo, loadStoreLogo, logoFit } from '../../../main/printing/logo';
import { renderReceipt as renderRaster } from '../../../main/printing/raster/render';
import { layoutReceipt } from '../../../main/printing/receipt-layout';
import { renderReceipt } from '../../../main/printing/render-receipt';
import type { ParsedReceiptFile } from '../../../main/printing/sale-json';
import { parseReceiptFile } from '../../../main/printing/sale-json';
import { EscPosPrinter } from '../../../native/emulators/escpos-printer';
import { findProfile } from '../../../native/escpos/encode/profiles';
import type { PrinterProfile } from '../../../native/escpos/encode/profiles';
import type { MonoBitmap } from '../../../native/escpos/encode/raster';
import { bitmapRows, packBits } from '../../../native/escpos/encode/raster';
import { readFixture } from '../../support/golden';

const saleEn = parseReceiptFile(readFixture('sale-en.json'));
const profile = (id: string): PrinterProfile => {
  const p = findProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
};

/** 20 x 12 dots: a frame with a diagonal, so any shift or flip shows. */
function testLogo(width = 20, height = 12): MonoBitmap {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const edge = x === 0 || y === 0 || x === width - 1 || y === height - 1;
      pixels[y * width + x] = edge || x === y ? 1 : 0;
    }
  }
  return { width, height, pixels };
}

const withLogo = (file: ParsedReceiptFile, logo: MonoBitmap | null): ParsedReceiptFile => ({
  ...file,
  store: { ...file.store, logo },
});

const layoutOpts = { widthColumns: 48, locale: 'en', copy: false, lookupUrl: null } as const;

function indexOf(hay: Uint8Array, needle: ArrayLike<number>, from = 0): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const tmpDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'pos-logo-'));

describe('store logo: layout', () => {
  it('puts a logo block first in the header when the store has a logo', () => {
    const logo = testLogo();
    const doc = layoutReceipt(saleEn.sale, { ...saleEn.store, logo }, layoutOpts);
    expect(doc.blocks[0]).toEqual({ kind: 'logo', image: logo });
    expect(doc.blocks[1]).toMatchObject({ kind: 'text', text: saleEn.store.name });
  });

  it('has no logo block without one (and the same document as before)', () => {
    const plain = layoutReceipt(saleEn.sale, saleEn.store, layoutOpts);
    const nulled = layoutReceipt(saleEn.sale, { ...saleEn.store, logo: null }, layoutOpts);
    expect(plain.blocks.some((b) => b.kind === 'logo')).toBe(false);
    expect(nulled).toEqual(plain);
  });
});

describe('store logo: text mode', () => {
  const logo = testLogo();
  const bytes = renderReceipt(withLogo(saleEn, logo), { profile: profile('epson-80'), mode: 'text' });

  it('prints a GS v 0 image of the logo size, centred, before the store name', () => {
    const header = [0x1d, 0x76, 0x30, 0, 3, 0, 12, 0]; // 20 dots -> 3 bytes a row, 12 rows
    const at = indexOf(bytes, header);
    expect(at).toBeGreaterThan(0);
    expect([...bytes.subarray(at - 3, at)]).toEqual([0x1b, 0x61, 1]);
    const packed = packBits(bitmapRows(logo)).bytes;
    expect([...bytes.subarray(at + header.length, at + header.length + packed.length)]).toEqual([...packed]);
    const name = indexOf(bytes, Buffer.from(saleEn.store.name, 'latin1'));
    expect(name).toBeGreaterThan(at + header.length + packed.length);
  });

  it('no logo: exactly the bytes of a store without the field', () => {
    const plain = renderReceipt(saleEn, { profile: profile('epson-80'), mode: 'text' });
    expect(renderReceipt(withLogo(saleEn, null), { profile: profile('epson-80'), mode: 'text' })).toEqual(
      plain,
    );
    expect(indexOf(plain, [0x1d, 0x76, 0x30])).toBe(-1);
  });

  it('the emulated printer puts the logo on the roll bit-exact, above the store name', () => {
    const p = new EscPosPrinter();
    p.write(bytes);
    expect(p.problems).toEqual([]);
    const first = p.roll[0];
    expect(first).toMatchObject({ kind: 'image', format: 'raster', widthDots: 24, height: 12 });
    if (first?.kind !== 'image') throw new Error('no image');
    expect([...first.data]).toEqual([...packBits(bitmapRows(logo)).bytes]);
    const nameLine = p.roll.findIndex((i) => i.kind === 'line' && i.text.includes(saleEn.store.name));
    expect(nameLine).toBeGreaterThan(0);
  });
});

describe('store logo: raster mode', () => {
  it('draws the logo pixels centred at the top of the page', () => {
    const logo = testLogo();
    const widthDots = 576;
    const doc = layoutReceipt(saleEn.sale, { ...saleEn.store, logo }, layoutOpts);
    const { pages, regions } = renderRaster(doc, { widthDots });
    expect(regions[0]).toMatchObject({ page: 0, kind: 'logo', top: 0, height: 12 });
    const page = pages[0];
    if (!page) throw new Error('no page');
    const left = Math.floor((widthDots - logo.width) / 2);
    for (let y = 0; y < logo.height; y++) {
      const row = [...page.pixels.subarray(y * widthDots, (y + 1) * widthDots)];
      const expected = new Array<number>(widthDots).fill(0);
      for (let x = 0; x < logo.width; x++) expected[left + x] = logo.pixels[y * logo.width + x] ?? 0;
      expect(row).toEqual(expected);
    }
  });
});

describe('store logo: loading', () => {
  it('fits the logo in 60 % of the paper and 160 dots, keeping the aspect ratio, never enlarging', () => {
    expect(logoFit(800, 200, 576)).toEqual({ width: 345, height: 86 });
    expect(logoFit(100, 400, 576)).toEqual({ width: 40, height: LOGO_MAX_HEIGHT_DOTS });
    expect(logoFit(50, 20, 384)).toEqual({ width: 50, height: 20 });
  });

  it('loads a PNG, scales it and thresholds it to 1 bit', async () => {
    const canvas = createCanvas(800, 200);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 800, 200);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, 400, 200); // left half black
    const file = path.join(tmpDir(), 'logo.png');
    fs.writeFileSync(file, canvas.toBuffer('image/png'));
    const log = vi.fn();
    const logo = await loadLogo(file, 576, log);
    expect(log).not.toHaveBeenCalled();
    expect(logo).toMatchObject({ width: 345, height: 86 });
    if (!logo) throw new Error('no logo');
    expect(logo.pixels[10 * 345 + 10]).toBe(1);
    expect(logo.pixels[10 * 345 + 300]).toBe(0);
    expect(logo.pixels.every((p) => p === 0 || p === 1)).toBe(true);
  });

  it('a missing file logs a warning and the receipt prints without a logo', async () => {
    const log = vi.fn();
    const missing = path.join(tmpDir(), 'nope.png');
    const logo = await loadStoreLogo(missing, 576, log);
    expect(logo).toBeNull();
    expect(log).toHaveBeenCalledWith(
      'warn',
      expect.stringContaining('logo'),
      expect.objectContaining({ path: missing }),
    );
    const plain = renderReceipt(saleEn, { profile: profile('epson-80'), mode: 'text' });
    expect(renderReceipt(withLogo(saleEn, logo), { profile: profile('epson-80'), mode: 'text' })).toEqual(
      plain,
    );
  });

  it('a file that is not an image logs a warning and gives no logo', async () => {
    const file = path.join(tmpDir(), 'bad.png');
    fs.writeFileSync(file, 'not a png');
    const log = vi.fn();
    expect(await loadLogo(file, 576, log)).toBeNull();
    expect(log).toHaveBeenCalledWith('warn', expect.any(String), expect.objectContaining({ path: file }));
  });

  it('no logoPath: no logo and no warning', async () => {
    const log = vi.fn();
    expect(await loadStoreLogo(null, 576, log)).toBeNull();
    expect(await loadStoreLogo(undefined, 576, log)).toBeNull();
    expect(log).not.toHaveBeenCalled();
  });

  it('config with store.logoPath loads', () => {
    const dir = tmpDir();
    const config = { ...DEFAULT_CONFIG, store: { ...DEFAULT_CONFIG.store, logoPath: '/srv/pos/logo.png' } };
    fs.writeFileSync(path.join(dir, CONFIG_FILE), JSON.stringify(config));
    expect(loadConfig(dir).store.logoPath).toBe('/srv/pos/logo.png');
  });
});
