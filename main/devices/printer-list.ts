// What the printer setup lists: the USB printers discovery finds (with the names they give themselves) and the
// Linux usblp device nodes present, and the printer profiles a printer can be set to.
import { PROFILES } from '../../native/escpos/encode/profiles';
import { listUsbPrinters } from '../../native/transports/usb-discovery';
import type { UsbHost } from '../../native/transports/usb-host';
import { listUsblpNodes } from '../../native/transports/usblp-nodes';
import type { PrinterListView, PrinterProfileView, UsbPrinterView } from '../api/contract';

export interface PrinterListDeps {
  readonly usb: UsbHost | null;
  /** where usblp nodes appear (default /dev/usb; tests use a folder of their own) */
  readonly usblpDir?: string | undefined;
}

/** USB printers on the bus; null when the bus cannot be read (no USB subsystem, no permission). */
async function usbPrinters(usb: UsbHost | null): Promise<UsbPrinterView[] | null> {
  if (!usb) return null;
  try {
    // The device objects stay in main: the screen gets ids and names only.
    return (await listUsbPrinters(usb)).map(({ id, vendorId, productId, serialNumber, label }) => ({
      id,
      vendorId,
      productId,
      serialNumber,
      label,
    }));
  } catch {
    return null;
  }
}

export async function listPrinters(d: PrinterListDeps): Promise<PrinterListView> {
  const usb = await usbPrinters(d.usb);
  return { usb: usb ?? [], usblp: listUsblpNodes(d.usblpDir), usbAvailable: usb !== null };
}

export function printerProfiles(): PrinterProfileView[] {
  return PROFILES.map((p) => ({
    id: p.id,
    description: p.description,
    paperMm: p.paperMm,
    columns: p.columns,
    defaultMode: p.defaultMode,
    cjkFont: p.capabilities.cjkFont,
    drawer: p.capabilities.drawer,
  }));
}
