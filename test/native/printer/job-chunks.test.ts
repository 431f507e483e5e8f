// The print client checks status between chunks of a job; the chunks must end between commands (or
// characters), never inside a command's data: a DLE EOT inside a raster image is taken as pixels, the printer
// never answers it, and the job stopped as "offline" after its first 4 KiB (the bug this guards).
import { describe, expect, it } from 'vitest';
import { encodeRasterJob, type MonoBitmap } from '../../../native/escpos/encode/raster';
import { encodeChineseText } from '../../../native/escpos/encode/chinese-text';
import { EscPosPrinter } from '../../../native/emulators/escpos-printer';
import { FakeWebUsb } from '../../../native/emulators/fake-webusb';
import { UsbPrinterEmulator } from '../../../native/emulators/usb-printer';
import { jobChunks, safeCuts } from '../../../native/printer/job-chunks';
import { createPrinterClient } from '../../../native/printer/printer-client';
import { UsbTransport } from '../../../native/transports/usb-transport';

const page = (height: number): MonoBitmap => ({
  width: 576,
  height,
  // Stripes whose packed bytes include 0x10 0x04 (DLE EOT) and 0x1b: image data that looks like commands.
  pixels: Uint8Array.from({ length: 576 * height }, (_, i) => (i % 8 === 3 || i % 13 === 0 ? 1 : 0)),
});

describe('jobChunks', () => {
  it('joins back to the job, and no chunk ends inside a raster band', () => {
    const job = encodeRasterJob([page(600)]);
    const chunks = jobChunks(job, 4096);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(job));
    const cuts = new Set(safeCuts(job));
    let at = 0;
    for (const c of chunks.slice(0, -1)) {
      at += c.length;
      expect(cuts.has(at)).toBe(true);
    }
    // Three bands of up to 255 rows, each larger than a chunk: each goes whole.
    expect(chunks.filter((c) => c.length > 4096).length).toBeGreaterThanOrEqual(2);
  });

  it('cuts a long text run between characters, never inside a GB18030 character', () => {
    const text = encodeChineseText('收银打印正常'.repeat(200));
    const chunks = jobChunks(text, 100);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(text));
    for (const c of chunks) expect(Buffer.from(c).toString('latin1')).not.toMatch(/^[\x40-\x7e\xa1-\xfe]$/);
  });

  it('a raster job of several chunks prints over USB through the client (was: offline after the first chunk)', async () => {
    const emu = new UsbPrinterEmulator(new EscPosPrinter(), {});
    const usb = new FakeWebUsb().add(emu);
    const [device] = await usb.getDevices();
    if (!device) throw new Error('no device');
    const transport = new UsbTransport({ device });
    const client = createPrinterClient(transport, { statusTimeoutMs: 300 });
    try {
      expect(await client.print(encodeRasterJob([page(400)]))).toEqual({ ok: true });
      expect(emu.printer.roll.filter((i) => i.kind === 'image').length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });
});
