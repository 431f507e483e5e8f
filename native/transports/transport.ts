// One interface for every way bytes reach a receipt printer: USB (WebUSB `USBDevice`, as the `usb` package
// exposes it), raw TCP 9100, and the Linux `usblp` character device. The print queue above it never knows
// which one it is talking to.

export type TransportErrorCode =
  | 'NOT_FOUND' // no such device / host unreachable
  | 'REFUSED' // connection refused, interface busy (claimed by another program)
  | 'DISCONNECTED' // unplugged, connection reset or closed mid-job
  | 'TIMEOUT' // no answer in time
  | 'IO'; // anything else the OS reported

export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface PrinterTransport {
  /** Stable and human-readable: 'tcp:192.0.2.10:9100', 'usb:04b8:0202:SERIAL', 'usblp:/dev/usb/lp0'. */
  readonly id: string;
  readonly kind: 'usb' | 'tcp' | 'usblp';
  /** Connects (claims the interface, opens the socket or device). Throws TransportError. */
  open(): Promise<void>;
  readonly isOpen: boolean;
  /** Resolves when every byte was accepted by the transport (bulk OUT done, socket drained). */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Up to `max` bytes the printer sent back (status answers), waiting at most `timeoutMs`;
   * an empty array on timeout. Throws TransportError('DISCONNECTED') if the link is gone.
   */
  read(max: number, timeoutMs: number): Promise<Uint8Array>;
  close(): Promise<void>;
  /** Called once when the link is lost without close() (unplug, reset, network loss). */
  onDisconnect(listener: (error: TransportError) => void): () => void;
}
