// The emulated USB printer behaves like a WebUSB USBDevice would: the protocol errors (not open, not claimed,
// wrong endpoint), GET_DEVICE_ID framing, stalls, the Linux kernel driver, and unplug / replug.
import { describe, expect, it } from 'vitest';
import { EscPosPrinter } from '../../../native/emulators/escpos-printer';
import type { UsbConnectionEvent } from '../../../native/emulators/fake-webusb';
import { FakeWebUsb } from '../../../native/emulators/fake-webusb';
import { UsbPrinterEmulator } from '../../../native/emulators/usb-printer';
import { bytes, DLE, LF } from '../../support/bytes';

const nameOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof Error ? e.name : String(e);
  }
};

async function ready(emu = new UsbPrinterEmulator()): Promise<UsbPrinterEmulator> {
  await emu.open();
  await emu.claimInterface(0);
  return emu;
}

const view = (d: DataView | undefined): number[] =>
  d ? [...new Uint8Array(d.buffer, d.byteOffset, d.byteLength)] : [];

describe('UsbPrinterEmulator', () => {
  it('describes a printer-class interface with bulk OUT and IN', () => {
    const emu = new UsbPrinterEmulator();
    expect(emu.vendorId).toBe(0x04b8);
    const alt = emu.configurations[0]?.interfaces[0]?.alternate;
    expect(alt).toMatchObject({ interfaceClass: 7, interfaceSubclass: 1, interfaceProtocol: 2 });
    expect(alt?.endpoints.map((e) => [e.direction, e.type])).toEqual([
      ['out', 'bulk'],
      ['in', 'bulk'],
    ]);
  });

  it('refuses transfers before open and before claimInterface', async () => {
    const emu = new UsbPrinterEmulator();
    expect(await nameOf(emu.transferOut(1, bytes('x')))).toBe('InvalidStateError');
    await emu.open();
    expect(await nameOf(emu.transferOut(1, bytes('x')))).toBe('InvalidStateError');
    await emu.claimInterface(0);
    expect(await nameOf(emu.transferOut(3, bytes('x')))).toBe('NotFoundError');
    expect((await emu.transferOut(1, bytes('x'))).status).toBe('ok');
  });

  it('feeds bulk OUT to the printer and answers status on bulk IN', async () => {
    const emu = await ready();
    const out = await emu.transferOut(1, bytes('hi', LF, DLE, 4, 4));
    expect(out).toEqual({ status: 'ok', bytesWritten: 6 });
    expect(emu.printer.renderText()).toContain('hi');
    const answer = await emu.transferIn(2, 64);
    expect(answer.status).toBe('ok');
    expect(view(answer.data)).toEqual([0x12]);
  });

  it('keeps bulk IN pending until the printer has something to say', async () => {
    const emu = await ready();
    let settled = false;
    const pending = emu.transferIn(2, 64).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    emu.printer.setPaper('out');
    await emu.transferOut(1, bytes(DLE, 4, 4));
    // An empty roll trips the near-end sensor too: bits 2-3 and 5-6.
    expect(view((await pending).data)).toEqual([0x7e]);
  });

  it('answers GET_DEVICE_ID with a big-endian length prefix', async () => {
    const emu = new UsbPrinterEmulator();
    await emu.open();
    const r = await emu.controlTransferIn(
      { requestType: 'class', recipient: 'interface', request: 0, value: 0, index: 0 },
      1024,
    );
    const data = view(r.data);
    const text = 'MFG:EPSON;CMD:ESC/POS;MDL:TM-T88V;';
    expect(data.slice(0, 2)).toEqual([0, text.length + 2]);
    expect(String.fromCharCode(...data.slice(2))).toBe(text);
    const other = await emu.controlTransferIn(
      { requestType: 'vendor', recipient: 'device', request: 1, value: 0, index: 0 },
      8,
    );
    expect(other.status).toBe('stall');
  });

  it('stalls bulk OUT until the halt is cleared', async () => {
    const emu = await ready();
    emu.stallOut();
    expect((await emu.transferOut(1, bytes('a'))).status).toBe('stall');
    expect((await emu.transferOut(1, bytes('a'))).status).toBe('stall');
    await emu.clearHalt('out', 1);
    expect((await emu.transferOut(1, bytes('a'))).status).toBe('ok');
    expect(emu.received).toEqual([0x61]);
  });

  it('cannot be claimed while the kernel driver is bound', async () => {
    const emu = new UsbPrinterEmulator(new EscPosPrinter(), { kernelDriverAttached: true });
    await emu.open();
    expect(await nameOf(emu.claimInterface(0))).toBe('NetworkError');
    await emu.detachKernelDriver(0);
    await emu.claimInterface(0);
    expect(emu.configuration?.interfaces[0]?.claimed).toBe(true);
  });

  it('unplug rejects pending and later transfers with NotFoundError and tells the bus', async () => {
    const emu = await ready();
    const usb = new FakeWebUsb().add(emu);
    const events: string[] = [];
    usb.addEventListener('disconnect', (e) =>
      events.push(`${e.type}:${(e as UsbConnectionEvent).device.serialNumber}`),
    );
    usb.addEventListener('connect', (e) => events.push(e.type));
    const pending = emu.transferIn(2, 64);
    emu.unplug();
    expect(await nameOf(pending)).toBe('NotFoundError');
    expect(await nameOf(emu.transferOut(1, bytes('x')))).toBe('NotFoundError');
    expect(await nameOf(emu.open())).toBe('NotFoundError');
    expect(await usb.getDevices()).toEqual([]);
    emu.replug();
    expect(await usb.getDevices()).toEqual([emu]);
    expect(emu.opened).toBe(false);
    await ready(emu);
    expect(events).toEqual(['disconnect:EMU0001', 'connect']);
  });

  it('unplugAfterBytes cuts a transfer part-way: the printer got only the bytes before the pull', async () => {
    const emu = await ready();
    emu.unplugAfterBytes(3);
    expect(await nameOf(emu.transferOut(1, bytes('abcdef')))).toBe('NotFoundError');
    expect(emu.received).toEqual([0x61, 0x62, 0x63]);
    expect(emu.isPlugged).toBe(false);
  });

  it('close aborts a pending bulk IN', async () => {
    const emu = await ready();
    const pending = emu.transferIn(2, 64);
    await emu.close();
    expect(await nameOf(pending)).toBe('AbortError');
  });
});
