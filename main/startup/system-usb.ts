// The shells' USB bus (main/electron/ sees start-up, not native/): the `usb` package's WebUSB with every
// device allowed, or null when its native module does not load here (configured USB printers then show as
// disconnected; network and usblp printers are unaffected).
export { openSystemUsb } from '../../native/transports/node-usb';
