import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProfile } from '../../../native/escpos/encode/profiles';
import type { PrinterProfile } from '../../../native/escpos/encode/profiles';
import { RasterRequiredError } from '../../../native/escpos/encode/text-mode';
import { renderReceipt } from '../../../main/printing/render-receipt';
import { decodeEscPos } from '../../../native/escpos/decoder';
import { parseReceiptFile } from '../../../main/printing/sale-json';
import { expectGolden, hexDump, readFixture } from '../../support/golden';

const sale = parseReceiptFile(readFixture('sale.json'));
const saleEn = parseReceiptFile(readFixture('sale-en.json'));
const profile = (id: string): PrinterProfile => {
  const p = findProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
};

describe('golden bytes per printer profile', () => {
  it('cn-80: the Chinese fixture in GB18030 Chinese mode', () => {
    expectGolden('sale.cn-80.bin', renderReceipt(sale, { profile: profile('cn-80') }));
  });

  it('cn-58: the Chinese fixture in 32 columns, URL as text, no cut', () => {
    expectGolden('sale.cn-58.bin', renderReceipt(sale, { profile: profile('cn-58') }));
  });

  it('epson-80 (text mode): the English fixture in the Latin code page', () => {
    expectGolden(
      'sale-en.epson-80.bin',
      renderReceipt(saleEn, { profile: profile('epson-80'), mode: 'text' }),
    );
  });

  it('cn-80 reprint with the drawer: marked copy, drawer pulse after init', () => {
    const bytes = renderReceipt(sale, {
      profile: profile('cn-80'),
      copy: true,
      drawer: { pin: 2, t1: 25, t2: 250 },
    });
    expectGolden('sale-copy-drawer.cn-80.bin', bytes);
    expect(hexDump(bytes.subarray(0, 16))).toContain('1b 40 1c 2e 1b 4d 00 1b 70 00 19 fa');
  });
});

describe('modes', () => {
  it('needs raster mode for the Chinese fixture on epson-80, and says so', () => {
    expect(() => renderReceipt(sale, { profile: profile('epson-80'), mode: 'text' })).toThrow(
      RasterRequiredError,
    );
  });

  it('prints the Chinese fixture as GS v 0 images in raster mode (the epson-80 default)', () => {
    for (const p of [profile('epson-80'), profile('cn-58')]) {
      const events = decodeEscPos(renderReceipt(sale, { profile: p, mode: 'raster' }));
      expect(events[0]?.type).toBe('init');
      const images = events.filter((e) => e.type === 'rasterImage');
      expect(images.length).toBeGreaterThan(1); // tall receipts go in bands
      for (const img of images) {
        expect(img).toMatchObject({ widthBytes: p.widthDots / 8 });
        expect((img as { height: number }).height).toBeLessThanOrEqual(255);
      }
      // No text at all: the printer has no CJK font to rely on, everything is in the images.
      expect(events.filter((e) => e.type === 'text' || e.type === 'chineseMode')).toEqual([]);
    }
    expect(renderReceipt(sale, { profile: profile('epson-80') })).toEqual(
      renderReceipt(sale, { profile: profile('epson-80'), mode: 'raster' }),
    );
  });
});

describe('golden file helper', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-'));

  it('fails on a mismatch and leaves the file alone without UPDATE_GOLDEN', () => {
    fs.writeFileSync(path.join(dir, 'a.bin'), new Uint8Array([1, 2, 3]));
    expect(() => expectGolden('a.bin', new Uint8Array([1, 2, 4]), { dir, update: false })).toThrow();
    expect([...fs.readFileSync(path.join(dir, 'a.bin'))]).toEqual([1, 2, 3]);
  });

  it('fails when the golden file is missing', () => {
    expect(() => expectGolden('missing.txt', 'x', { dir, update: false })).toThrow(/UPDATE_GOLDEN=1/);
  });

  it('rewrites the file when updating', () => {
    expectGolden('a.bin', new Uint8Array([9]), { dir, update: true });
    expect([...fs.readFileSync(path.join(dir, 'a.bin'))]).toEqual([9]);
  });
});
