// The real USB bus through the `usb` package's WebUSB, every device allowed (a till has no permission prompt:
// the manager picks the printer in the device settings). Loaded on demand so a shell without a working
// native module still starts; a configured USB printer then simply shows as disconnected.
import type { UsbHost } from './usb-host';
import { removalsFrom } from './usb-removal';
import type { WebUsbDevice } from './webusb';

interface KernelDetachable {
  detachKernelDriver(interfaceNumber: number): Promise<void>;
}

/**
 * null when the `usb` module cannot be loaded here or the bus cannot be read (a container without
 * /sys/bus/usb); the reason goes to `onError`. The bus is read once first: the package's hot-plug watch,
 * started by the first unplug listener, reads it without catching, which would be an unhandled rejection.
 */
export async function openSystemUsb(
  onError: (message: string) => void = () => undefined,
): Promise<UsbHost | null> {
  try {
    const { WebUSB } = await import('usb');
    const webusb = new WebUSB({ allowAllDevices: true });
    await webusb.getDevices();
    return {
      getDevices: () => webusb.getDevices(),
      onDeviceRemoved: removalsFrom(webusb),
      // Linux: the kernel usblp driver owns printer interfaces until detached (usb 3's UsbDevice has the call).
      ...(process.platform === 'linux'
        ? {
            detachKernelDriver: (device: WebUsbDevice, n: number) =>
              (device as WebUsbDevice & KernelDetachable).detachKernelDriver(n),
          }
        : {}),
    };
  } catch (e) {
    onError(e instanceof Error ? e.message : String(e));
    return null;
  }
}
