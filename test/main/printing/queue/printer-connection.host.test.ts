// Outside training mode the host prints to the printer named in config.json (a network printer here: the TCP
// 9100 emulator on loopback); with none configured, receipts are kept queued and the status bar says so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../../main/api/contract';
import { DEMO } from '../../../../main/catalog/demo';
import { createHost } from '../../../../main/host';
import type { Host } from '../../../../main/host-types';
import { EscPosPrinter } from '../../../../native/emulators/escpos-printer';
import { TcpPrinterEmulator } from '../../../../native/emulators/tcp-printer';
import { liveShopWithDemoGoods } from '../../../support/live-store';
import { readyToSell } from '../../../support/signed-in-till';
import { call } from '../../../support/host-call';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A data folder with the demo catalog, switched out of training mode with `printer` settings. */
async function liveShop(printer: Record<string, unknown> | undefined): Promise<Host> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-live-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  await liveShopWithDemoGoods(dataDir, printer ? { printer } : {});
  const h = await createHost({ dataDir, log: () => undefined, printBackoff: { baseMs: 5, capMs: 20 } });
  cleanups.push(() => h.close());
  await readyToSell(h);
  return h;
}
async function sell(h: Host): Promise<Output<'sale.tenderCash'>> {
  const cart = await call(h, 'cart.scan', { code: DEMO.cola.barcode });
  return call(h, 'sale.tenderCash', { cartId: cart.cartId, cartVersion: cart.version, tenderedMinor: 1000 });
}

describe('the configured printer', () => {
  it('prints on the network printer from config.json and kicks its drawer', async () => {
    const emulator = new TcpPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }));
    await emulator.start();
    cleanups.push(() => emulator.stop());
    const h = await liveShop({ connection: { kind: 'tcp', host: emulator.host, port: emulator.port } });
    const sale = await sell(h);
    let s = await call(h, 'printer.status', {});
    for (let i = 0; i < 400 && s.queue.waiting + s.queue.printing > 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
      s = await call(h, 'printer.status', {});
    }
    expect(s).toMatchObject({ state: 'online', queue: { waiting: 0, printing: 0 } });
    expect(emulator.printer.renderText()).toContain(`: ${sale.receiptNo}`);
    expect(emulator.printer.renderText()).not.toContain('TRAINING');
    expect(emulator.printer.pulses).toHaveLength(1);
  });

  it('no printer configured: the receipt waits in the queue, the status bar says not-configured', async () => {
    const h = await liveShop(undefined);
    await sell(h);
    expect(await call(h, 'printer.status', {})).toMatchObject({
      state: 'not-configured',
      queue: { waiting: 2, printing: 0 },
    });
    // The status bar is told right after the sale's answer went back (the worker is woken then).
    await expect
      .poll(async () => (await call(h, 'status.get', {})).printer)
      .toEqual({
        state: 'not-configured',
        detail: '2 waiting',
      });
  });
});
