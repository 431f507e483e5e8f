// Pure helpers of the device settings: the printer part of the draft changed one field at a time (an unset
// field is removed, as config.json leaves it out), the drawer pulse between ms on screen and the 2 ms units
// config.json stores, and the USB printer a connection names.
import type { PrinterConnectionConfig, PrinterSettingsConfig, UsbPrinterView } from '@contract/contract';

export type PrinterDraft = PrinterSettingsConfig | undefined;

/** `printer` with `patch` applied; a key set to undefined is removed, and an empty printer is undefined. */
export function patchPrinter(printer: PrinterDraft, patch: Partial<PrinterSettingsConfig>): PrinterDraft {
  const entries = Object.entries({ ...printer, ...patch }).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as PrinterSettingsConfig);
}

/** ESC p timings: milliseconds on screen, 2 ms units in config.json (0-255). */
export const msToUnits = (ms: number): number => Math.min(255, Math.max(0, Math.round(ms / 2)));
export const unitsToMs = (units: number): number => units * 2;

type UsbConnection = Extract<PrinterConnectionConfig, { kind: 'usb' }>;

export function usbConnectionOf(p: UsbPrinterView): UsbConnection {
  return {
    kind: 'usb',
    vendorId: p.vendorId,
    productId: p.productId,
    ...(p.serialNumber === null ? {} : { serialNumber: p.serialNumber }),
  };
}

/** The id discovery gives this connection's printer ('usb:04b8:0202:SERIAL'). */
export function usbIdOf(c: UsbConnection): string {
  const hex = (n: number): string => n.toString(16).padStart(4, '0');
  const base = `usb:${hex(c.vendorId)}:${hex(c.productId)}`;
  return c.serialNumber ? `${base}:${c.serialNumber}` : base;
}
