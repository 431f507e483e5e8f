// The descriptors an emulated USB receipt printer reports, shaped like WebUSB's USBConfiguration tree: one
// configuration, one interface of class 7 / subclass 1 / protocol 2 (bidirectional) with bulk OUT 1 and
// bulk IN 2 (0x01 / 0x82 on the wire, as on an Epson TM-T88V).
import type { WebUsbAlternateInterface, WebUsbConfiguration, WebUsbInterface } from '../transports/webusb';

export const PRINTER_OUT_ENDPOINT = 1;
export const PRINTER_IN_ENDPOINT = 2;
export const PRINTER_INTERFACE = 0;
export const PRINTER_CONFIGURATION = 1;

export function printerConfiguration(packetSize: number, isClaimed: () => boolean): WebUsbConfiguration {
  const alternate: WebUsbAlternateInterface = {
    alternateSetting: 0,
    interfaceClass: 0x07,
    interfaceSubclass: 0x01,
    interfaceProtocol: 0x02,
    interfaceName: null,
    endpoints: [
      { endpointNumber: PRINTER_OUT_ENDPOINT, direction: 'out', type: 'bulk', packetSize },
      { endpointNumber: PRINTER_IN_ENDPOINT, direction: 'in', type: 'bulk', packetSize },
    ],
  };
  const iface: WebUsbInterface = {
    interfaceNumber: PRINTER_INTERFACE,
    alternate,
    alternates: [alternate],
    get claimed() {
      return isClaimed();
    },
  };
  return { configurationValue: PRINTER_CONFIGURATION, configurationName: null, interfaces: [iface] };
}
