// A USB ESC/POS receipt printer as WebUSB sees it: the `USBDevice` calls the USB transport makes, backed by
// the EscPosPrinter model (bulk OUT → model.write, bulk IN ← model's status answers). It fails the way a real
// device does: transfers before open/claim are InvalidStateError, an unplugged device rejects pending and later
// transfers with NotFoundError, a halted endpoint answers 'stall' until clearHalt, and on Linux the kernel
// usblp driver keeps claimInterface failing until it is detached.
import type {
  WebUsbConfiguration,
  WebUsbControlTransferParameters,
  WebUsbDevice,
  WebUsbDirection,
  WebUsbInTransferResult,
  WebUsbOutTransferResult,
} from '../transports/webusb';
import { EscPosPrinter } from './escpos-printer';
import {
  PRINTER_IN_ENDPOINT,
  PRINTER_INTERFACE,
  PRINTER_OUT_ENDPOINT,
  printerConfiguration,
} from './usb-printer-descriptors';

export interface UsbPrinterOptions {
  vendorId?: number;
  productId?: number;
  serialNumber?: string | null;
  manufacturerName?: string | null;
  productName?: string | null;
  /** IEEE 1284 device ID returned by GET_DEVICE_ID. */
  deviceId?: string;
  /** Whether a configuration is already active before open() (the OS usually sets one). Default true. */
  configured?: boolean;
  /** Linux: the usblp driver is bound, so claimInterface fails until detachKernelDriver(). Default false. */
  kernelDriverAttached?: boolean;
  packetSize?: number;
}

const domError = (name: string, message: string): DOMException => new DOMException(message, name);
const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

interface Pending {
  reject: (e: unknown) => void;
}

export class UsbPrinterEmulator implements WebUsbDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber: string | null;
  readonly manufacturerName: string | null;
  readonly productName: string | null;
  readonly deviceClass = 0; // class is per interface, as on real printers
  readonly configurations: WebUsbConfiguration[];

  /** Bytes received on bulk OUT, in order (what reached the printer). */
  readonly received: number[] = [];
  /** How many times clearHalt was called on each direction. */
  readonly haltsCleared = { in: 0, out: 0 };

  private readonly options: UsbPrinterOptions;
  private active: WebUsbConfiguration | null;
  private isOpened = false;
  private claimed = false;
  private plugged = true;
  private kernelDriver: boolean;
  private halted = false;
  private haltedIn = false;
  private holding = false;
  private inTimeoutMs: number | null = null;
  private unplugAfter: number | null = null;
  private outBuffer: number[] = [];
  private readonly pending = new Set<Pending>();
  private readonly parked = new Set<() => void>();
  private readonly plugListeners = new Set<(plugged: boolean) => void>();

  constructor(
    readonly printer: EscPosPrinter = new EscPosPrinter(),
    options: UsbPrinterOptions = {},
  ) {
    this.options = options;
    this.vendorId = options.vendorId ?? 0x04b8;
    this.productId = options.productId ?? 0x0202;
    this.serialNumber = options.serialNumber === undefined ? 'EMU0001' : options.serialNumber;
    this.manufacturerName = options.manufacturerName === undefined ? 'EPSON' : options.manufacturerName;
    this.productName = options.productName === undefined ? 'TM-T88V' : options.productName;
    this.configurations = [printerConfiguration(options.packetSize ?? 64, () => this.claimed)];
    this.active = options.configured === false ? null : (this.configurations[0] ?? null);
    this.kernelDriver = options.kernelDriverAttached ?? false;
    printer.onOutput(() => {
      this.outBuffer.push(...printer.readStatus());
      this.wakeAll();
    });
  }

  // ---- USBDevice ----

  get opened(): boolean {
    return this.isOpened;
  }
  get configuration(): WebUsbConfiguration | null {
    return this.active;
  }

  async open(): Promise<void> {
    await tick();
    this.requirePlugged();
    this.isOpened = true;
  }

  async close(): Promise<void> {
    await tick();
    this.requirePlugged();
    this.isOpened = false;
    this.claimed = false;
    this.abortPending(domError('AbortError', 'The transfer was cancelled.'));
  }

  async selectConfiguration(configurationValue: number): Promise<void> {
    await tick();
    this.requireOpen();
    const config = this.configurations.find((c) => c.configurationValue === configurationValue);
    if (!config)
      throw domError('NotFoundError', 'The configuration value provided is not supported by the device.');
    this.claimed = false;
    this.active = config;
  }

  async claimInterface(interfaceNumber: number): Promise<void> {
    await tick();
    this.requireOpen();
    if (!this.active) throw domError('InvalidStateError', 'The device must have a configuration selected.');
    if (interfaceNumber !== PRINTER_INTERFACE)
      throw domError('NotFoundError', 'The interface number provided is not supported by the device.');
    if (this.kernelDriver) throw domError('NetworkError', 'Unable to claim interface.');
    this.claimed = true;
  }

  async releaseInterface(interfaceNumber: number): Promise<void> {
    await tick();
    this.requireOpen();
    if (interfaceNumber !== PRINTER_INTERFACE)
      throw domError('NotFoundError', 'The interface number provided is not supported by the device.');
    this.claimed = false;
  }

  async selectAlternateInterface(interfaceNumber: number, alternateSetting: number): Promise<void> {
    await tick();
    this.requireClaimed();
    if (interfaceNumber !== PRINTER_INTERFACE || alternateSetting !== 0)
      throw domError('NotFoundError', 'The alternate setting provided is not supported by the device.');
  }

  async clearHalt(direction: WebUsbDirection, endpointNumber: number): Promise<void> {
    await tick();
    this.requireClaimed();
    this.endpoint(direction, endpointNumber);
    if (direction === 'out') this.halted = false;
    else this.haltedIn = false;
    this.haltsCleared[direction]++;
  }

  transferOut(endpointNumber: number, data: ArrayBuffer | ArrayBufferView): Promise<WebUsbOutTransferResult> {
    return this.transfer(async () => {
      this.requireClaimed();
      this.endpoint('out', endpointNumber);
      const bytes = ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : new Uint8Array(data);
      if (this.halted) return { status: 'stall', bytesWritten: 0 };
      // A stopped printer with a full buffer NAKs bulk OUT: the transfer just stays pending.
      while (this.holding) {
        await this.park();
        this.requireClaimed();
      }
      let accepted = bytes;
      if (this.unplugAfter !== null) {
        const room = Math.max(0, this.unplugAfter - this.received.length);
        if (room < bytes.length) accepted = bytes.subarray(0, room);
      }
      for (const b of accepted) this.received.push(b); // no spread: transfers can be large
      this.printer.write(accepted);
      if (accepted.length < bytes.length) {
        // Cable pulled part-way through this transfer: the host sees the transfer fail, not succeed short.
        this.unplug();
        throw domError('NotFoundError', 'The device was disconnected.');
      }
      return { status: 'ok', bytesWritten: bytes.length };
    });
  }

  transferIn(endpointNumber: number, length: number): Promise<WebUsbInTransferResult> {
    return this.transfer(async () => {
      this.requireClaimed();
      this.endpoint('in', endpointNumber);
      if (this.haltedIn) return { status: 'stall' };
      // A bulk IN transfer stays pending (the device NAKs) until the printer has something to say.
      const deadline = this.inTimeoutMs === null ? null : Date.now() + this.inTimeoutMs;
      while (this.outBuffer.length === 0) {
        if (deadline !== null) {
          const left = deadline - Date.now();
          if (left <= 0) throw new Error('Transfer timed out');
          const timer = setTimeout(() => this.wakeAll(), left);
          await this.park();
          clearTimeout(timer);
        } else await this.park();
        this.requireClaimed();
      }
      const out = Uint8Array.from(this.outBuffer.splice(0, Math.max(1, length)));
      return { status: 'ok', data: new DataView(out.buffer) };
    });
  }

  async controlTransferIn(
    setup: WebUsbControlTransferParameters,
    length: number,
  ): Promise<WebUsbInTransferResult> {
    await tick();
    this.requireOpen();
    const isGetDeviceId =
      setup.requestType === 'class' &&
      setup.recipient === 'interface' &&
      setup.request === 0 &&
      setup.value === 0 &&
      setup.index >> 8 === PRINTER_INTERFACE;
    if (!isGetDeviceId) return { status: 'stall' };
    const text = this.options.deviceId ?? 'MFG:EPSON;CMD:ESC/POS;MDL:TM-T88V;';
    const payload = Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
    const all = new Uint8Array(payload.length + 2);
    all[0] = (all.length >> 8) & 0xff;
    all[1] = all.length & 0xff;
    all.set(payload, 2);
    const out = all.slice(0, Math.max(0, length));
    return { status: 'ok', data: new DataView(out.buffer) };
  }

  /** What the `usb` package's device offers on Linux (usb 3: `UsbDevice.detachKernelDriver`). */
  async detachKernelDriver(interfaceNumber: number): Promise<void> {
    await tick();
    this.requirePlugged();
    if (interfaceNumber !== PRINTER_INTERFACE || !this.kernelDriver)
      throw new Error('LIBUSB_ERROR_NOT_FOUND');
    this.kernelDriver = false;
  }

  // ---- the world outside the protocol ----

  get isPlugged(): boolean {
    return this.plugged;
  }
  get kernelDriverAttached(): boolean {
    return this.kernelDriver;
  }

  /** The cable is pulled: pending and later calls fail with NotFoundError; removal listeners fire. */
  unplug(): void {
    if (!this.plugged) return;
    this.plugged = false;
    this.isOpened = false;
    this.claimed = false;
    this.unplugAfter = null;
    this.abortPending(domError('NotFoundError', 'The device was disconnected.'));
    for (const l of [...this.plugListeners]) l(false);
  }

  /** Plugged back in: closed, unclaimed, usblp re-bound if it was bound before. */
  replug(): void {
    if (this.plugged) return;
    this.plugged = true;
    this.halted = false;
    this.haltedIn = false;
    this.outBuffer = [];
    this.active = this.options.configured === false ? null : (this.configurations[0] ?? null);
    this.kernelDriver = this.options.kernelDriverAttached ?? false;
    for (const l of [...this.plugListeners]) l(true);
  }

  /** Unplug once `bytes` bulk OUT bytes in total have reached the printer (mid-transfer if need be). */
  unplugAfterBytes(bytes: number | null): void {
    this.unplugAfter = bytes === null ? null : this.received.length + bytes;
  }

  /** The OUT endpoint halts: transfers answer 'stall' until the host clears it. */
  stallOut(): void {
    this.halted = true;
  }

  /** While on, bulk OUT transfers stay pending (the printer NAKs), as when it is stopped with a full buffer. */
  holdOut(on: boolean): void {
    this.holding = on;
    if (!on) this.wakeAll();
  }

  /**
   * Bulk IN transfers give up after `ms` with an error, as the `usb` package's do (its transfers carry a
   * 1 s timeout); null (default) waits forever, as WebUSB in a browser does.
   */
  transferInTimeout(ms: number | null): void {
    this.inTimeoutMs = ms;
  }

  /** The IN endpoint halts: transfers answer 'stall' until the host clears it. */
  stallIn(): void {
    this.haltedIn = true;
  }

  onPlugChange(listener: (plugged: boolean) => void): () => void {
    this.plugListeners.add(listener);
    return () => this.plugListeners.delete(listener);
  }

  // ---- internals ----

  /** Runs a transfer that unplug() or close() can reject while it is pending. */
  private transfer<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const p: Pending = { reject };
      this.pending.add(p);
      void (async () => {
        await tick(); // bus time: the transfer is pending for a moment, as on a real device
        return run();
      })().then(
        (v) => {
          if (this.pending.delete(p)) resolve(v);
        },
        (e: unknown) => {
          if (this.pending.delete(p)) reject(e);
        },
      );
    });
  }

  /** Waits until something changes (output queued, hold released, unplug, close). */
  private park(): Promise<void> {
    return new Promise<void>((wake) => {
      const w = (): void => {
        this.parked.delete(w);
        wake();
      };
      this.parked.add(w);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.parked]) wake();
  }

  private abortPending(error: DOMException): void {
    for (const p of [...this.pending]) {
      this.pending.delete(p);
      p.reject(error);
    }
    // Wake parked transfers so they notice and end.
    this.wakeAll();
  }

  private requirePlugged(): void {
    if (!this.plugged) throw domError('NotFoundError', 'The device was disconnected.');
  }
  private requireOpen(): void {
    this.requirePlugged();
    if (!this.isOpened) throw domError('InvalidStateError', 'The device must be opened first.');
  }
  private requireClaimed(): void {
    this.requireOpen();
    if (!this.claimed) throw domError('InvalidStateError', 'The interface must be claimed first.');
  }
  private endpoint(direction: WebUsbDirection, n: number): void {
    const expected = direction === 'out' ? PRINTER_OUT_ENDPOINT : PRINTER_IN_ENDPOINT;
    if (n !== expected)
      throw domError(
        'NotFoundError',
        `The specified endpoint is not part of a claimed and selected alternate interface.`,
      );
  }
}
