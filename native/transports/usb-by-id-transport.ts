// A USB printer named by vendor, product (and serial): looked up on the bus at every open(), so a printer that
// is absent at start-up, or unplugged and plugged back in (a new device object), is found again by the next
// open. Absent, it fails open() with NOT_FOUND, which the print queue reports as the printer disconnected.
import { DisconnectSignal } from './disconnect-signal';
import { TransportError } from './transport';
import type { PrinterTransport } from './transport';
import { usbPrinterId } from './usb-discovery';
import type { UsbHost } from './usb-host';
import { isUsbPrinter } from './usb-printer-interface';
import { UsbTransport } from './usb-transport';
import type { WebUsbDevice } from './webusb';

export interface UsbPrinterMatch {
  readonly vendorId: number;
  readonly productId: number;
  /** When several printers of one model are plugged in, the serial picks one. */
  readonly serialNumber?: string | undefined;
}

export interface UsbByIdTransportOptions {
  /** null: this shell has no USB access; open() fails NOT_FOUND saying so. */
  readonly usb: UsbHost | null;
  readonly match: UsbPrinterMatch;
  readonly writeTimeoutMs?: number;
}

export function matchesPrinter(device: WebUsbDevice, m: UsbPrinterMatch): boolean {
  return (
    device.vendorId === m.vendorId &&
    device.productId === m.productId &&
    (m.serialNumber === undefined || device.serialNumber === m.serialNumber) &&
    isUsbPrinter(device)
  );
}

export class UsbByIdTransport implements PrinterTransport {
  readonly kind = 'usb';
  readonly id: string;
  private readonly options: UsbByIdTransportOptions;
  private current: UsbTransport | null = null;
  private stopForwarding: (() => void) | null = null;
  private readonly signal = new DisconnectSignal();

  constructor(options: UsbByIdTransportOptions) {
    this.options = options;
    const { vendorId, productId, serialNumber } = options.match;
    this.id = usbPrinterId({ vendorId, productId, serialNumber: serialNumber ?? null });
  }

  get isOpen(): boolean {
    return this.current?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    await this.drop();
    const device = await this.find();
    const { usb, writeTimeoutMs } = this.options;
    const removed = usb?.onDeviceRemoved?.bind(usb);
    const detach = usb?.detachKernelDriver?.bind(usb);
    const transport = new UsbTransport({
      device,
      ...(writeTimeoutMs === undefined ? {} : { writeTimeoutMs }),
      ...(removed ? { onDeviceRemoved: removed } : {}),
      ...(detach ? { detachKernelDriver: (n: number) => detach(device, n) } : {}),
    });
    await transport.open();
    this.signal.rearm();
    this.stopForwarding = transport.onDisconnect((e) => this.signal.fire(e));
    this.current = transport;
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.requireOpen().write(bytes);
  }

  read(max: number, timeoutMs: number): Promise<Uint8Array> {
    try {
      return this.requireOpen().read(max, timeoutMs);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  close(): Promise<void> {
    return this.drop();
  }

  onDisconnect(listener: (error: TransportError) => void): () => void {
    return this.signal.add(listener);
  }

  private async find(): Promise<WebUsbDevice> {
    const usb = this.options.usb;
    if (!usb) throw new TransportError('NOT_FOUND', `${this.id}: this app has no USB access`);
    let devices: WebUsbDevice[];
    try {
      devices = await usb.getDevices();
    } catch (e) {
      throw new TransportError('IO', `${this.id}: cannot list USB devices (${String(e)})`);
    }
    const device = devices.find((d) => matchesPrinter(d, this.options.match));
    if (!device) throw new TransportError('NOT_FOUND', `${this.id}: printer not connected`);
    return device;
  }

  private requireOpen(): UsbTransport {
    if (!this.current?.isOpen) throw new TransportError('DISCONNECTED', `${this.id}: not open`);
    return this.current;
  }

  private async drop(): Promise<void> {
    const t = this.current;
    this.current = null;
    this.stopForwarding?.();
    this.stopForwarding = null;
    await t?.close();
  }
}
