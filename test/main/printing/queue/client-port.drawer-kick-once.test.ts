// A drawer kick whose five bytes all reached the printer, followed by a failed status check (link lost right
// after, or a status answer that did not come), is done: it is not sent again, so the drawer opens once.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../../main/catalog/demo';
import { clientPort } from '../../../../main/printing/queue/client-port';
import { EscPosPrinter } from '../../../../native/emulators/escpos-printer';
import { UsbPrinterEmulator } from '../../../../native/emulators/usb-printer';
import { createPrinterClient } from '../../../../native/printer/printer-client';
import { UsbTransport } from '../../../../native/transports/usb-transport';
import { cleanupDirs, drain, openShop } from './fixtures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  cleanupDirs();
});

describe('a drawer kick delivered before the link failed', () => {
  it('a drawer kick whose bytes were all accepted opens the drawer only once', async () => {
    const emu = new UsbPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }));
    const transport = new UsbTransport({ device: emu });
    cleanups.push(() => transport.close());
    const shop = await openShop({ kickDrawer: true });
    cleanups.push(() => shop.close());
    const port = clientPort(createPrinterClient(transport, { statusTimeoutMs: 500 }));
    shop.sell([DEMO.cola.barcode]);
    expect(shop.allJobs().map((j) => j.kind)).toEqual(['drawer', 'receipt']);
    const w = shop.worker(port);
    // worker health (4 x DLE EOT n) + client pre-check (4 x DLE EOT n) + ESC p m t1 t2: then the cable goes.
    emu.unplugAfterBytes(12 + 12 + 5);
    await w.step();
    expect(emu.printer.pulses).toHaveLength(1); // the drawer opened
    emu.replug();
    await drain(shop, w);
    expect(shop.allJobs().map((j) => j.state)).toEqual(['printed', 'printed']);
    expect(emu.printer.pulses).toHaveLength(1);
  });
});
