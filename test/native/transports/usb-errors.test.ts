// The USB transport's error mapping: WebUSB's DOMExceptions to the transport's error codes.
import { describe, expect, it } from 'vitest';
import { usbErrorCode } from '../../../native/transports/usb-errors';

const dom = (name: string, message = ''): DOMException => new DOMException(message, name);
const open = { removed: false, wasOpen: true };
const closed = { removed: false, wasOpen: false };

describe('usbErrorCode', () => {
  it.each([
    ['NotFoundError while open', dom('NotFoundError'), open, 'DISCONNECTED'],
    ['NotFoundError before open', dom('NotFoundError'), closed, 'NOT_FOUND'],
    ['NetworkError transfer failure', dom('NetworkError', 'A transfer error has occurred.'), open, 'IO'],
    [
      'NetworkError after the removal event',
      dom('NetworkError', 'A transfer error has occurred.'),
      { removed: true, wasOpen: true },
      'DISCONNECTED',
    ],
    ['claim refused', dom('NetworkError', 'Unable to claim interface.'), closed, 'REFUSED'],
    ['libusb no device', new Error('LIBUSB_ERROR_NO_DEVICE'), open, 'DISCONNECTED'],
    ['libusb busy', new Error('LIBUSB_ERROR_BUSY'), closed, 'REFUSED'],
    ['security', dom('SecurityError'), closed, 'REFUSED'],
    ['timeout', dom('TimeoutError'), open, 'TIMEOUT'],
    ['backend transfer timeout', new Error('Transfer timed out'), open, 'TIMEOUT'],
    ['anything else', new Error('weird'), open, 'IO'],
  ] as const)('%s', (_what, error, ctx, code) => {
    expect(usbErrorCode(error, ctx)).toBe(code);
  });
});
