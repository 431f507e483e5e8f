// A stand-in for the `usb` package's `webusb` object in tests: getDevices() lists the emulated printers that
// are plugged in, and 'connect' / 'disconnect' events (with `event.device`) follow their replug() / unplug().
import type { WebUsbDevice } from '../transports/webusb';
import type { UsbPrinterEmulator } from './usb-printer';

export class UsbConnectionEvent extends Event {
  constructor(
    type: 'connect' | 'disconnect',
    readonly device: WebUsbDevice,
  ) {
    super(type);
  }
}

export class FakeWebUsb extends EventTarget {
  private readonly devices: UsbPrinterEmulator[] = [];
  /** Other (non-printer) devices on the bus, to check filtering. */
  private readonly others: WebUsbDevice[] = [];

  add(device: UsbPrinterEmulator): this {
    this.devices.push(device);
    device.onPlugChange((plugged) =>
      this.dispatchEvent(new UsbConnectionEvent(plugged ? 'connect' : 'disconnect', device)),
    );
    return this;
  }

  addOther(device: WebUsbDevice): this {
    this.others.push(device);
    return this;
  }

  async getDevices(): Promise<WebUsbDevice[]> {
    return [...this.others, ...this.devices.filter((d) => d.isPlugged)];
  }

  /** The transport's onDeviceRemoved hook, straight from this object. */
  onDeviceRemoved(listener: (device: WebUsbDevice) => void): () => void {
    const handler = (e: Event): void => {
      if (e instanceof UsbConnectionEvent) listener(e.device);
    };
    this.addEventListener('disconnect', handler);
    return () => this.removeEventListener('disconnect', handler);
  }
}
