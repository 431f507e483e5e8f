// sale.receiptImage: in training mode the cashier sees exactly what the emulated printer printed for a sale
// (the roll items of its latest printed receipt job, drawn with renderRollToPng); null before it is printed
// and outside training mode; an unknown sale is NOT_FOUND. printer.status carries the drawer sensor.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../../main/api/contract';
import { DEMO } from '../../../../main/catalog/demo';
import { createHost } from '../../../../main/host';
import type { Host } from '../../../../main/host-types';
import { createEmulatedPrinterPort } from '../../../../main/printing/queue/emulated-printer';
import type { EmulatedPrinterPort } from '../../../../main/printing/queue/emulated-printer';
import type { PrinterPort } from '../../../../main/printing/queue/ports';
import { FONT_FILES, defaultFontDir } from '../../../../main/printing/raster/font-files';
import { thresholdToMono } from '../../../../main/printing/raster/threshold';
import { EscPosPrinter } from '../../../../native/emulators/escpos-printer';
import type { RollItem } from '../../../../native/emulators/paper-roll';
import { renderRoll } from '../../../../native/emulators/paper-roll';
import { renderRollToPage } from '../../../../native/emulators/roll-png';
import { TcpPrinterEmulator } from '../../../../native/emulators/tcp-printer';
import { pngPixels } from '../../../support/raster';
import { liveShopWithDemoGoods } from '../../../support/live-store';
import { readyToSell } from '../../../support/signed-in-till';
import { call } from '../../../support/host-call';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const tempDir = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-receipt-image-'));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
};

async function host(printer?: PrinterPort, dataDir = tempDir()): Promise<Host> {
  const h = await createHost({
    dataDir,
    log: () => undefined,
    ...(printer ? { printer } : {}),
    printBackoff: { baseMs: 5, capMs: 20 },
  });
  cleanups.push(() => h.close());
  return h;
}
async function sell(h: Host, code: string): Promise<Output<'sale.tenderCash'>> {
  const cart = await call(h, 'cart.scan', { code });
  return call(h, 'sale.tenderCash', {
    cartId: cart.cartId,
    cartVersion: cart.version,
    tenderedMinor: 10_000,
  });
}
async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await probe();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const drained = (h: Host): Promise<Output<'printer.status'>> =>
  until(
    () => call(h, 'printer.status', {}),
    (s) => s.queue.waiting === 0 && s.queue.printing === 0,
    'the queue to drain',
  );

/**
 * The roll items of the receipt that names `receiptNo`, found independently of the port's bookkeeping: from
 * the end of the job before it (its cut, then the blank line the printer feeds after a cut) to its own cut and
 * the blank line after it.
 */
function receiptSlice(roll: readonly RollItem[], receiptNo: string): RollItem[] {
  const at = roll.findIndex((i) => i.kind === 'line' && i.text.includes(receiptNo));
  expect(at).toBeGreaterThanOrEqual(0);
  let start = at;
  while (start > 0 && roll[start - 1]?.kind !== 'cut') start--;
  if (start > 0 && roll[start]?.kind === 'line' && (roll[start] as { text: string }).text === '') start++;
  let end = at;
  while (end < roll.length && roll[end]?.kind !== 'cut') end++;
  const after = roll[end + 1];
  if (after?.kind === 'line' && after.text === '') end++;
  return roll.slice(start, end + 1);
}

async function pngBits(url: string): Promise<{ width: number; height: number; pixels: Uint8Array }> {
  const prefix = 'data:image/png;base64,';
  expect(url.startsWith(prefix)).toBe(true);
  const png = Buffer.from(url.slice(prefix.length), 'base64');
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  return thresholdToMono(await pngPixels(png));
}

describe('sale.receiptImage', () => {
  it('after a training sale is printed, it is the PNG of exactly that receipt as the emulator printed it', async () => {
    const port: EmulatedPrinterPort = createEmulatedPrinterPort();
    const h = await host(port);
    const first = await sell(h, DEMO.cola.barcode);
    const second = await sell(h, DEMO.water.barcode);
    await drained(h);

    const fonts = defaultFontDir();
    for (const sale of [first, second]) {
      const { png } = await call(h, 'sale.receiptImage', { saleId: sale.saleId });
      const got = await pngBits(png ?? '');
      const slice = receiptSlice(port.printer.roll, sale.receiptNo);
      expect(renderRoll(slice, 48)).toContain(sale.receiptNo);
      const want = renderRollToPage(slice, {
        widthDots: 576,
        fontPath: path.join(fonts, FONT_FILES.regular),
        boldFontPath: path.join(fonts, FONT_FILES.bold),
      }).page;
      expect([got.width, got.height]).toEqual([want.width, want.height]);
      expect(Buffer.from(got.pixels).equals(Buffer.from(want.pixels))).toBe(true);
    }
    // Cached per job: the same string again, and the two receipts differ.
    const a1 = await call(h, 'sale.receiptImage', { saleId: first.saleId });
    const a2 = await call(h, 'sale.receiptImage', { saleId: first.saleId });
    const b = await call(h, 'sale.receiptImage', { saleId: second.saleId });
    expect(a2.png).toBe(a1.png);
    expect(b.png).not.toBe(a1.png);
  });

  it('a reprint replaces the picture with the COPY that was printed last', async () => {
    const port = createEmulatedPrinterPort();
    const h = await host(port);
    const sale = await sell(h, DEMO.cola.barcode);
    await drained(h);
    const original = (await call(h, 'sale.receiptImage', { saleId: sale.saleId })).png;
    await call(h, 'sale.reprintLast', {});
    await drained(h);
    const copy = (await call(h, 'sale.receiptImage', { saleId: sale.saleId })).png;
    expect(copy).not.toBeNull();
    expect(copy).not.toBe(original);
    const cuts = port.printer.roll.flatMap((item, i) => (item.kind === 'cut' ? [i] : []));
    const copyText = renderRoll(port.printer.roll.slice(cuts.at(-2), cuts.at(-1)), 48);
    expect(copyText).toContain('重印 COPY');
    expect(copyText).toContain(sale.receiptNo);
  });

  it('is null before the receipt is printed, and NOT_FOUND for an unknown sale', async () => {
    const port = createEmulatedPrinterPort();
    port.printer.setPaper('out');
    const h = await host(port);
    const sale = await sell(h, DEMO.cola.barcode);
    expect(await call(h, 'sale.receiptImage', { saleId: sale.saleId })).toEqual({ png: null });
    expect(await h.dispatch('sale.receiptImage', { saleId: 'no-such-sale' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    port.printer.loadPaper();
    await drained(h);
    expect((await call(h, 'sale.receiptImage', { saleId: sale.saleId })).png).toMatch(
      /^data:image\/png;base64,/,
    );
  });

  it('is null outside training mode, even when the receipt was printed', async () => {
    const dataDir = tempDir();
    await liveShopWithDemoGoods(dataDir);
    const port = createEmulatedPrinterPort();
    const h = await host(port, dataDir);
    await readyToSell(h);
    const sale = await sell(h, DEMO.cola.barcode);
    await drained(h);
    expect(port.printer.renderText()).toContain(sale.receiptNo);
    expect(await call(h, 'sale.receiptImage', { saleId: sale.saleId })).toEqual({ png: null });
  });
});

describe('printer.status drawerOpen', () => {
  it('follows the emulated printer drawer sensor: closed, a pulse opens it, pushed shut reads closed', async () => {
    const port = createEmulatedPrinterPort();
    const h = await host(port);
    const first = await until(
      () => call(h, 'printer.status', {}),
      (s) => s.drawerOpen !== null,
      'the first health answer',
    );
    expect(first.drawerOpen).toBe(false);

    const state = (): Promise<Output<'printer.status'>> => call(h, 'printer.status', {});

    await sell(h, DEMO.cola.barcode); // a cash sale kicks the drawer
    await until(state, (s) => s.drawerOpen === true, 'drawer open after a cash sale');
    expect(port.printer.drawerOpen).toBe(true);

    port.printer.closeDrawer(); // the cashier pushes it shut
    await call(h, 'sale.reprintLast', {}); // no kick; the health asked around it reads closed
    await until(state, (s) => s.drawerOpen === false, 'drawer closed');

    // "no sale": ESC p pulse, approved by training mode's demo manager
    await call(h, 'drawer.open', { reason: 'change', approval: { operatorCode: '900', pin: '1234' } });
    const opened = await until(state, (s) => s.drawerOpen === true, 'drawer open after a no-sale');
    expect(opened.state).toBe('online');
  });

  it('is null when the printer cannot be reached', async () => {
    const port = createEmulatedPrinterPort();
    port.disconnected = true;
    const h = await host(port);
    const s = await until(
      () => call(h, 'printer.status', {}),
      (v) => v.problem === 'disconnected',
      'the disconnected state',
    );
    expect(s.drawerOpen).toBeNull();
  });

  it('over TCP 9100 (a configured network printer, not training): a cash sale kick reads open', async () => {
    const emulator = new TcpPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }));
    const port = await emulator.start();
    cleanups.push(() => emulator.stop());
    const dataDir = tempDir();
    await liveShopWithDemoGoods(dataDir, {
      printer: { connection: { kind: 'tcp', host: emulator.host, port } },
    });
    const h = await host(undefined, dataDir);
    await readyToSell(h);
    const state = (): Promise<Output<'printer.status'>> => call(h, 'printer.status', {});
    await until(state, (s) => s.drawerOpen === false, 'the drawer read closed');
    const sale = await sell(h, DEMO.cola.barcode);
    await until(state, (s) => s.drawerOpen === true, 'the drawer read open');
    expect(emulator.printer.drawerOpen).toBe(true);
    expect((await drained(h)).drawerOpen).toBe(true);
    expect(emulator.printer.renderText()).toContain(sale.receiptNo);
    expect(await call(h, 'sale.receiptImage', { saleId: sale.saleId })).toEqual({ png: null });
  });
});
