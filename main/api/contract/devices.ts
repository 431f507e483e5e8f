// Device channels for the setup and settings screens: which printers are plugged in, a test page, a drawer
// kick and a test swipe on a printer or reader that is being set up (not necessarily the saved one). The
// device sections of config.json are declared here once: main/config validates config.json with them and
// the settings screen edits a draft of their type.
import { z } from 'zod';
import { ApprovalSchema } from './shared';
import { returns, type ChannelDefs } from './define';

const usbId = (what: string) =>
  z
    .int({ error: `${what} is a USB ID, 0 to 65535 (0x0000-0xFFFF)` })
    .min(0)
    .max(0xffff);

/** How the till reaches its receipt printer; one kind at a time, every field checked with a readable message. */
export const PrinterConnectionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('tcp'),
      host: z.string().trim().min(1, 'a network printer needs a host name or IP address').max(253),
      port: z.int().min(1, 'the port is 1 to 65535').max(65_535, 'the port is 1 to 65535').optional(),
    }),
    z.strictObject({
      kind: z.literal('usb'),
      vendorId: usbId('vendorId'),
      productId: usbId('productId'),
      /** picks one of several printers of the same model */
      serialNumber: z.string().min(1).max(126).optional(),
    }),
    z.strictObject({
      kind: z.literal('usblp'),
      device: z.string().regex(/^\/dev\/usb\/lp\d{1,3}$/, 'a usblp printer is a device like /dev/usb/lp0'),
    }),
  ],
  { error: 'the printer connection kind is tcp, usb or usblp' },
);
export type PrinterConnectionConfig = z.infer<typeof PrinterConnectionSchema>;

/** ESC p timings are in 2 ms units (0-255: up to 510 ms). */
const pulseUnits = z.int().min(0, 'a pulse is 0 to 510 ms').max(255, 'a pulse is 0 to 510 ms');
export const DrawerPulseSchema = z.strictObject({
  pin: z.union([z.literal(2), z.literal(5)], { error: 'the drawer pin is 2 or 5' }),
  t1: pulseUnits,
  t2: pulseUnits,
});

export const PRINT_MODES = ['text', 'raster'] as const;
export const PAPER_WIDTHS_MM = [58, 80] as const;
const PaperMmSchema = z.union([z.literal(58), z.literal(80)], { error: 'the paper is 58 or 80 mm wide' });

/** config.json `printer` (main/config/printer-config.ts adds the check that the profile exists). */
export const PrinterSettingsSchema = z.strictObject({
  /** native/escpos/encode/profiles.ts id: 'cn-80', 'cn-58', 'epson-80' (devices.printerProfiles) */
  profileId: z.string().max(32).optional(),
  /** the same model set to other paper (an 80 mm printer loaded with 58 mm rolls) */
  paperMm: PaperMmSchema.optional(),
  /** overrides the profile's default mode (raster for a printer without a Chinese font) */
  mode: z.enum(PRINT_MODES).optional(),
  drawer: DrawerPulseSchema.optional(),
  /** open the drawer after every cash sale (default true) */
  kickDrawerOnCash: z.boolean().optional(),
  /**
   * Where the printer is, outside training mode (training always prints to the emulated printer): a network
   * printer, a USB printer found by its IDs (main/printing/queue/printer-connection.ts), or Linux usblp.
   */
  connection: PrinterConnectionSchema.optional(),
});
export type PrinterSettingsConfig = z.infer<typeof PrinterSettingsSchema>;

/**
 * config.json `cardReader`. `idtech-hid`: an encrypting ID TECH reader on USB HID (DUKPT; `variant` is the
 * reader's key setting). `keyboard-wedge`: a reader that types clear tracks — it works (main encrypts at once)
 * but widens PCI scope, and the till says so. Absent: none (training mode uses an emulated encrypting reader).
 */
export const CardReaderConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('idtech-hid'),
    variant: z.enum(['pin', 'data']),
    vendorId: usbId('vendorId').optional(),
    productId: usbId('productId').optional(),
  }),
  z.strictObject({ kind: z.literal('keyboard-wedge') }),
]);
export type CardReaderConfig = z.infer<typeof CardReaderConfigSchema>;

/** What DeviceSettings edits: the device sections of config.json (the settings screen saves them). */
export interface DeviceSettingsDraft {
  readonly printer?: PrinterSettingsConfig | undefined;
  readonly cardReader?: CardReaderConfig | undefined;
}

export interface UsbPrinterView {
  /** 'usb:04b8:0202:SERIAL' */
  readonly id: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber: string | null;
  /** maker and product, as the printer names itself (else the vendor's name and the product ID) */
  readonly label: string;
}

export interface PrinterListView {
  readonly usb: readonly UsbPrinterView[];
  /** Linux usblp device nodes present: '/dev/usb/lp0' … */
  readonly usblp: readonly string[];
  /** false when this app has no USB access (the `usb` module did not load, or the bus cannot be read) */
  readonly usbAvailable: boolean;
}

export interface PrinterProfileView {
  readonly id: string;
  readonly description: string;
  readonly paperMm: 58 | 80;
  readonly columns: number;
  readonly defaultMode: (typeof PRINT_MODES)[number];
  readonly cjkFont: boolean;
  readonly drawer: boolean;
}

export type DeviceTestProblem =
  | 'unreachable' // not found, refused, no route
  | 'disconnected' // went away during the test
  | 'no-paper'
  | 'cover-open'
  | 'timeout' // reachable but not answering
  | 'raster-required' // text mode on a printer without a Chinese font
  | 'no-drawer-port'
  | 'printer-error';

export type TestPrintView =
  | { readonly ok: true; readonly printerId: string }
  | {
      readonly ok: false;
      readonly printerId: string;
      readonly problem: DeviceTestProblem;
      readonly detail: string;
    };

export type DrawerTestView =
  | {
      readonly ok: true;
      readonly printerId: string;
      /** the drawer sensor (DLE EOT 1) before and after the pulse; null when the printer did not say */
      readonly sensorBefore: boolean | null;
      readonly sensorAfter: boolean | null;
    }
  | {
      readonly ok: false;
      readonly printerId: string;
      readonly problem: DeviceTestProblem;
      readonly detail: string;
    };

/** A test swipe: masked facts only, never the card number. */
export type CardReaderTestView =
  | {
      readonly outcome: 'read';
      readonly brand: string;
      readonly last4: string;
      /** the reader sent ciphertext (an encrypting reader), not clear tracks */
      readonly encrypted: boolean;
      readonly readerSerialPresent: boolean;
      readonly ksnPresent: boolean;
    }
  /** keyboard wedge: the renderer asks for a swipe into the field and sends the tracks back */
  | { readonly outcome: 'swipe-into-field' }
  | { readonly outcome: 'no-swipe'; readonly waitedMs: number }
  | { readonly outcome: 'bad-read'; readonly reason: string }
  | { readonly outcome: 'unavailable'; readonly detail: string };

const PrinterTargetSchema = {
  connection: PrinterConnectionSchema,
  profileId: z.string().min(1).max(32),
  /** the paper loaded, when not the profile's own */
  widthMm: PaperMmSchema.optional(),
};

export const deviceChannels = {
  /** USB printers from discovery and the usblp nodes present. No approval: it only looks. */
  'devices.listPrinters': { input: z.strictObject({}), output: returns<PrinterListView>() },
  'devices.printerProfiles': { input: z.strictObject({}), output: returns<readonly PrinterProfileView[]>() },
  /** A test page on THAT printer. No approval: a page of paper. */
  'devices.testPrint': {
    input: z.strictObject({ ...PrinterTargetSchema, mode: z.enum(PRINT_MODES) }),
    output: returns<TestPrintView>(),
  },
  /** A drawer pulse on that printer's drawer port: a drawer opening, so drawer.noSale's approval, journalled. */
  'devices.testDrawer': {
    input: z.strictObject({
      connection: PrinterConnectionSchema,
      pin: DrawerPulseSchema.shape.pin,
      t1: pulseUnits,
      t2: pulseUnits,
      approval: ApprovalSchema,
    }),
    output: returns<DrawerTestView>(),
  },
  /**
   * Waits (up to ~20 s) for one swipe on that reader and answers masked facts only. A keyboard wedge answers
   * 'swipe-into-field' first; the renderer then sends what was typed as `tracks` (never shown, never kept).
   */
  'devices.testCardReader': {
    input: z.strictObject({
      cardReader: CardReaderConfigSchema,
      tracks: z.string().min(1).max(512).optional(),
    }),
    output: returns<CardReaderTestView>(),
  },
} as const satisfies ChannelDefs;
