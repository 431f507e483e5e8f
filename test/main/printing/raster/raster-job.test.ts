// End to end through the other side's code: sale -> layout -> raster job bytes -> emulated printer -> the
// images on its paper roll are our bitmap, and the QR on that paper scans as the receipt's lookup URL.
import fs from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import type { OnUnprintable, Unprintable } from '../../../../native/escpos/encode/chinese-text';
import { EscPosPrinter } from '../../../../native/emulators/escpos-printer';
import { findProfile } from '../../../../native/escpos/encode/profiles';
import type { MonoBitmap } from '../../../../native/escpos/encode/raster';
import { rasterReceiptJob } from '../../../../main/printing/raster/raster-job';
import { monoToPng } from '../../../../main/printing/raster/to-png';
import { layoutReceipt } from '../../../../main/printing/receipt-layout';
import type {
  ReceiptLayoutOptions,
  ReceiptSale,
  ReceiptStore,
} from '../../../../main/printing/receipt-layout';
import { must, pngPixels } from '../../../support/raster';

interface SaleFixture {
  readonly sale: ReceiptSale;
  readonly store: ReceiptStore;
  readonly receipt: Omit<ReceiptLayoutOptions, 'widthColumns'> & { readonly lookupUrl: string };
}

const fixture = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/sale.json'), 'utf8'),
) as SaleFixture;

/** The paper's raster images stacked back into one bitmap (they are the bands of one page). */
function paperImage(printer: EscPosPrinter): MonoBitmap {
  const images = printer.roll.filter((i) => i.kind === 'image');
  const widthDots = must(images[0]).widthDots;
  const height = images.reduce((h, i) => h + i.height, 0);
  const pixels = new Uint8Array(widthDots * height);
  let row = 0;
  for (const image of images) {
    for (let y = 0; y < image.height; y++, row++) {
      for (let x = 0; x < widthDots; x++) {
        const byte = image.data[y * (widthDots / 8) + (x >> 3)] ?? 0;
        pixels[row * widthDots + x] = (byte >> (7 - (x & 7))) & 1;
      }
    }
  }
  return { width: widthDots, height, pixels };
}

describe('raster receipt job on an emulated printer without a Chinese ROM', () => {
  it('prints the laid-out sale as GS v 0 bands, cuts, and its QR scans as the lookup URL', async () => {
    const profile = must(findProfile('epson-80'));
    expect(profile.capabilities.cjkFont).toBe(false);
    const doc = layoutReceipt(fixture.sale, fixture.store, { ...fixture.receipt, widthColumns: 48 });
    // The text encoder's warning callback serves the raster path as is (MissingChar is an Unprintable).
    const warnings: Unprintable[] = [];
    const warn: OnUnprintable = (u) => warnings.push(u);
    const job = rasterReceiptJob(doc, profile, { onMissing: warn });
    expect(job.missing).toEqual([]);
    expect(warnings).toEqual([]);

    const printer = new EscPosPrinter({ columns: profile.columns });
    printer.write(job.bytes);
    printer.endOfJob();
    expect(printer.problems).toEqual([]);
    // Only images and the cut: no text reached the printer's (Latin-only) ROM font.
    expect(printer.roll.filter((i) => i.kind !== 'image').map((i) => i.kind)).toEqual(['cut']);
    expect(printer.roll.filter((i) => i.kind === 'image').every((i) => i.height <= 255)).toBe(true);

    const paper = paperImage(printer);
    const page = must(job.pages[0]);
    expect(paper.width).toBe(576);
    expect(paper.height).toBe(page.height);
    expect(Buffer.from(paper.pixels).equals(Buffer.from(page.pixels))).toBe(true);

    const { width, height, data } = await pngPixels(monoToPng(paper));
    expect(jsQR(data, width, height)?.data).toBe(fixture.receipt.lookupUrl);
  });

  it('feeds instead of cutting on a printer without a cutter', () => {
    const profile = must(findProfile('cn-58'));
    const doc = layoutReceipt(fixture.sale, fixture.store, { ...fixture.receipt, widthColumns: 32 });
    const job = rasterReceiptJob(doc, profile);
    expect(must(job.pages[0]).width).toBe(384);
    expect([...job.bytes.subarray(-3)]).toEqual([0x1b, 0x64, 4]);
  });

  it('kicks the drawer on the emulated printer, and refuses a drawer on a profile without one', () => {
    const profile = must(findProfile('epson-80'));
    const doc = layoutReceipt(fixture.sale, fixture.store, { ...fixture.receipt, widthColumns: 48 });
    const printer = new EscPosPrinter({ columns: profile.columns });
    printer.write(rasterReceiptJob(doc, profile, { drawer: { pin: 2, t1: 25, t2: 250 } }).bytes);
    printer.endOfJob();
    expect(printer.pulses).toHaveLength(1);
    const noDrawer = { ...profile, capabilities: { ...profile.capabilities, drawer: false } };
    expect(() => rasterReceiptJob(doc, noDrawer, { drawer: { pin: 2, t1: 25, t2: 250 } })).toThrow(/drawer/);
  });
});
