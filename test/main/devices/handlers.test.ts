// The device channels on the real host: listing USB printers (two emulated ones behind a fake WebUSB) and usblp
// nodes, a test page on an emulated USB and a network printer (decoded by the emulator's ESC/POS decoder), a
// printer that vanishes mid-page, a drawer pulse that needs a manager and is journalled naming the approver, and
// a test swipe that answers masked facts only.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Input, Output } from '../../../main/api/contract';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import { TRAINING_CARDS } from '../../../main/payments/card/training-cards';
import { TEST_PAGE_CHINESE, ruler } from '../../../main/printing/test-page';
import { IdTechHidReader } from '../../../native/card/idtech';
import { EscPosPrinter } from '../../../native/emulators/escpos-printer';
import { FakeWebUsb } from '../../../native/emulators/fake-webusb';
import { IdTechMsrEmulator } from '../../../native/emulators/idtech-msr';
import { TcpPrinterEmulator } from '../../../native/emulators/tcp-printer';
import { UsbPrinterEmulator } from '../../../native/emulators/usb-printer';
import { journalBodies } from '../../support/journal-rows';
import { cleanup, startHost, tempDir, type TestHostOptions } from '../../support/temp-host';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
  await cleanup();
});

type TestHost = Awaited<ReturnType<typeof startHost>>;
async function call<C extends Channel>(h: TestHost, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await h.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const APPROVAL = { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin };
const USB_CONNECTION = { kind: 'usb', vendorId: 0x04b8, productId: 0x0202, serialNumber: 'EMU-A' } as const;

function usbPrinter(serialNumber: string, names: { manufacturerName?: string; productName?: string } = {}) {
  return new UsbPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }), { serialNumber, ...names });
}

async function tcpPrinter(): Promise<TcpPrinterEmulator> {
  const emulator = new TcpPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }));
  await emulator.start();
  stops.push(() => emulator.stop());
  return emulator;
}

describe('devices.listPrinters', () => {
  it('lists two USB printers with maker and model, skips other USB devices, and the usblp nodes present', async () => {
    const usb = new FakeWebUsb().add(usbPrinter('EMU-A')).add(
      new UsbPrinterEmulator(new EscPosPrinter(), {
        vendorId: 0x0519,
        productId: 0x0003,
        serialNumber: null,
        manufacturerName: null,
        productName: null,
      }),
    );
    const usblpDir = tempDir('pos-usblp-');
    for (const n of ['lp1', 'lp0', 'lp10', 'other']) fs.writeFileSync(path.join(usblpDir, n), '');
    const h = await startHost({ trainingMode: true, usb, usblpDir } as TestHostOptions);
    expect(await call(h, 'devices.listPrinters', {})).toEqual({
      usb: [
        {
          id: 'usb:04b8:0202:EMU-A',
          vendorId: 0x04b8,
          productId: 0x0202,
          serialNumber: 'EMU-A',
          label: 'EPSON TM-T88V',
        },
        {
          id: 'usb:0519:0003',
          vendorId: 0x0519,
          productId: 3,
          serialNumber: null,
          label: 'Star printer 0003',
        },
      ],
      usblp: ['lp0', 'lp1', 'lp10'].map((n) => path.join(usblpDir, n)),
      usbAvailable: true,
    });
  });

  it('without USB access in this shell: none listed, and it says so', async () => {
    const h = await startHost({ trainingMode: true, usblpDir: tempDir() } as TestHostOptions);
    expect(await call(h, 'devices.listPrinters', {})).toEqual({ usb: [], usblp: [], usbAvailable: false });
  });

  it('a bus that cannot be read (no USB subsystem): none listed, usbAvailable false, never an error', async () => {
    const usb = { getDevices: () => Promise.reject(new Error('/sys/bus/usb/devices/ not found')) };
    const h = await startHost({ trainingMode: true, usb, usblpDir: tempDir() } as TestHostOptions);
    expect(await call(h, 'devices.listPrinters', {})).toEqual({ usb: [], usblp: [], usbAvailable: false });
  });

  it('lists the printer profiles for the profile choice', async () => {
    const h = await startHost({ trainingMode: true });
    const profiles = await call(h, 'devices.printerProfiles', {});
    expect(profiles.map((p) => [p.id, p.paperMm, p.cjkFont])).toEqual([
      ['epson-80', 80, false],
      ['cn-80', 80, true],
      ['cn-58', 58, true],
    ]);
  });
});

describe('devices.testPrint', () => {
  it('prints the test page on THAT USB printer (not the training one): store, profile, mode, Chinese, ruler, time', async () => {
    const printer = usbPrinter('EMU-A');
    const h = await startHost({
      trainingMode: true,
      usb: new FakeWebUsb().add(printer),
      clock: () => new Date(2026, 11, 6, 9, 30, 5),
    } as TestHostOptions);
    const answer = await call(h, 'devices.testPrint', {
      connection: USB_CONNECTION,
      profileId: 'cn-58',
      mode: 'text',
    });
    expect(answer).toEqual({ ok: true, printerId: 'usb:04b8:0202:EMU-A' });
    const text = printer.printer.renderText();
    for (const part of [
      '示范便利店',
      'Profile: cn-58',
      'Paper: 58 mm, 32 columns',
      'Mode: text',
      TEST_PAGE_CHINESE,
    ])
      expect(text).toContain(part);
    expect(text).toContain(ruler(32));
    expect(text).not.toContain(ruler(33));
    expect(text).toContain('2026-12-06 09:30:05');
  });

  it('prints on a network printer; the paper width given widens the ruler', async () => {
    const emulator = await tcpPrinter();
    const h = await startHost({ trainingMode: true });
    const connection = { kind: 'tcp', host: emulator.host, port: emulator.port } as const;
    expect(
      await call(h, 'devices.testPrint', { connection, profileId: 'cn-58', mode: 'text', widthMm: 80 }),
    ).toEqual({ ok: true, printerId: `tcp:${emulator.host}:${emulator.port}` });
    expect(emulator.printer.renderText()).toContain(ruler(48));
    expect(emulator.printer.renderText()).toContain('Paper: 80 mm, 48 columns');
  });

  it('raster mode sends an image (no text codes) the printer prints', async () => {
    const printer = usbPrinter('EMU-A');
    const h = await startHost({ trainingMode: true, usb: new FakeWebUsb().add(printer) } as TestHostOptions);
    const answer = await call(h, 'devices.testPrint', {
      connection: USB_CONNECTION,
      profileId: 'epson-80',
      mode: 'raster',
    });
    expect(answer).toEqual({ ok: true, printerId: 'usb:04b8:0202:EMU-A' });
    expect(printer.printer.roll.some((i) => i.kind === 'image')).toBe(true);
  });

  it.each([
    ['raster-required', 'text mode on a printer without a Chinese font', (p: EscPosPrinter) => p, 'epson-80'],
    ['no-paper', 'paper out', (p: EscPosPrinter) => (p.setPaper('out'), p), 'cn-80'],
    ['cover-open', 'cover open', (p: EscPosPrinter) => (p.setCoverOpen(true), p), 'cn-80'],
  ] as const)('answers %s (%s), nothing printed', async (problem, _what, set, profileId) => {
    const printer = usbPrinter('EMU-A');
    set(printer.printer);
    const h = await startHost({ trainingMode: true, usb: new FakeWebUsb().add(printer) } as TestHostOptions);
    const answer = await call(h, 'devices.testPrint', {
      connection: USB_CONNECTION,
      profileId,
      mode: 'text',
    });
    expect(answer).toMatchObject({ ok: false, problem });
    expect(printer.printer.renderText()).not.toContain(TEST_PAGE_CHINESE);
  });

  it('unreachable: a USB printer not plugged in, a network printer nobody listens on', async () => {
    const h = await startHost({ trainingMode: true, usb: new FakeWebUsb() } as TestHostOptions);
    expect(
      await call(h, 'devices.testPrint', { connection: USB_CONNECTION, profileId: 'cn-80', mode: 'text' }),
    ).toMatchObject({ ok: false, problem: 'unreachable', detail: expect.stringContaining('not connected') });
    const emulator = await tcpPrinter();
    const port = emulator.port;
    await emulator.stop();
    const connection = { kind: 'tcp', host: '127.0.0.1', port } as const;
    expect(
      await call(h, 'devices.testPrint', { connection, profileId: 'cn-80', mode: 'text' }),
    ).toMatchObject({
      ok: false,
      problem: 'unreachable',
    });
  });

  it('a printer that vanishes mid-page: a clear "disconnected" error, not ok', async () => {
    const printer = usbPrinter('EMU-A');
    const h = await startHost({ trainingMode: true, usb: new FakeWebUsb().add(printer) } as TestHostOptions);
    printer.unplugAfterBytes(1_000);
    const answer = await call(h, 'devices.testPrint', {
      connection: USB_CONNECTION,
      profileId: 'epson-80',
      mode: 'raster',
    });
    expect(answer).toMatchObject({
      ok: false,
      problem: 'disconnected',
      detail: expect.stringContaining('went away during the test'),
    });
  });

  it('refuses an unknown profile and a malformed connection before touching any printer', async () => {
    const h = await startHost({ trainingMode: true });
    const bad = await h.dispatch('devices.testPrint', {
      connection: { kind: 'tcp', host: '127.0.0.1' },
      profileId: 'no-such',
      mode: 'text',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const wrong = await h.dispatchUntyped('devices.testPrint', {
      connection: { kind: 'usb', vendorId: -1, productId: 2 },
      profileId: 'cn-80',
      mode: 'text',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});

describe('devices.testDrawer', () => {
  it('sends ESC p pin t1 t2 to that printer, reports the sensor before and after, and journals the approver', async () => {
    const printer = usbPrinter('EMU-A');
    const h = await startHost({ trainingMode: true, usb: new FakeWebUsb().add(printer) } as TestHostOptions);
    const answer = await call(h, 'devices.testDrawer', {
      connection: USB_CONNECTION,
      pin: 2,
      t1: 30,
      t2: 120,
      approval: APPROVAL,
    });
    expect(answer).toEqual({
      ok: true,
      printerId: 'usb:04b8:0202:EMU-A',
      sensorBefore: false,
      sensorAfter: true,
    });
    expect(printer.printer.pulses).toEqual([expect.objectContaining({ pin: 2, onMs: 60, offMs: 240 })]);
    expect(journalBodies(h.dataDir, 'drawer.test-kick')).toEqual([
      {
        connection: USB_CONNECTION,
        pin: 2,
        t1: 30,
        t2: 120,
        approvedBy: expect.objectContaining({ code: TRAINING_MANAGER.code }),
      },
    ]);
  });

  it('a wrong PIN: refused, no pulse, nothing journalled as a kick', async () => {
    const printer = usbPrinter('EMU-A');
    const h = await startHost({ trainingMode: true, usb: new FakeWebUsb().add(printer) } as TestHostOptions);
    const r = await h.dispatch('devices.testDrawer', {
      connection: USB_CONNECTION,
      pin: 5,
      t1: 25,
      t2: 250,
      approval: { operatorCode: TRAINING_MANAGER.code, pin: '9999' },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'APPROVAL_DENIED' } });
    expect(printer.printer.pulses).toHaveLength(0);
    expect(journalBodies(h.dataDir, 'drawer.test-kick')).toHaveLength(0);
  });
});

describe('devices.testCardReader', () => {
  const TEST_PANS = Object.values(TRAINING_CARDS).map((c) => c.pan);
  const noPan = (answer: unknown): void => {
    const json = JSON.stringify(answer);
    for (const pan of TEST_PANS) {
      expect(json).not.toContain(pan);
      expect(json).not.toContain(pan.slice(0, 12));
    }
  };

  it('training: the emulated encrypting reader is swiped; masked facts only, never the PAN', async () => {
    const h = await startHost({ trainingMode: true });
    const answer = await call(h, 'devices.testCardReader', {
      cardReader: { kind: 'idtech-hid', variant: 'data' },
    });
    expect(answer).toEqual({
      outcome: 'read',
      brand: 'visa',
      last4: TRAINING_CARDS.visa.pan.slice(-4),
      encrypted: true,
      readerSerialPresent: true,
      ksnPresent: true,
    });
    noPan(answer);
  });

  it('live: the configured HID reader is opened for the test, one swipe answered, then closed', async () => {
    const emulator = new IdTechMsrEmulator({
      bdk: '0123456789ABCDEFFEDCBA9876543210',
      initialKsn: 'FFFF9876543210E00000',
      variant: 'data',
      serial: 'SHOP0001',
      mask: { showExpiry: true },
    });
    let reader: IdTechHidReader | null = null;
    const h = await startHost({
      trainingMode: false,
      openCardReader: async () => (reader = new IdTechHidReader(emulator)),
    });
    const pending = call(h, 'devices.testCardReader', { cardReader: { kind: 'idtech-hid', variant: 'pin' } });
    await expect.poll(() => reader?.listenerCount('swipe') ?? 0).toBeGreaterThan(0);
    emulator.swipe({
      track1: `%B5413330089010608^TEST/MC^30121010000000000000?`,
      track2: ';5413330089010608=30121010000000000?',
    });
    const answer = await pending;
    expect(answer).toMatchObject({ outcome: 'read', brand: 'mastercard', last4: '0608', encrypted: true });
    noPan(answer);
    expect(reader).toMatchObject({ isOpen: false });
  });

  it('keyboard wedge: asks for a swipe into the field, then answers facts from the tracks without echoing them', async () => {
    const h = await startHost({ trainingMode: true });
    const cardReader = { kind: 'keyboard-wedge' } as const;
    expect(await call(h, 'devices.testCardReader', { cardReader })).toEqual({ outcome: 'swipe-into-field' });
    const c = TRAINING_CARDS.unionpay;
    const tracks = `%B${c.pan}^${c.name}^${c.expiry}1010000000000000?;${c.pan}=${c.expiry}1010000000000?`;
    const answer = await call(h, 'devices.testCardReader', { cardReader, tracks });
    expect(answer).toEqual({
      outcome: 'read',
      brand: 'unionpay',
      last4: c.pan.slice(-4),
      encrypted: false,
      readerSerialPresent: false,
      ksnPresent: false,
    });
    noPan(answer);
    const bad = await call(h, 'devices.testCardReader', { cardReader, tracks: 'hello' });
    expect(bad).toMatchObject({ outcome: 'bad-read' });
    noPan(bad);
  });

  it('live with no reader plugged in: unavailable, saying why', async () => {
    const h = await startHost({
      trainingMode: false,
      openCardReader: () => Promise.reject(new Error('no ID TECH reader found')),
    });
    expect(
      await call(h, 'devices.testCardReader', { cardReader: { kind: 'idtech-hid', variant: 'data' } }),
    ).toEqual({ outcome: 'unavailable', detail: 'no ID TECH reader found' });
  });
});
