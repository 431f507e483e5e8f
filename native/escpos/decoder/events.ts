// The typed events the decoder emits. Every event carries the absolute stream offset of its first byte, so a
// stream decoded in chunks can be compared event-for-event with the same stream decoded whole.

export type Align = 'left' | 'center' | 'right';
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';
export type BarcodeSymbology =
  'UPC-A' | 'UPC-E' | 'EAN13' | 'EAN8' | 'CODE39' | 'ITF' | 'CODABAR' | 'CODE93' | 'CODE128';

/** Why a command could not be decoded as sent. */
export type DecodeErrorReason =
  /** `ESC p` whose t1/t2 bytes are missing (the next command's bytes sit where the timings should be). */
  | 'truncated-drawer-pulse'
  /** A known command with an argument outside the range the printer accepts. */
  | 'invalid-argument';

interface At {
  /** Offset of the command's first byte in the whole stream. */
  offset: number;
}

export type DecoderEvent = At &
  (
    | { type: 'text'; text: string; encoding: string }
    | { type: 'lineFeed' }
    | { type: 'carriageReturn' }
    | { type: 'init' }
    | { type: 'align'; align: Align }
    | { type: 'bold'; on: boolean }
    | { type: 'underline'; dots: number }
    /** GS ! : width and height multipliers 1..8. */
    | { type: 'size'; width: number; height: number }
    /** ESC ! : the single-byte print mode flags. */
    | {
        type: 'printMode';
        fontB: boolean;
        bold: boolean;
        doubleHeight: boolean;
        doubleWidth: boolean;
        underline: boolean;
      }
    | { type: 'feed'; unit: 'lines' | 'dots'; amount: number }
    /** ESC t n; `supported` is false when n has no known encoding here and text falls back to CP437. */
    | { type: 'codeTable'; table: number; encoding: string; supported: boolean }
    | { type: 'chineseMode'; on: boolean }
    /** GS V: `feedDots` is the n of the feed-and-cut forms (65/66), 0 for the plain forms. */
    | { type: 'cut'; partial: boolean; feedDots: number }
    /** ESC p m t1 t2 (or DLE DC4 1 m t): on/off times are in ms (the wire unit is 2 ms). */
    | { type: 'drawerPulse'; pin: 2 | 5; onMs: number; offMs: number; realTime: boolean }
    | { type: 'barcode'; symbology: BarcodeSymbology; m: number; data: Uint8Array; text: string }
    | { type: 'qrModel'; model: 1 | 2 | 'micro' }
    | { type: 'qrModuleSize'; size: number }
    | { type: 'qrErrorLevel'; level: QrErrorLevel }
    | { type: 'qrStore'; data: Uint8Array }
    | { type: 'qrPrint' }
    /** GS v 0 m xL xH yL yH d1..dk: `widthBytes` * 8 dots wide, `height` rows, MSB = leftmost dot. */
    | { type: 'rasterImage'; mode: number; widthBytes: number; height: number; data: Uint8Array }
    /** ESC * m nL nH d1..dk: one band of a column-format bit image. */
    | { type: 'bitImage'; mode: number; widthDots: number; data: Uint8Array }
    | { type: 'nvImage'; image: number; mode: number }
    /** DLE EOT n: real-time status request; the printer answers one byte. */
    | { type: 'statusRequest'; n: number }
    /** DLE DC4 fn ...: real-time request other than the drawer pulse (which becomes `drawerPulse`). */
    | { type: 'realTimeRequest'; fn: number; args: Uint8Array }
    /** GS r n: status sent when the command is processed (not real-time): 1 paper sensor, 2 drawer. */
    | { type: 'transmitStatus'; n: 1 | 2 }
    /** GS a n: automatic status back mask (0 = off). */
    | { type: 'autoStatusBack'; mask: number }
    /** A command in the table that the decoder recognises but does not interpret further. */
    | { type: 'command'; name: string; args: Uint8Array }
    /** Bytes that start no known command; the decoder skipped exactly these and carried on. */
    | { type: 'unknown'; bytes: Uint8Array }
    | { type: 'error'; reason: DecodeErrorReason; name: string; bytes: Uint8Array }
    /** The stream ended inside a command (reported by `end()`). */
    | { type: 'truncated'; name: string; bytes: Uint8Array }
  );

export type DecoderEventType = DecoderEvent['type'];

/** An event without its offset (what interpreting one command yields; handy in golden tests). */
export type DecoderEventBody = DecoderEvent extends infer E
  ? E extends DecoderEvent
    ? Omit<E, 'offset'>
    : never
  : never;
