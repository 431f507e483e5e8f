// Where a USB receipt printer takes bytes: an interface of class 7 (printer) with a bulk OUT endpoint and,
// on bidirectional ones (protocol 2), a bulk IN endpoint for status answers. Some devices put the printer
// interface next to others (a vendor interface, a HID one) or in a second configuration, so search them all.
import type { WebUsbAlternateInterface, WebUsbConfiguration, WebUsbDevice } from './webusb';

export const USB_CLASS_PRINTER = 0x07;

export interface PrinterInterface {
  configuration: WebUsbConfiguration;
  /** Zero-based position in device.configurations (what GET_DEVICE_ID calls the configuration index). */
  configurationIndex: number;
  interfaceNumber: number;
  alternate: WebUsbAlternateInterface;
  outEndpoint: number;
  /** null on a unidirectional printer (protocol 1): nothing can be read back. */
  inEndpoint: number | null;
  packetSizeIn: number;
}

// Bidirectional first (status needs it), then unidirectional, then IEEE 1284.4 and anything else.
const PROTOCOL_RANK: Record<number, number> = { 2: 0, 1: 1, 3: 2 };

function candidates(config: WebUsbConfiguration, configurationIndex: number): PrinterInterface[] {
  const out: PrinterInterface[] = [];
  for (const iface of config.interfaces) {
    for (const alt of iface.alternates) {
      if (alt.interfaceClass !== USB_CLASS_PRINTER) continue;
      const bulkOut = alt.endpoints.find((e) => e.type === 'bulk' && e.direction === 'out');
      if (!bulkOut) continue;
      const bulkIn = alt.endpoints.find((e) => e.type === 'bulk' && e.direction === 'in');
      out.push({
        configuration: config,
        configurationIndex,
        interfaceNumber: iface.interfaceNumber,
        alternate: alt,
        outEndpoint: bulkOut.endpointNumber,
        inEndpoint: bulkIn?.endpointNumber ?? null,
        packetSizeIn: bulkIn?.packetSize ?? 64,
      });
    }
  }
  const rank = (c: PrinterInterface): number =>
    (PROTOCOL_RANK[c.alternate.interfaceProtocol] ?? 3) * 2 + (c.inEndpoint === null ? 1 : 0);
  return out.sort((a, b) => rank(a) - rank(b));
}

/**
 * The best printer interface: in the active configuration if it has one (switching configuration under a
 * working device is disruptive), otherwise in any configuration. null when the device is not a printer.
 */
export function findPrinterInterface(device: WebUsbDevice): PrinterInterface | null {
  const active = device.configuration;
  if (active) {
    const index = device.configurations.findIndex((c) => c.configurationValue === active.configurationValue);
    const best = candidates(active, Math.max(0, index))[0];
    if (best) return best;
  }
  for (const [i, config] of device.configurations.entries()) {
    const best = candidates(config, i)[0];
    if (best) return best;
  }
  return null;
}

export function isUsbPrinter(device: WebUsbDevice): boolean {
  return (
    device.deviceClass === USB_CLASS_PRINTER ||
    device.configurations.some((c) =>
      c.interfaces.some((i) => i.alternates.some((a) => a.interfaceClass === USB_CLASS_PRINTER)),
    )
  );
}
