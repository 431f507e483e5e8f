// The shells' real USB bus: the `usb` package's WebUSB (every device allowed). Where the bus can be read it
// lists what is plugged in and watches unplugs; where it cannot (a container without /sys/bus/usb) the
// shell gets null and the reason, never an unhandled rejection from the package's hot-plug watch.
import { expect, it } from 'vitest';
import { openSystemUsb } from '../../../native/transports/node-usb';

it('opens the bus (devices listed, unplugs watched) or answers null with the reason', async () => {
  const errors: string[] = [];
  const usb = await openSystemUsb((m) => errors.push(m));
  if (usb === null) {
    expect(errors).toEqual([expect.stringMatching(/\S/)]);
    return;
  }
  expect(errors).toEqual([]);
  expect(Array.isArray(await usb.getDevices())).toBe(true);
  const stop = usb.onDeviceRemoved?.(() => undefined);
  expect(typeof stop).toBe('function');
  stop?.();
});
