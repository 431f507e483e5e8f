/// <reference types="w3c-web-usb" />
// The part of the W3C WebUSB `USBDevice` the USB transport touches, picked from @types/w3c-web-usb so the
// names and signatures are exactly the standard ones. The `usb` package's devices (`UsbDevice extends
// USBDevice`) and the emulator both fit; keeping it a subset lets the emulator skip isochronous transfers.

export type WebUsbDevice = Pick<
  USBDevice,
  | 'vendorId'
  | 'productId'
  | 'serialNumber'
  | 'manufacturerName'
  | 'productName'
  | 'deviceClass'
  | 'configuration'
  | 'configurations'
  | 'opened'
  | 'open'
  | 'close'
  | 'selectConfiguration'
  | 'claimInterface'
  | 'releaseInterface'
  | 'selectAlternateInterface'
  | 'transferOut'
  | 'transferIn'
  | 'controlTransferIn'
  | 'clearHalt'
>;

/** What listUsbPrinters needs from `navigator.usb` / the `usb` package's `webusb` object. */
export interface WebUsbSource {
  getDevices(): Promise<WebUsbDevice[]>;
}

export type WebUsbConfiguration = USBConfiguration;
export type WebUsbAlternateInterface = USBAlternateInterface;
export type WebUsbInterface = USBInterface;
export type WebUsbEndpoint = USBEndpoint;
export type WebUsbInTransferResult = USBInTransferResult;
export type WebUsbOutTransferResult = USBOutTransferResult;
export type WebUsbControlTransferParameters = USBControlTransferParameters;
export type WebUsbDirection = USBDirection;
