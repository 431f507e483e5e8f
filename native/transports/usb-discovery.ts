// Finding USB receipt printers and asking them who they are (GET_DEVICE_ID), for the printer setup screen.
import { decodeDeviceIdPayload, parseIeee1284Id } from './ieee1284-id';
import type { Ieee1284Id } from './ieee1284-id';
import { findPrinterInterface, isUsbPrinter } from './usb-printer-interface';
import type { WebUsbDevice, WebUsbSource } from './webusb';

/** Receipt printer makers by USB vendor ID (for a readable label when the device has no product string). */
export const PRINTER_VENDORS: Readonly<Record<number, string>> = {
  0x04b8: 'Epson',
  0x0519: 'Star',
  0x1d90: 'Citizen',
  0x1504: 'Bixolon',
  0x0419: 'Bixolon',
  0x05d9: 'HP',
};

export interface UsbPrinterInfo {
  /** Same as the UsbTransport id for this device: 'usb:04b8:0202:SERIAL'. */
  readonly id: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber: string | null;
  /** For people: product string, else vendor name and product ID. */
  readonly label: string;
  readonly device: WebUsbDevice;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

export function usbPrinterId(device: Pick<WebUsbDevice, 'vendorId' | 'productId' | 'serialNumber'>): string {
  const base = `usb:${hex4(device.vendorId)}:${hex4(device.productId)}`;
  return device.serialNumber ? `${base}:${device.serialNumber}` : base;
}

export async function listUsbPrinters(usb: WebUsbSource): Promise<UsbPrinterInfo[]> {
  const devices = await usb.getDevices();
  return devices.filter(isUsbPrinter).map((device) => {
    const vendor = PRINTER_VENDORS[device.vendorId] ?? `vendor ${hex4(device.vendorId)}`;
    const product = device.productName?.trim();
    const maker = device.manufacturerName?.trim() || vendor;
    return {
      id: usbPrinterId(device),
      vendorId: device.vendorId,
      productId: device.productId,
      serialNumber: device.serialNumber,
      label: product ? `${maker} ${product}` : `${vendor} printer ${hex4(device.productId)}`,
      device,
    };
  });
}

const GET_DEVICE_ID = 0;

/**
 * The printer's IEEE 1284 ID via the printer-class GET_DEVICE_ID request. Opens the device if it is not open
 * (and closes it again); a control transfer to the interface needs no claim, so this works next to a
 * transport that has it claimed.
 */
export async function getDeviceId(device: WebUsbDevice): Promise<Ieee1284Id> {
  const target = findPrinterInterface(device);
  if (!target) throw new Error(`${usbPrinterId(device)} has no printer-class interface`);
  const openedHere = !device.opened;
  if (openedHere) await device.open();
  try {
    const result = await device.controlTransferIn(
      {
        requestType: 'class',
        recipient: 'interface',
        request: GET_DEVICE_ID,
        value: target.configurationIndex,
        index: (target.interfaceNumber << 8) | target.alternate.alternateSetting,
      },
      1024,
    );
    if (result.status !== 'ok' || !result.data)
      throw new Error(`${usbPrinterId(device)}: GET_DEVICE_ID ended with status ${result.status}`);
    const data = new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.byteLength);
    return parseIeee1284Id(decodeDeviceIdPayload(data));
  } finally {
    if (openedHere) await device.close().catch(() => undefined);
  }
}
