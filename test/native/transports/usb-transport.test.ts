// The USB transport and printer client against the emulated USB printer: discovery, GET_DEVICE_ID, printing,
// status, paper-out mid-job, stalls, the Linux kernel driver, and unplug / replug.
import type { WebUSB } from 'usb';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { EscPosPrinter } from '../../../native/emulators/escpos-printer';
import { FakeWebUsb } from '../../../native/emulators/fake-webusb';
import { UsbPrinterEmulator } from '../../../native/emulators/usb-printer';
import { createPrinterClient } from '../../../native/printer/printer-client';
import { TransportError } from '../../../native/transports/transport';
import type { TransportErrorCode } from '../../../native/transports/transport';
import {
  getDeviceId,
  listUsbPrinters,
  removalsFrom,
  UsbTransport,
} from '../../../native/transports/usb-transport';
import type { WebUsbDevice, WebUsbSource } from '../../../native/transports/webusb';
import { bytes, ESC, LF } from '../../support/bytes';

const receipt = (n: number): Uint8Array =>
  bytes(
    ESC,
    '@',
    Array.from({ length: n }, (_, i) => [`line ${i}`, LF]),
  );

async function codeOf(p: Promise<unknown>): Promise<TransportErrorCode | 'resolved'> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    if (e instanceof TransportError) return e.code;
    throw e;
  }
}

async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const lines = (p: EscPosPrinter): string[] => p.roll.flatMap((i) => (i.kind === 'line' ? [i.text] : []));

let transport: UsbTransport | undefined;
afterEach(async () => {
  await transport?.close();
  transport = undefined;
});

function setup(options: ConstructorParameters<typeof UsbPrinterEmulator>[1] = {}): {
  usb: FakeWebUsb;
  emu: UsbPrinterEmulator;
  t: UsbTransport;
} {
  const emu = new UsbPrinterEmulator(new EscPosPrinter(), options);
  const usb = new FakeWebUsb().add(emu);
  transport = new UsbTransport({
    device: emu,
    onDeviceRemoved: (l) => usb.onDeviceRemoved(l),
    chunkSize: 512,
  });
  return { usb, emu, t: transport };
}

/** A USB device that is not a printer (a keyboard-like HID device). */
const hidDevice = {
  vendorId: 0x046d,
  productId: 0xc31c,
  serialNumber: null,
  manufacturerName: 'Logitech',
  productName: 'Keyboard',
  deviceClass: 0,
  configuration: null,
  configurations: [
    {
      configurationValue: 1,
      configurationName: null,
      interfaces: [
        {
          interfaceNumber: 0,
          claimed: false,
          alternate: {
            alternateSetting: 0,
            interfaceClass: 3,
            interfaceSubclass: 1,
            interfaceProtocol: 1,
            interfaceName: null,
            endpoints: [{ endpointNumber: 1, direction: 'in', type: 'interrupt', packetSize: 8 }],
          },
          alternates: [],
        },
      ],
    },
  ],
} as unknown as WebUsbDevice;

describe('USB discovery', () => {
  it('lists printer-class devices only, with a readable id and label', async () => {
    const usb = new FakeWebUsb().add(new UsbPrinterEmulator()).addOther(hidDevice);
    const found = await listUsbPrinters(usb);
    expect(found.map((p) => [p.id, p.vendorId, p.productId, p.serialNumber, p.label])).toEqual([
      ['usb:04b8:0202:EMU0001', 0x04b8, 0x0202, 'EMU0001', 'EPSON TM-T88V'],
    ]);
  });

  it('labels a printer without strings by its vendor', async () => {
    const emu = new UsbPrinterEmulator(undefined, {
      vendorId: 0x0519,
      productId: 0x0003,
      serialNumber: null,
      manufacturerName: null,
      productName: null,
    });
    const [p] = await listUsbPrinters(new FakeWebUsb().add(emu));
    expect(p?.id).toBe('usb:0519:0003');
    expect(p?.label).toBe('Star printer 0003');
  });

  it('reads the IEEE 1284 device ID (opening and closing the device itself)', async () => {
    const emu = new UsbPrinterEmulator();
    const id = await getDeviceId(emu);
    expect(id.manufacturer).toBe('EPSON');
    expect(id.model).toBe('TM-T88V');
    expect(id.commandSet).toEqual(['ESC/POS']);
    expect(emu.opened).toBe(false);
  });

  it('the usb package WebUSB object and its devices fit these APIs (compile-time check)', () => {
    expectTypeOf<WebUSB>().toExtend<Parameters<typeof removalsFrom>[0]>();
    expectTypeOf<WebUSB>().toExtend<WebUsbSource>();
    expectTypeOf<Awaited<ReturnType<WebUSB['getDevices']>>[number]>().toExtend<WebUsbDevice>();
  });
});

describe('UsbTransport', () => {
  it('claims the printer interface, prints and reads health', async () => {
    const { emu, t } = setup();
    expect(t.id).toBe('usb:04b8:0202:EMU0001');
    await t.open();
    expect(t.isOpen).toBe(true);
    expect(emu.configuration?.interfaces[0]?.claimed).toBe(true);
    const client = createPrinterClient(t, { statusTimeoutMs: 500 });
    expect(await client.health()).toMatchObject({ online: true, paper: 'ok', coverOpen: false });
    const job = receipt(100);
    expect(await client.print(job)).toEqual({ ok: true });
    expect(lines(emu.printer)).toHaveLength(100);
    expect(lines(emu.printer)[99]).toBe('line 99');
    expect(emu.printer.problems).toEqual([]);
    await client.close();
    expect(emu.opened).toBe(false);
  });

  it('reads the device ID while the transport holds the device, leaving it open', async () => {
    const { emu, t } = setup();
    await t.open();
    expect((await getDeviceId(emu)).model).toBe('TM-T88V');
    expect(emu.opened).toBe(true);
    await t.write(receipt(1));
    expect(lines(emu.printer)).toEqual(['line 0']);
  });

  it('selects a configuration when none is active', async () => {
    const { emu, t } = setup({ configured: false });
    await t.open();
    expect(emu.configuration?.configurationValue).toBe(1);
  });

  it('reports paper near end, paper out and an open cover', async () => {
    const { emu, t } = setup();
    await t.open();
    const client = createPrinterClient(t, { statusTimeoutMs: 500 });
    emu.printer.setPaper('nearEnd');
    expect(await client.health()).toMatchObject({ paper: 'near-end', online: true });
    emu.printer.setPaper('out');
    expect(await client.health()).toMatchObject({ paper: 'out', online: false });
    emu.printer.loadPaper();
    emu.printer.setCoverOpen(true);
    expect(await client.health()).toMatchObject({ paper: 'ok', coverOpen: true, online: false });
  });

  it('reports paper running out mid-job as interrupted, not printed', async () => {
    const { emu, t } = setup();
    await t.open();
    emu.printer.runOutOfPaperAfter(10);
    const job = receipt(200);
    const result = await createPrinterClient(t, { chunkSize: 256 }).print(job);
    expect(result).toMatchObject({ ok: false, reason: 'paper-out' });
    if (result.ok) return;
    expect(result.bytesAccepted).toBeGreaterThan(0);
    expect(result.bytesAccepted).toBeLessThan(job.length);
  });

  it('notices paper out on the last chunk too', async () => {
    const { emu, t } = setup();
    await t.open();
    emu.printer.runOutOfPaperAfter(3);
    const job = receipt(5);
    const result = await createPrinterClient(t, { chunkSize: 4096 }).print(job);
    expect(result).toEqual({
      ok: false,
      reason: 'paper-out',
      bytesAccepted: job.length,
      bytesSent: job.length,
      detail: expect.any(String),
    });
  });

  it('clears a stalled bulk OUT endpoint and retries', async () => {
    const { emu, t } = setup();
    await t.open();
    emu.stallOut();
    await t.write(receipt(2));
    expect(emu.haltsCleared.out).toBe(1);
    expect(lines(emu.printer)).toEqual(['line 0', 'line 1']);
  });

  it('clears a stalled bulk IN endpoint and keeps listening for the answer', async () => {
    const { emu, t } = setup();
    await t.open();
    emu.stallIn();
    await t.write(Uint8Array.of(0x10, 0x04, 0x01));
    expect(Array.from(await t.read(1, 1000))).toEqual([0x12]);
    expect(emu.haltsCleared.in).toBe(1);
  });

  it('fails a bulk OUT the printer never takes with TIMEOUT, ending the session', async () => {
    const emu = new UsbPrinterEmulator();
    transport = new UsbTransport({ device: emu, writeTimeoutMs: 100 });
    await transport.open();
    const lost: TransportError[] = [];
    transport.onDisconnect((e) => lost.push(e));
    emu.holdOut(true);
    expect(await codeOf(transport.write(receipt(2)))).toBe('TIMEOUT');
    expect(lost.map((e) => e.code)).toEqual(['TIMEOUT']);
    expect(transport.isOpen).toBe(false);
    await until(() => !emu.opened, 'device closed');
    emu.holdOut(false);
    await transport.open();
    await transport.write(receipt(1));
    expect(lines(emu.printer)).toEqual(['line 0']);
  });

  it('keeps listening when the backend times a quiet bulk IN out (usb package behaviour)', async () => {
    const { emu, t } = setup();
    await t.open();
    emu.transferInTimeout(20);
    const read = t.read(1, 1000);
    await new Promise((r) => setTimeout(r, 80)); // a few backend timeouts pass
    await t.write(Uint8Array.of(0x10, 0x04, 0x01));
    expect(Array.from(await read)).toEqual([0x12]);
    expect(t.isOpen).toBe(true);
  });

  it('is REFUSED while the kernel driver holds the interface, and claims it once detached', async () => {
    const emu = new UsbPrinterEmulator(undefined, { kernelDriverAttached: true });
    const plain = new UsbTransport({ device: emu });
    expect(await codeOf(plain.open())).toBe('REFUSED');
    expect(emu.opened).toBe(false);
    transport = new UsbTransport({ device: emu, detachKernelDriver: (n) => emu.detachKernelDriver(n) });
    await transport.open();
    expect(emu.kernelDriverAttached).toBe(false);
  });

  it('unplug mid-job: the write fails DISCONNECTED, onDisconnect fires once, print reports interrupted', async () => {
    const { emu, t } = setup();
    await t.open();
    const lost: TransportError[] = [];
    t.onDisconnect((e) => lost.push(e));
    emu.unplugAfterBytes(1000);
    const job = receipt(300);
    const result = await createPrinterClient(t, { chunkSize: 256 }).print(job);
    expect(result).toMatchObject({ ok: false, reason: 'disconnected' });
    if (result.ok) return;
    expect(result.bytesAccepted).toBeLessThan(job.length);
    // The failing chunk was part-sent: the result must not claim that nothing reached the printer.
    expect(result.bytesSent).toBeGreaterThanOrEqual(1000);
    expect(emu.received.length).toBe(1000);
    expect(lost.map((e) => e.code)).toEqual(['DISCONNECTED']);
    expect(t.isOpen).toBe(false);
    expect(await codeOf(t.write(bytes('x')))).toBe('DISCONNECTED');
    expect(await codeOf(t.read(1, 10))).toBe('DISCONNECTED');
    expect(lost).toHaveLength(1);
  });

  it('a pending status read fails DISCONNECTED when the device is unplugged', async () => {
    const { emu, t } = setup();
    await t.open();
    const lost: TransportError[] = [];
    t.onDisconnect((e) => lost.push(e));
    const read = t.read(1, 2000);
    await new Promise((r) => setTimeout(r, 20));
    emu.unplug();
    expect(await codeOf(read)).toBe('DISCONNECTED');
    expect(lost).toHaveLength(1);
  });

  it('learns of an idle unplug from the removal source alone', async () => {
    const { emu, t } = setup();
    await t.open();
    const lost: TransportError[] = [];
    t.onDisconnect((e) => lost.push(e));
    emu.unplug();
    expect(lost.map((e) => e.code)).toEqual(['DISCONNECTED']);
    expect(t.isOpen).toBe(false);
  });

  it('removalsFrom adapts a WebUSB event target', async () => {
    const emu = new UsbPrinterEmulator();
    const usb = new FakeWebUsb().add(emu);
    transport = new UsbTransport({ device: emu, onDeviceRemoved: removalsFrom(usb) });
    await transport.open();
    const lost: TransportError[] = [];
    transport.onDisconnect((e) => lost.push(e));
    emu.unplug();
    expect(lost).toHaveLength(1);
  });

  it('ignores removal of another device', async () => {
    const { usb, t } = setup();
    const other = new UsbPrinterEmulator(undefined, { serialNumber: 'OTHER' });
    usb.add(other);
    await t.open();
    const lost: TransportError[] = [];
    t.onDisconnect((e) => lost.push(e));
    other.unplug();
    expect(lost).toEqual([]);
    expect(t.isOpen).toBe(true);
  });

  it('after replug: reopens and prints, and can report a second unplug', async () => {
    const { usb, emu, t } = setup();
    await t.open();
    const lost: TransportError[] = [];
    t.onDisconnect((e) => lost.push(e));
    emu.unplug();
    expect(await usb.getDevices()).toEqual([]);
    expect(await codeOf(t.open())).toBe('NOT_FOUND');
    emu.replug();
    expect(await listUsbPrinters(usb)).toHaveLength(1);
    await t.open();
    expect(await createPrinterClient(t).print(receipt(2))).toEqual({ ok: true });
    expect(lines(emu.printer)).toEqual(['line 0', 'line 1']);
    emu.unplug();
    expect(lost).toHaveLength(2);
  });

  it('a status read times out empty when the printer says nothing, and the answer is not lost later', async () => {
    const { t } = setup();
    await t.open();
    expect(await t.read(1, 30)).toHaveLength(0);
    // The bulk IN transfer left pending by the timed-out read must deliver this answer to the next read.
    await t.write(Uint8Array.of(0x10, 0x04, 0x01));
    const answer = await t.read(1, 500);
    expect(answer).toHaveLength(1);
    expect(answer[0]).toBe(0x12); // online, nothing wrong
  });
});
