// English: the device settings (receipt printer, cash drawer, card reader) and their tests.
export const devices = {
  'devices.printer': 'Receipt printer',
  'devices.printerKind': 'Connection',
  'devices.kindNone': 'None (receipts wait in the queue)',
  'devices.kindUsb': 'USB printer',
  'devices.kindTcp': 'Network printer',
  'devices.kindUsblp': 'Linux usblp device',
  'devices.usbPrinter': 'USB printer',
  'devices.usbChoose': 'Choose a printer',
  'devices.usbMissing': '{label} (not connected)',
  'devices.usbNone': 'No USB printer found: plug it in and switch it on, then refresh.',
  'devices.usbUnavailable': 'This app has no USB access here; use a network printer or usblp.',
  'devices.refresh': 'Refresh',
  'devices.host': 'Host name or IP address',
  'devices.port': 'Port (default 9100)',
  'devices.usblpDevice': 'Device',
  'devices.usblpNone': 'No /dev/usb/lp device found.',
  'devices.profile': 'Printer model',
  'devices.paper': 'Paper width',
  'devices.paperMm': '{mm} mm',
  'devices.mode': 'Print mode',
  'devices.modeText': 'Text (the printer’s own Chinese font)',
  'devices.modeRaster': 'Image (for printers without a Chinese font)',
  'devices.testPrint': 'Test print',
  'devices.testing': 'Testing…',
  'devices.printOk': 'Test page sent to {printer}.',
  'devices.problem': `{problem, select,
    unreachable {The printer cannot be reached}
    disconnected {The printer went away during the test}
    noPaper {The printer is out of paper}
    coverOpen {The printer’s cover is open}
    timeout {The printer does not answer}
    rasterRequired {This printer has no Chinese font: choose image mode}
    noDrawerPort {This printer has no drawer port}
    other {The printer reported an error}}`,
  'devices.drawer': 'Cash drawer',
  'devices.drawerPin': 'Drawer connector pin',
  'devices.pulseOn': 'Pulse on (ms)',
  'devices.pulseOff': 'Pulse off (ms)',
  'devices.pulseHint': 'Up to 510 ms, in steps of 2 ms. Most drawers: 50 on, 500 off.',
  'devices.testDrawer': 'Test drawer',
  'devices.drawerApproval': 'Manager approval: open the cash drawer (test)',
  'devices.drawerOk': `Pulse sent. Drawer sensor: {before, select, open {open} closed {closed} other {not reported}} before, {after, select, open {open} closed {closed} other {not reported}} after.`,
  'devices.reader': 'Card reader',
  'devices.readerKind': 'Reader',
  'devices.readerNone': 'None',
  'devices.readerIdtech': 'ID TECH encrypting reader (USB HID)',
  'devices.readerWedge': 'Keyboard wedge reader',
  'devices.readerVariant': 'Reader key',
  'devices.variantData': 'Data key',
  'devices.variantPin': 'PIN key',
  'devices.wedgeWarning':
    'A keyboard wedge reader types the card number in the clear: it widens your PCI DSS scope. Prefer an encrypting reader.',
  'devices.testSwipe': 'Test swipe',
  'devices.swipeWaiting': 'Swipe a card on the reader (waiting up to 20 seconds)…',
  'devices.swipeIntoField': 'Swipe a card on the wedge reader now: the card number is not shown or kept.',
  'devices.swipeOk':
    'Read: {brand} ending {last4}{encrypted, select, yes {, encrypted} other {, not encrypted}}.',
  'devices.swipeNone': 'No swipe within {seconds} seconds.',
  'devices.swipeBad': 'The swipe could not be read; try again.',
  'devices.readerUnavailable': 'The reader is not available: {detail}',
} as const satisfies Record<string, string>;
