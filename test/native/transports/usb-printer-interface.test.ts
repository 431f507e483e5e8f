// Picking the printer interface (class 7) and its bulk endpoints from a USB device's configurations.
import { describe, expect, it } from 'vitest';
import { findPrinterInterface, isUsbPrinter } from '../../../native/transports/usb-printer-interface';
import type { WebUsbAlternateInterface, WebUsbDevice } from '../../../native/transports/webusb';

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
