// A shop's own encrypting reader (config `cardReader: idtech-hid`, outside training mode): the ID TECH
// emulator behind the real HID driver, keyed with the sandbox's test BDK. A swipe is not an IPC call here: it
// goes to the payment waiting for a card, and the UI learns the outcome from `payment` events — or, when the
// swipe cannot be used, from a `paymentError` event for that payment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IdTechHidReader } from '../../../../native/card/idtech';
import { IdTechMsrEmulator } from '../../../../native/emulators/idtech-msr';
import type { PaymentErrorEvent, PaymentView } from '../../../../main/api/contract';
import { DEMO } from '../../../../main/catalog/demo';
import { DEFAULT_CONFIG } from '../../../../main/config/config';
import { startSandboxGateway, type SandboxGateway } from '../../../../main/gateway/sandbox/server';
import { createHost } from '../../../../main/host';
import { addStaffOnFile, readyToSell } from '../../../support/signed-in-till';
import type { Host } from '../../../../main/host-types';
import { trainingTracks } from '../../../../main/payments/card/training-cards';
import { call, cartOf, SECRET, until } from '../fixtures';
import { seedCatalog } from '../../../support/catalog-import';
import { pinFor, sandboxTls } from '../../../support/tls-gateway';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function shopWithReader(): Promise<{
  host: Host;
  reader: IdTechMsrEmulator;
  gateway: SandboxGateway;
  events: (PaymentView | PaymentErrorEvent)[];
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-hid-'));
  const gateway = await startSandboxGateway({
    dataDir: null,
    terminals: [{ terminalId: 'T01', secret: SECRET }],
    currency: 'CNY',
    tls: await sandboxTls(),
  });
  fs.writeFileSync(path.join(dataDir, 'terminal-secret'), SECRET.toString('hex'), { mode: 0o600 });
  fs.writeFileSync(
    path.join(dataDir, 'config.json'),
    JSON.stringify({
      ...DEFAULT_CONFIG,
      trainingMode: false,
      // A live till: https, its certificate pinned.
      gateway: { url: gateway.url, terminalSecretFile: 'terminal-secret', ...(await pinFor(dataDir)) },
      cardReader: { kind: 'idtech-hid', variant: 'pin' },
    }),
  );
  const reader = new IdTechMsrEmulator({
    bdk: '0123456789ABCDEFFEDCBA9876543210',
    initialKsn: 'FFFF9876543210E00000',
    variant: 'pin',
    mask: { showExpiry: true },
  });
  const host = await createHost({
    dataDir,
    log: () => undefined,
    openCardReader: async () => new IdTechHidReader(reader),
  });
  // A shop's catalog: the demo products, imported as CSV (training mode is off, so there is no demo seed).
  // (The import channels need a manager; this till has none on file, so the terminal command's path is used.)
  await seedCatalog(
    dataDir,
    `sku,name,price,tax_category,barcodes\nCOLA,可口可乐,3.50,std,${DEMO.cola.barcode}\n`,
  );
  addStaffOnFile(dataDir);
  await readyToSell(host);
  const events: (PaymentView | PaymentErrorEvent)[] = [];
  host.subscribe((event, payload) => {
    if (event === 'payment' || event === 'paymentError')
      events.push(payload as PaymentView | PaymentErrorEvent);
  });
  cleanups.push(async () => {
    await host.close();
    await gateway.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { host, reader, gateway, events };
}

describe('a configured encrypting HID reader', () => {
  it('a swipe pays the waiting card payment; the outcome arrives as events and the sale is complete', async () => {
    const { host: h, reader, gateway, events } = await shopWithReader();
    const cart = await cartOf(h, [DEMO.cola.barcode]);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    reader.swipe(trainingTracks('unionpay'));
    await until(
      () => events.some((e) => 'state' in e && e.attemptId === a.attemptId && e.state === 'approved'),
      'the approval event',
    );
    const paid = await call(h, 'payment.get', { attemptId: a.attemptId });
    expect(paid).toMatchObject({ state: 'approved', brand: 'unionpay', last4: '8599' });
    const sale = await call(h, 'sale.get', { saleId: paid.saleId ?? '' });
    expect(sale.tenders[0]).toMatchObject({ kind: 'card', reference: a.attemptId });
    expect(gateway.ledger.payments('T01')).toHaveLength(1);
  });

  it('a bad read comes back to the waiting payment as a paymentError event; it still waits', async () => {
    const { host: h, reader, events } = await shopWithReader();
    const cart = await cartOf(h, [DEMO.cola.barcode]);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    reader.badSwipe();
    await until(() => events.some((e) => 'error' in e), 'the error event');
    expect(events.find((e) => 'error' in e)).toMatchObject({
      attemptId: a.attemptId,
      error: { code: 'CARD_UNREADABLE' },
    });
    expect((await call(h, 'payment.get', { attemptId: a.attemptId })).state).toBe('created');
  });

  it('a swipe with no payment waiting is ignored: nothing is charged', async () => {
    const { reader, gateway, events } = await shopWithReader();
    reader.swipe(trainingTracks('visa'));
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toEqual([]);
    expect(gateway.ledger.payments('T01')).toHaveLength(0);
  });
});
