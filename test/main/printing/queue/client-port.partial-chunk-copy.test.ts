// A USB unplug part-way through the first chunk of a job leaves bytes on paper: the re-send is marked COPY
// (client-port hands the queue the client's bytesSent, which counts a part-sent chunk).
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

describe('unplug mid first chunk', () => {
  it('a job whose first chunk was part-sent before an unplug is re-sent marked COPY', async () => {
    const emu = new UsbPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }));
    const transport = new UsbTransport({ device: emu });
    cleanups.push(() => transport.close());
    const shop = await openShop();
    cleanups.push(() => shop.close());
    const port = clientPort(createPrinterClient(transport, { statusTimeoutMs: 500 }));
    const sale = shop.sell([DEMO.cola.barcode, DEMO.water.barcode]);
    const w = shop.worker(port);
    emu.unplugAfterBytes(300); // the cable is pulled after 300 bytes of the receipt reached the printer
    await w.step();
    expect(emu.received.length).toBeGreaterThan(0);
    emu.replug();
    await drain(shop, w);
    const text = emu.printer.renderText();
    const copies = text.split(`: ${sale.receiptNo}`).length - 1;
    expect(copies).toBeGreaterThanOrEqual(1);
    expect(shop.allJobs()).toMatchObject([{ state: 'printed', copy: true }]);
  });
});
