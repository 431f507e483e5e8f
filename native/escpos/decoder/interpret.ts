// Turns one complete command (as delimited by the table) into a typed event. Pure: mode changes are
// applied by the decoder from the events this returns.
import { codeTableEncoding } from './code-tables';
import type { CommandName } from './command-table';
import type { Align, BarcodeSymbology, DecoderEventBody as Body, QrErrorLevel } from './events';

const ALIGNS: readonly Align[] = ['left', 'center', 'right'];
const QR_LEVELS: readonly QrErrorLevel[] = ['L', 'M', 'Q', 'H'];
const SYMBOLOGIES: readonly BarcodeSymbology[] = [
  'UPC-A',
  'UPC-E',
  'EAN13',
  'EAN8',
  'CODE39',
  'ITF',
  'CODABAR',
  'CODE93',
  'CODE128',
];

// Many ESC/POS parameters accept both n and the ASCII digit '0' + n.
const digit = (n: number): number => (n >= 48 ? n - 48 : n);
const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);

function invalid(name: string, bytes: Uint8Array): Body {
  return { type: 'error', reason: 'invalid-argument', name, bytes };
}

function barcode(name: string, bytes: Uint8Array, args: Uint8Array): Body {
  const m = args[0] as number;
  // m 0..6: NUL-terminated; m 65..73: length byte first. Both forms index the same symbology list.
  const data = m <= 6 ? args.subarray(1, args.length - 1) : args.subarray(2);
  const symbology = SYMBOLOGIES[m <= 6 ? m : m - 65];
  if (!symbology) return invalid(name, bytes);
  return { type: 'barcode', symbology, m, data: data.slice(), text: latin1(data) };
}

function twoD(name: string, bytes: Uint8Array, args: Uint8Array): Body {
  const body = args.subarray(2); // after pL pH
  const [cn, fn, p1] = body;
  if (cn !== 49) return { type: 'command', name, args: args.slice() }; // not QR (PDF417, MaxiCode, ...)
  switch (fn) {
    case 65: {
      const model = p1 === 49 ? 1 : p1 === 50 ? 2 : p1 === 51 ? 'micro' : undefined;
      return model === undefined ? invalid(name, bytes) : { type: 'qrModel', model };
    }
    case 67:
      return p1 === undefined ? invalid(name, bytes) : { type: 'qrModuleSize', size: p1 };
    case 69: {
      const level = p1 === undefined ? undefined : QR_LEVELS[p1 - 48];
      return level ? { type: 'qrErrorLevel', level } : invalid(name, bytes);
    }
    case 80:
      return { type: 'qrStore', data: body.slice(3) };
    case 81:
      return { type: 'qrPrint' };
    default:
      return { type: 'command', name, args: args.slice() };
  }
}

function pulse(
  name: string,
  bytes: Uint8Array,
  m: number,
  onMs: number,
  offMs: number,
  realTime: boolean,
): Body {
  const pin = digit(m) === 0 ? 2 : digit(m) === 1 ? 5 : undefined;
  return pin === undefined ? invalid(name, bytes) : { type: 'drawerPulse', pin, onMs, offMs, realTime };
}

/** `bytes` is the whole command, `prefixLength` how many of them are the table prefix. */
export function interpret(name: CommandName, bytes: Uint8Array, prefixLength: number): Body {
  const args = bytes.subarray(prefixLength);
  const a0 = args[0] ?? 0;
  const u16 = (at: number): number => (args[at] ?? 0) + (args[at + 1] ?? 0) * 256;
  switch (name) {
    case 'LF':
      return { type: 'lineFeed' };
    case 'CR':
      return { type: 'carriageReturn' };
    case 'ESC @':
      return { type: 'init' };
    case 'ESC a': {
      const align = ALIGNS[digit(a0)];
      return align ? { type: 'align', align } : invalid(name, bytes);
    }
    case 'ESC E':
      return { type: 'bold', on: (a0 & 1) === 1 };
    case 'ESC -':
      return { type: 'underline', dots: digit(a0) & 3 };
    case 'ESC !':
      return {
        type: 'printMode',
        fontB: (a0 & 0x01) !== 0,
        bold: (a0 & 0x08) !== 0,
        doubleHeight: (a0 & 0x10) !== 0,
        doubleWidth: (a0 & 0x20) !== 0,
        underline: (a0 & 0x80) !== 0,
      };
    case 'GS !':
      return { type: 'size', width: ((a0 >> 4) & 7) + 1, height: (a0 & 7) + 1 };
    case 'ESC d':
      return { type: 'feed', unit: 'lines', amount: a0 };
    case 'ESC J':
      return { type: 'feed', unit: 'dots', amount: a0 };
    case 'ESC t':
      return { type: 'codeTable', table: a0, ...codeTableEncoding(a0) };
    case 'FS &':
      return { type: 'chineseMode', on: true };
    case 'FS .':
      return { type: 'chineseMode', on: false };
    case 'GS V':
      return {
        type: 'cut',
        // Odd forms (1, 49, 66, 98, 104) are partial cuts; even ones full.
        partial: a0 % 2 === (a0 >= 65 ? 0 : 1),
        feedDots: a0 >= 65 ? (args[1] ?? 0) : 0,
      };
    case 'ESC p':
      return pulse(name, bytes, a0, (args[1] ?? 0) * 2, (args[2] ?? 0) * 2, false);
    case 'DLE DC4':
      // fn 1 is the real-time pulse: DLE DC4 1 m t, on and off for t * 100 ms.
      return a0 === 1
        ? pulse(name, bytes, args[1] ?? 0, (args[2] ?? 0) * 100, (args[2] ?? 0) * 100, true)
        : { type: 'realTimeRequest', fn: a0, args: args.slice(1) };
    case 'GS k':
      return barcode(name, bytes, args);
    case 'GS ( k':
      return twoD(name, bytes, args);
    case 'GS v 0':
      return { type: 'rasterImage', mode: a0, widthBytes: u16(1), height: u16(3), data: args.slice(5) };
    case 'ESC *':
      return { type: 'bitImage', mode: a0, widthDots: u16(1), data: args.slice(3) };
    case 'FS p':
      return { type: 'nvImage', image: a0, mode: args[1] ?? 0 };
    case 'DLE EOT':
      return { type: 'statusRequest', n: a0 };
    case 'GS r': {
      const n = digit(a0);
      return n === 1 || n === 2 ? { type: 'transmitStatus', n } : invalid(name, bytes);
    }
    case 'GS a':
      return { type: 'autoStatusBack', mask: a0 };
    default:
      return { type: 'command', name, args: args.slice() };
  }
}
