// A USB receipt printer through WebUSB (`USBDevice`, as the `usb` package exposes it): the printer-class
// interface is claimed, the job goes out on bulk OUT in chunks and status answers come back on bulk IN.
//
// Wiring in the app (usb 3.x, `import { webusb } from 'usb'`):
//   new UsbTransport({
//     device,                                   // from webusb.getDevices() / listUsbPrinters(webusb)
//     onDeviceRemoved: removalsFrom(webusb),    // 'disconnect' events
//     // Linux: the kernel `usblp` driver owns printer interfaces, and claimInterface fails until it is
//     // detached. WebUSB has no call for that; the `usb` package's own device object has one
//     // (usb 3: `UsbDevice.detachKernelDriver(n)` on the very object getDevices() returned; usb 2's legacy
//     // API: `usb.findByIds(vid, pid).interface(n).detachKernelDriver()` after `open()`).
//     detachKernelDriver: process.platform === 'linux' ? (n) => device.detachKernelDriver(n) : undefined,
//   });
import { ByteQueue } from './byte-queue';
import { DisconnectSignal } from './disconnect-signal';
import { TransportError } from './transport';
import type { PrinterTransport } from './transport';
import { usbPrinterId } from './usb-discovery';
import { toUsbTransportError } from './usb-errors';
import { findPrinterInterface } from './usb-printer-interface';
import type { PrinterInterface } from './usb-printer-interface';
import { isSameDevice } from './usb-removal';
import type { DeviceRemovedSource } from './usb-removal';
import type { WebUsbDevice } from './webusb';

export { getDeviceId, listUsbPrinters, PRINTER_VENDORS, usbPrinterId } from './usb-discovery';
export type { UsbPrinterInfo } from './usb-discovery';
export { removalsFrom } from './usb-removal';
export type { DeviceRemovedSource } from './usb-removal';

export interface UsbTransportOptions {
  device: WebUsbDevice;
  /** Bytes per bulk OUT transfer. 4 KiB keeps each transfer short enough to notice an unplug quickly. */
  chunkSize?: number;
  /** Linux: detach the kernel `usblp` driver from the interface before claiming it (errors are ignored). */
  detachKernelDriver?: (interfaceNumber: number) => Promise<void>;
  /**
   * A bulk OUT transfer the printer does not take within this long (stopped with a full buffer) fails
   * TIMEOUT and ends the session: closing the device is the only way WebUSB has to cancel a transfer.
   */
  writeTimeoutMs?: number;
  /** Unplug notices (see removalsFrom). Without it, an unplug is only noticed by the next failing transfer. */
  onDeviceRemoved?: DeviceRemovedSource;
}

export class UsbTransport implements PrinterTransport {
  readonly kind = 'usb';
  readonly id: string;
  private readonly device: WebUsbDevice;
  private readonly chunkSize: number;
  private readonly writeTimeoutMs: number;
  private readonly options: UsbTransportOptions;
  private target: PrinterInterface | null = null;
  private readonly incoming = new ByteQueue();
  private readonly signal = new DisconnectSignal();
  /** WebUSB cannot cancel a transferIn: one stays pending across read() timeouts and feeds the queue. */
  private inFlight: Promise<void> | null = null;
  private stopWatching: (() => void) | null = null;

  constructor(options: UsbTransportOptions) {
    this.options = options;
    this.device = options.device;
    this.chunkSize = Math.max(1, options.chunkSize ?? 4096);
    this.writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
    this.id = usbPrinterId(options.device);
  }

  get isOpen(): boolean {
    return this.target !== null;
  }

  async open(): Promise<void> {
    if (this.target) return;
    const ctx = { removed: false, wasOpen: false };
    const step = async (what: string, run: () => Promise<void>): Promise<void> => {
      try {
        await run();
      } catch (e) {
        throw toUsbTransportError(this.id, what, e, ctx);
      }
    };
    const device = this.device;
    let target = findPrinterInterface(device);
    if (!target)
      throw new TransportError(
        'NOT_FOUND',
        `${this.id}: no printer-class interface with a bulk OUT endpoint`,
      );
    await step('open', async () => {
      if (!device.opened) await device.open();
    });
    try {
      if (device.configuration?.configurationValue !== target.configuration.configurationValue) {
        const value = target.configuration.configurationValue;
        await step('selectConfiguration', () => device.selectConfiguration(value));
        // Descriptors are re-read after a configuration change: look the interface up again.
        target = findPrinterInterface(device) ?? target;
      }
      const { interfaceNumber, alternate } = target;
      if (this.options.detachKernelDriver) {
        // Fails harmlessly when no driver is bound (or on systems without one): claim reports the real problem.
        await this.options.detachKernelDriver(interfaceNumber).catch(() => undefined);
      }
      await step('claimInterface', () => device.claimInterface(interfaceNumber));
      const current = device.configuration?.interfaces.find((i) => i.interfaceNumber === interfaceNumber);
      if (current && current.alternate.alternateSetting !== alternate.alternateSetting)
        await step('selectAlternateInterface', () =>
          device.selectAlternateInterface(interfaceNumber, alternate.alternateSetting),
        );
    } catch (e) {
      await device.close().catch(() => undefined);
      throw e;
    }
    this.incoming.reset();
    this.inFlight = null;
    this.signal.rearm();
    this.target = target;
    this.stopWatching =
      this.options.onDeviceRemoved?.((d) => {
        if (isSameDevice(d, device)) this.lost(new TransportError('DISCONNECTED', `${this.id}: unplugged`));
      }) ?? null;
  }

  async write(bytes: Uint8Array): Promise<void> {
    for (let offset = 0; offset < bytes.length;) {
      const target = this.requireOpen();
      const chunk = bytes.subarray(offset, offset + this.chunkSize);
      const written = await this.transferOut(target.outEndpoint, chunk);
      offset += written;
    }
  }

  read(max: number, timeoutMs: number): Promise<Uint8Array> {
    if (this.incoming.length > 0) return this.incoming.take(max, timeoutMs);
    let target: PrinterInterface;
    try {
      target = this.requireOpen();
    } catch (e) {
      return Promise.reject(e);
    }
    // A unidirectional printer has nothing to read: that is a timeout, as the interface defines it.
    if (target.inEndpoint === null)
      return new Promise((r) => setTimeout(() => r(new Uint8Array(0)), timeoutMs));
    const taken = this.incoming.take(max, timeoutMs);
    this.pump(target);
    return taken;
  }

  async close(): Promise<void> {
    const target = this.target;
    if (!target) return;
    this.target = null;
    this.stopWatching?.();
    this.stopWatching = null;
    this.incoming.fail(new TransportError('DISCONNECTED', `${this.id}: closed`));
    // Best effort: on a removed device these fail, and there is nothing left to release anyway.
    await this.device.releaseInterface(target.interfaceNumber).catch(() => undefined);
    await this.device.close().catch(() => undefined);
  }

  onDisconnect(listener: (error: TransportError) => void): () => void {
    return this.signal.add(listener);
  }

  private requireOpen(): PrinterInterface {
    if (!this.target) throw new TransportError('DISCONNECTED', `${this.id}: not open`);
    return this.target;
  }

  /** One bulk OUT transfer; a stalled endpoint is cleared and the transfer retried once. Returns bytes written. */
  private async transferOut(endpoint: number, chunk: Uint8Array): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const result = await this.timed(
        this.guard('transferOut', () => this.device.transferOut(endpoint, chunk)),
      );
      if (result.status === 'ok') {
        // Zero bytes with 'ok' would loop forever; treat it as the device refusing data.
        if (result.bytesWritten <= 0)
          throw new TransportError('IO', `${this.id}: bulk OUT accepted no bytes`);
        return Math.min(result.bytesWritten, chunk.length);
      }
      if (result.status !== 'stall' || attempt > 0)
        throw new TransportError('IO', `${this.id}: bulk OUT ended with ${result.status}`);
      await this.guard('clearHalt', () => this.device.clearHalt('out', endpoint));
    }
  }

  private pump(target: PrinterInterface): void {
    if (this.inFlight || target.inEndpoint === null) return;
    const done = (): boolean => {
      // A transfer left over from an earlier session must not clear this session's.
      if (this.inFlight === transfer) this.inFlight = null;
      return this.target === target && this.incoming.waiting;
    };
    const transfer: Promise<void> = this.receive(target, target.inEndpoint).then(
      (again) => {
        // Zero-length packets and cleared stalls: keep listening while somebody is still waiting.
        if (done() && again) this.pump(target);
      },
      () => {
        // A loss was already reported by guard(). Anything else (the `usb` package times a quiet bulk IN out
        // after 1 s) just means "no answer yet": listen again, a little later, while a reader still waits.
        if (done())
          setTimeout(() => {
            if (this.target === target && this.incoming.waiting) this.pump(target);
          }, 10);
      },
    );
    this.inFlight = transfer;
  }

  /** One bulk IN transfer into the queue. Resolves true when listening again makes sense. */
  private async receive(target: PrinterInterface, endpoint: number): Promise<boolean> {
    // Ask for a whole packet: a short request can overflow ("babble") when the printer sends more.
    const length = Math.max(64, target.packetSizeIn);
    const result = await this.guard('transferIn', () => this.device.transferIn(endpoint, length));
    if (this.target !== target) return false;
    if (result.status === 'stall') {
      await this.guard('clearHalt', () => this.device.clearHalt('in', endpoint));
      return true;
    }
    if (result.data)
      this.incoming.push(new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.byteLength));
    return true;
  }

  private timed<T>(transfer: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = new TransportError(
          'TIMEOUT',
          `${this.id}: printer took no data for ${this.writeTimeoutMs} ms`,
        );
        this.lost(error);
        reject(error);
      }, this.writeTimeoutMs);
      transfer.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });
  }

  /** Runs a device call; a failure that means the device is gone ends the session and is reported once. */
  private async guard<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      // A loss already reported (unplug notice, timeout) clears target: that case is handled just below.
      const error = toUsbTransportError(this.id, what, e, { removed: false, wasOpen: true });
      if (!this.target) throw new TransportError('DISCONNECTED', `${this.id}: not open (${error.message})`);
      if (error.code === 'DISCONNECTED') this.lost(error);
      throw error;
    }
  }

  private lost(error: TransportError): void {
    if (!this.target) return;
    this.target = null;
    this.stopWatching?.();
    this.stopWatching = null;
    this.incoming.fail(error);
    this.signal.fire(error);
    // Free the handle so a replugged device can be opened again; it may already be gone.
    void this.device.close().catch(() => undefined);
  }
}
