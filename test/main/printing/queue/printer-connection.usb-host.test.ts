// A live till configured for a USB printer that is not plugged in: it starts, sells, and shows the printer
// offline (disconnected) with the receipt waiting; the printer plugged in later is found by the worker's next
// poll and the receipt and the drawer kick come out, without a restart.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Channel, Input, Output } from '../../../../main/api/contract';
import { DEFAULT_CONFIG } from '../../../../main/config/config';
import { EscPosPrinter } from '../../../../native/emulators/escpos-printer';
import { FakeWebUsb } from '../../../../native/emulators/fake-webusb';
import { UsbPrinterEmulator } from '../../../../native/emulators/usb-printer';
import { seedCatalog } from '../../../support/catalog-import';
import { cleanup, startHost, tempDir } from '../../../support/temp-host';
import { addStaffOnFile, readyToSell } from '../../../support/signed-in-till';

afterEach(cleanup);

type TestHost = Awaited<ReturnType<typeof startHost>>;
async function call<C extends Channel>(h: TestHost, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await h.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const BARCODE = '6901234567892';

it('a USB printer absent at start shows disconnected; plugged in later, the waiting receipt prints', async () => {
  const dataDir = tempDir('pos-usb-live-');
  const printer = { connection: { kind: 'usb', vendorId: 0x04b8, productId: 0x0202 } };
  fs.writeFileSync(
    path.join(dataDir, 'config.json'),
    JSON.stringify({ ...DEFAULT_CONFIG, trainingMode: false, printer }),
  );
  const usb = new FakeWebUsb();
  const h = await startHost({ dataDir, usb, printBackoff: { baseMs: 5, capMs: 20 } });
  await seedCatalog(
    dataDir,
    `sku,name,name_en,price,tax_category,barcodes\nT-1,测试水,Test water,2.00,std,${BARCODE}\n`,
  );
  addStaffOnFile(dataDir);
  await readyToSell(h);

  const cart = await call(h, 'cart.scan', { code: BARCODE });
  const sale = await call(h, 'sale.tenderCash', {
    cartId: cart.cartId,
    cartVersion: cart.version,
    tenderedMinor: 500,
  });
  await expect
    .poll(() => call(h, 'printer.status', {}))
    .toMatchObject({ state: 'offline', problem: 'disconnected', queue: { waiting: 2 } });

  const emulator = new UsbPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }), {});
  usb.add(emulator);
  await expect
    .poll(() => call(h, 'printer.status', {}), { timeout: 8_000 })
    .toMatchObject({ state: 'online', queue: { waiting: 0, printing: 0 } });
  expect(emulator.printer.renderText()).toContain(sale.receiptNo);
  expect(emulator.printer.renderText()).toContain('测试水');
  expect(emulator.printer.pulses).toHaveLength(1);
});
