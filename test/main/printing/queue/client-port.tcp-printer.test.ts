// The queue over a real socket: the driver's TCP transport and printer client against the TCP 9100 printer
// emulator on loopback. Paper running out mid-job is found by the client's status checks, and the job is
// re-sent whole as a COPY once the paper is back.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../../main/catalog/demo';
import { clientPort } from '../../../../main/printing/queue/client-port';
import { EscPosPrinter } from '../../../../native/emulators/escpos-printer';
import { TcpPrinterEmulator } from '../../../../native/emulators/tcp-printer';
import { createPrinterClient } from '../../../../native/printer/printer-client';
import { TcpTransport } from '../../../../native/transports/tcp-transport';
import type { Shop } from './fixtures';
import { cleanupDirs, drain, openShop } from './fixtures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  cleanupDirs();
});

async function setup(): Promise<{
  shop: Shop;
  emulator: TcpPrinterEmulator;
  port: ReturnType<typeof clientPort>;
}> {
  const emulator = new TcpPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }));
  await emulator.start();
  cleanups.push(() => emulator.stop());
  const transport = new TcpTransport({ host: emulator.host, port: emulator.port, connectTimeoutMs: 1000 });
  cleanups.push(() => transport.close());
  const shop = await openShop();
  cleanups.push(() => shop.close());
  return {
    shop,
    emulator,
    port: clientPort(createPrinterClient(transport, { statusTimeoutMs: 500, chunkSize: 64 })),
  };
}

describe('print queue over TCP 9100', () => {
  it('prints a sale on the network printer', async () => {
    const { shop, emulator, port } = await setup();
    const sale = shop.sell([DEMO.cola.barcode]);
    await drain(shop, shop.worker(port));
    expect(shop.allJobs()).toMatchObject([{ state: 'printed', copy: false }]);
    expect(emulator.printer.renderText()).toContain(`: ${sale.receiptNo}`);
  });

  it('paper out mid-job: interrupted, then re-sent whole marked COPY', async () => {
    const { shop, emulator, port } = await setup();
    const sale = shop.sell([DEMO.cola.barcode, DEMO.water.barcode]);
    emulator.printer.runOutOfPaperAfter(4);
    const w = shop.worker(port);
    await w.step();
    expect(shop.jobs.head()).toMatchObject({ state: 'interrupted', copy: true, lastError: 'paper-out' });
    const partial = emulator.printer.renderText();
    emulator.printer.loadPaper();
    await drain(shop, w);
    const reprint = emulator.printer.renderText().slice(partial.length);
    expect(reprint).toContain('重印 COPY');
    expect(reprint).toContain(`: ${sale.receiptNo}`);
    expect(shop.allJobs()).toMatchObject([{ state: 'printed', copy: true }]);
  });

  it('the printer drops off the network: waiting, then printed when it is back', async () => {
    const { shop, emulator, port } = await setup();
    await emulator.stop();
    shop.sell([DEMO.cola.barcode]);
    const w = shop.worker(port);
    await w.step();
    expect(shop.jobs.head()).toMatchObject({ state: 'waiting', copy: false });
    expect(w.status()).toMatchObject({ state: 'offline', problem: 'disconnected' });
    await emulator.start();
    await drain(shop, w);
    expect(shop.allJobs()).toMatchObject([{ state: 'printed', copy: false }]);
  });
});
