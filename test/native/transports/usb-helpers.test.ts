// The pure pieces of the USB transport: error mapping, IEEE 1284 IDs and picking the printer interface.
import { describe, expect, it } from 'vitest';
import { decodeDeviceIdPayload, parseIeee1284Id } from '../../../native/transports/ieee1284-id';
import { usbErrorCode } from '../../../native/transports/usb-errors';
import { findPrinterInterface, isUsbPrinter } from '../../../native/transports/usb-printer-interface';
import type { WebUsbAlternateInterface, WebUsbDevice } from '../../../native/transports/webusb';

const dom = (name: string, message = ''): DOMException => new DOMException(message, name);
const open = { removed: false, wasOpen: true };
const closed = { removed: false, wasOpen: false };

describe('usbErrorCode', () => {
  it.each([
    ['NotFoundError while open', dom('NotFoundError'), open, 'DISCONNECTED'],
    ['NotFoundError before open', dom('NotFoundError'), closed, 'NOT_FOUND'],
    ['NetworkError transfer failure', dom('NetworkError', 'A transfer error has occurred.'), open, 'IO'],
    [
      'NetworkError after the removal event',
      dom('NetworkError', 'A transfer error has occurred.'),
      { removed: true, wasOpen: true },
      'DISCONNECTED',
    ],
    ['claim refused', dom('NetworkError', 'Unable to claim interface.'), closed, 'REFUSED'],
    ['libusb no device', new Error('LIBUSB_ERROR_NO_DEVICE'), open, 'DISCONNECTED'],
    ['libusb busy', new Error('LIBUSB_ERROR_BUSY'), closed, 'REFUSED'],
    ['security', dom('SecurityError'), closed, 'REFUSED'],
    ['timeout', dom('TimeoutError'), open, 'TIMEOUT'],
    ['backend transfer timeout', new Error('Transfer timed out'), open, 'TIMEOUT'],
    ['anything else', new Error('weird'), open, 'IO'],
  ] as const)('%s', (_what, error, ctx, code) => {
    expect(usbErrorCode(error, ctx)).toBe(code);
  });
});

describe('IEEE 1284 device ID', () => {
  it('parses short and long keys and a command-set list', () => {
    const id = parseIeee1284Id('MANUFACTURER:Star;COMMAND SET:ESC/POS, STAR;MODEL:TSP143;CLS:PRINTER;');
    expect(id.manufacturer).toBe('Star');
    expect(id.model).toBe('TSP143');
    expect(id.commandSet).toEqual(['ESC/POS', 'STAR']);
    expect(id.fields.CLS).toBe('PRINTER');
  });

  it('honours the length prefix, never reading past what arrived', () => {
    const text = 'MFG:X;MDL:Y;';
    const data = Uint8Array.from([
      0,
      text.length + 2,
      ...Array.from(text, (c) => c.charCodeAt(0)),
      0x41,
      0x41,
    ]);
    expect(decodeDeviceIdPayload(data)).toBe(text);
    const overstated = Uint8Array.from([0x01, 0x00, ...Array.from(text, (c) => c.charCodeAt(0))]);
    expect(decodeDeviceIdPayload(overstated)).toBe(text);
    expect(() => decodeDeviceIdPayload(Uint8Array.of(0))).toThrow(/length prefix/);
  });
});

function alt(
  setting: number,
  cls: number,
  protocol: number,
  dirs: readonly ('in' | 'out')[],
): WebUsbAlternateInterface {
  return {
    alternateSetting: setting,
    interfaceClass: cls,
    interfaceSubclass: 1,
    interfaceProtocol: protocol,
    interfaceName: null,
    endpoints: dirs.map((direction, i) => ({
      endpointNumber: i + 1,
      direction,
      type: 'bulk',
      packetSize: 64,
    })),
  };
}

function device(configs: WebUsbAlternateInterface[][][], active: number | null): WebUsbDevice {
  const configurations = configs.map((ifaces, c) => ({
    configurationValue: c + 1,
    configurationName: null,
    interfaces: ifaces.map((alts, n) => ({
      interfaceNumber: n,
      claimed: false,
      alternate: alts[0] as WebUsbAlternateInterface,
      alternates: alts,
    })),
  }));
  return {
    vendorId: 1,
    productId: 2,
    serialNumber: null,
    deviceClass: 0,
    configurations,
    configuration: active === null ? null : (configurations[active] ?? null),
  } as unknown as WebUsbDevice;
}

describe('findPrinterInterface', () => {
  it('prefers the bidirectional alternate setting', () => {
    const d = device([[[alt(0, 7, 1, ['out']), alt(1, 7, 2, ['out', 'in'])]]], 0);
    const found = findPrinterInterface(d);
    expect(found?.alternate.alternateSetting).toBe(1);
    expect(found?.inEndpoint).toBe(2);
  });

  it('skips non-printer interfaces and finds one in another configuration', () => {
    const d = device(
      [[[alt(0, 0xff, 0, ['out', 'in'])]], [[alt(0, 3, 0, ['in'])], [alt(0, 7, 2, ['out', 'in'])]]],
      0,
    );
    const found = findPrinterInterface(d);
    expect(found?.configuration.configurationValue).toBe(2);
    expect(found?.configurationIndex).toBe(1);
    expect(found?.interfaceNumber).toBe(1);
    expect(isUsbPrinter(d)).toBe(true);
  });

  it('returns null for a device without a printer interface', () => {
    const d = device([[[alt(0, 3, 0, ['in'])]]], 0);
    expect(findPrinterInterface(d)).toBeNull();
    expect(isUsbPrinter(d)).toBe(false);
  });
});
