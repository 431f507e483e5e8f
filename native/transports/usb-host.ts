// The USB bus as the app sees it: the devices plugged in (WebUSB getDevices), unplug notices, and on Linux the
// call that frees a printer interface from the kernel's usblp driver. The shells build the real one over the
// `usb` package (node-usb.ts); tests hand in the emulator's FakeWebUsb, which fits as it is.
import type { DeviceRemovedSource } from './usb-removal';
import type { WebUsbDevice, WebUsbSource } from './webusb';

export interface UsbHost extends WebUsbSource {
  readonly onDeviceRemoved?: DeviceRemovedSource;
  readonly detachKernelDriver?: (device: WebUsbDevice, interfaceNumber: number) => Promise<void>;
}
