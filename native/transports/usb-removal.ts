// Unplug notices for the USB transport. WebUSB (navigator.usb, and the `usb` package's `webusb` / `WebUSB`
// objects) dispatches a 'disconnect' event carrying `event.device`; this adapts that to the transport's
// `onDeviceRemoved(listener)` hook so the transport does not depend on how the app got its USB object.
import type { WebUsbDevice } from './webusb';

export type DeviceRemovedSource = (listener: (device: WebUsbDevice) => void) => () => void;

interface ConnectionEventTarget {
  addEventListener(type: 'disconnect', listener: (event: Event) => void): void;
  removeEventListener(type: 'disconnect', listener: (event: Event) => void): void;
}

/** `removalsFrom(webusb)` → an onDeviceRemoved source. */
export function removalsFrom(usb: ConnectionEventTarget): DeviceRemovedSource {
  return (listener) => {
    const handler = (event: Event): void => {
      const device = (event as Event & { device?: WebUsbDevice }).device;
      if (device) listener(device);
    };
    usb.addEventListener('disconnect', handler);
    return () => usb.removeEventListener('disconnect', handler);
  };
}

/** The removal event is about this device: the same object, or (when the backend made a new object) the same serial. */
export function isSameDevice(a: WebUsbDevice, b: WebUsbDevice): boolean {
  if (a === b) return true;
  return (
    a.vendorId === b.vendorId &&
    a.productId === b.productId &&
    a.serialNumber !== null &&
    a.serialNumber !== '' &&
    a.serialNumber === b.serialNumber
  );
}
