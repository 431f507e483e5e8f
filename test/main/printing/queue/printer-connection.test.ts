// printer.connection → a working PrinterPort for each kind: a network printer (the TCP 9100 emulator), a USB
// printer found on the bus by its IDs (the emulated USB printer behind a fake WebUSB), and usblp. A USB
// printer that is absent is "not found" (the queue shows it disconnected), and is found once plugged in.
import { afterEach, describe, expect, it } from 'vitest';
import { findProfile } from '../../../../native/escpos/encode/profiles';
import { EscPosPrinter } from '../../../../native/emulators/escpos-printer';
import { FakeWebUsb } from '../../../../native/emulators/fake-webusb';
import { TcpPrinterEmulator } from '../../../../native/emulators/tcp-printer';
import { UsbPrinterEmulator } from '../../../../native/emulators/usb-printer';
import { TransportError } from '../../../../native/transports/transport';
import {
  connectConfiguredPrinter,
  connectPrinter,
  type PrinterConnection,
} from '../../../../main/printing/queue/printer-connection';
import { renderReceipt } from '../../../../main/printing/render-receipt';
import { parseReceiptFile } from '../../../../main/printing/sale-json';
import { readFixture } from '../../../support/golden';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
function track(c: PrinterConnection): PrinterConnection {
  cleanups.push(() => c.close());
  return c;
}

const fixture = parseReceiptFile(readFixture('sale.json'));
const cn80 = findProfile('cn-80');
if (!cn80) throw new Error('cn-80 profile missing');
const receipt = renderReceipt(fixture, { profile: cn80, mode: 'text' });

function usbPrinter(serialNumber = 'EMU0001'): UsbPrinterEmulator {
  return new UsbPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }), { serialNumber });
}

describe('connectPrinter builds each kind', () => {
  it('none configured: null', () => {
    expect(connectConfiguredPrinter(undefined)).toBeNull();
    expect(connectConfiguredPrinter({ profileId: 'cn-80' })).toBeNull();
  });

  it('tcp: a real receipt reaches the network printer', async () => {
    const emulator = new TcpPrinterEmulator(new EscPosPrinter({ chineseByDefault: true }));
    await emulator.start();
    cleanups.push(() => emulator.stop());
    const c = track(connectPrinter({ kind: 'tcp', host: emulator.host, port: emulator.port }, {}));
    expect(c.id).toBe(`tcp:${emulator.host}:${emulator.port}`);
    expect(await c.port.print(receipt)).toEqual({ ok: true });
    expect(emulator.printer.renderText()).toContain('R20261125-0042');
    expect(emulator.printer.renderText()).toContain('可口可乐');
  });

  it('usb: the printer with these IDs is found on the bus and prints a real receipt', async () => {
    const other = usbPrinter('OTHER');
    const mine = usbPrinter('MINE');
    const usb = new FakeWebUsb().add(other).add(mine);
    const configured = connectConfiguredPrinter(
      { connection: { kind: 'usb', vendorId: 0x04b8, productId: 0x0202, serialNumber: 'MINE' } },
      { usb },
    );
    if (!configured) throw new Error('a configured printer is connected');
    const c = track(configured);
    expect(c.id).toBe('usb:04b8:0202:MINE');
    expect(await c.port.print(receipt)).toEqual({ ok: true });
    expect(mine.printer.renderText()).toContain('R20261125-0042');
    expect(mine.printer.renderText()).toContain('红富士苹果');
    expect(other.received).toHaveLength(0);
  });

  it('usb: absent is NOT_FOUND (never a crash); plugged in later, the next call prints', async () => {
    const usb = new FakeWebUsb();
    const c = track(connectPrinter({ kind: 'usb', vendorId: 0x04b8, productId: 0x0202 }, { usb }));
    await expect(c.port.health()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const printer = usbPrinter();
    usb.add(printer);
    expect(await c.port.health()).toMatchObject({ online: true, paper: 'ok' });
    expect(await c.port.print(receipt)).toEqual({ ok: true });
    expect(printer.printer.renderText()).toContain('R20261125-0042');
  });

  it('usb: unplugged and plugged back in (a new session on the same device), printing resumes', async () => {
    const printer = usbPrinter();
    const usb = new FakeWebUsb().add(printer);
    const c = track(connectPrinter({ kind: 'usb', vendorId: 0x04b8, productId: 0x0202 }, { usb }));
    expect(await c.port.print(receipt)).toEqual({ ok: true });
    const once = printer.printer.renderText();
    printer.unplug();
    await expect(c.port.health()).rejects.toBeInstanceOf(TransportError);
    printer.replug();
    expect(await c.port.print(receipt)).toEqual({ ok: true });
    const after = printer.printer.renderText();
    expect(after.startsWith(once)).toBe(true);
    expect(after.slice(once.length)).toContain('R20261125-0042');
  });

  it('usb without USB access in this shell: NOT_FOUND saying so', async () => {
    const c = track(connectPrinter({ kind: 'usb', vendorId: 1, productId: 2 }, { usb: null }));
    await expect(c.port.health()).rejects.toThrow(/no USB access/);
  });

  it('usblp: the character device, NOT_FOUND while it does not exist', async () => {
    const c = track(connectPrinter({ kind: 'usblp', device: '/dev/usb/lp97' }, {}));
    expect(c.id).toBe('usblp:/dev/usb/lp97');
    await expect(c.port.health()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
