// WebUSB reports failures as DOMExceptions (the `usb` package mimics their names): NotFoundError when the
// device is gone, NetworkError when a transfer failed, InvalidStateError when it is not open / claimed,
// AbortError when close() cancelled a transfer. Mapped here to the transport's codes.
import { TransportError } from './transport';
import type { TransportErrorCode } from './transport';

export interface UsbErrorContext {
  /** The removal source already said this device is gone: whatever failed, it failed because of that. */
  removed: boolean;
  /** The link was open when it failed (a missing device then means unplugged, not "never there"). */
  wasOpen: boolean;
}

// Native backends word the same thing in their own way (libusb, nusb, WinUSB).
const GONE = /disconnected|no (such )?device|not found|LIBUSB_ERROR_NO_DEVICE|ENODEV/i;
const TIMED_OUT = /timed? ?out|LIBUSB_ERROR_TIMEOUT|ETIMEDOUT/i;
const BUSY =
  /busy|already claimed|unable to claim|LIBUSB_ERROR_BUSY|EBUSY|access denied|LIBUSB_ERROR_ACCESS/i;

export function usbErrorCode(error: unknown, ctx: UsbErrorContext): TransportErrorCode {
  if (ctx.removed) return 'DISCONNECTED';
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const gone: TransportErrorCode = ctx.wasOpen ? 'DISCONNECTED' : 'NOT_FOUND';
  switch (name) {
    case 'NotFoundError':
      return gone;
    case 'TimeoutError':
      return 'TIMEOUT';
    case 'SecurityError':
    case 'NotAllowedError':
      return 'REFUSED';
    case 'AbortError':
      return 'DISCONNECTED';
    default:
      if (GONE.test(message)) return gone;
      if (BUSY.test(message)) return 'REFUSED';
      // The `usb` package gives every transfer a timeout of its own (1 s by default in usb 3.1).
      if (TIMED_OUT.test(message)) return 'TIMEOUT';
      return 'IO';
  }
}

export function toUsbTransportError(
  id: string,
  what: string,
  error: unknown,
  ctx: UsbErrorContext,
): TransportError {
  if (error instanceof TransportError) return error;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new TransportError(usbErrorCode(error, ctx), `${id}: ${what} failed (${message})`);
}
