// Golden cases: one hand-written byte array per command family, with the events it must decode to.
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../../native/escpos/decoder';
import type { DecoderEvent, DecoderEventBody as Body } from '../../../../native/escpos/decoder';
import { bytes, DLE, ESC, FS, GS, LF } from '../../../support/bytes';

const strip = (events: DecoderEvent[]): Body[] => events.map(({ offset: _offset, ...rest }) => rest as Body);
const decode = (b: Uint8Array): Body[] => strip(decodeEscPos(b));
const u8 = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('decoder golden cases', () => {
  const cases: [string, Uint8Array, Body[]][] = [
    ['init', bytes(ESC, '@'), [{ type: 'init' }]],
    [
      'text and line feed',
      bytes('Total 12.50', LF),
      [{ type: 'text', text: 'Total 12.50', encoding: 'cp437' }, { type: 'lineFeed' }],
    ],
    [
      'align left/center/right, digits too',
      bytes(ESC, 'a', 0, ESC, 'a', 1, ESC, 'a', '2'),
      [
        { type: 'align', align: 'left' },
        { type: 'align', align: 'center' },
        { type: 'align', align: 'right' },
      ],
    ],
    [
      'bold on/off',
      bytes(ESC, 'E', 1, ESC, 'E', 0),
      [
        { type: 'bold', on: true },
        { type: 'bold', on: false },
      ],
    ],
    [
      'GS ! size',
      bytes(GS, '!', 0x11, GS, '!', 0x00, GS, '!', 0x70),
      [
        { type: 'size', width: 2, height: 2 },
        { type: 'size', width: 1, height: 1 },
        { type: 'size', width: 8, height: 1 },
      ],
    ],
    [
      'ESC ! print mode',
      bytes(ESC, '!', 0x38),
      [
        {
          type: 'printMode',
          fontB: false,
          bold: true,
          doubleHeight: true,
          doubleWidth: true,
          underline: false,
        },
      ],
    ],
    [
      'feeds in lines and dots',
      bytes(ESC, 'd', 3, ESC, 'J', 48),
      [
        { type: 'feed', unit: 'lines', amount: 3 },
        { type: 'feed', unit: 'dots', amount: 48 },
      ],
    ],
    [
      'cut variants',
      bytes(GS, 'V', 0, GS, 'V', 1, GS, 'V', 48, GS, 'V', 49, GS, 'V', 65, 3, GS, 'V', 66, 0),
      [
        { type: 'cut', partial: false, feedDots: 0 },
        { type: 'cut', partial: true, feedDots: 0 },
        { type: 'cut', partial: false, feedDots: 0 },
        { type: 'cut', partial: true, feedDots: 0 },
        { type: 'cut', partial: false, feedDots: 3 },
        { type: 'cut', partial: true, feedDots: 0 },
      ],
    ],
    [
      'drawer pulse, both pins, timings in ms',
      bytes(ESC, 'p', 0, 25, 250, ESC, 'p', 49, 50, 100),
      [
        { type: 'drawerPulse', pin: 2, onMs: 50, offMs: 500, realTime: false },
        { type: 'drawerPulse', pin: 5, onMs: 100, offMs: 200, realTime: false },
      ],
    ],
    [
      'real-time drawer pulse DLE DC4 1',
      bytes(DLE, 0x14, 1, 0, 2),
      [{ type: 'drawerPulse', pin: 2, onMs: 200, offMs: 200, realTime: true }],
    ],
    [
      'DLE DC4 other functions',
      bytes(DLE, 0x14, 8, 1, 3, 20, 1, 6, 2, 8),
      [{ type: 'realTimeRequest', fn: 8, args: u8(1, 3, 20, 1, 6, 2, 8) }],
    ],
    [
      'barcode, NUL-terminated form',
      bytes(GS, 'k', 2, '4006381333931', 0),
      [{ type: 'barcode', symbology: 'EAN13', m: 2, data: bytes('4006381333931'), text: '4006381333931' }],
    ],
    [
      'barcode, length-prefixed form',
      bytes(GS, 'k', 73, 6, '{BA1B2', GS, 'k', 67, 12, '400638133393'),
      [
        { type: 'barcode', symbology: 'CODE128', m: 73, data: bytes('{BA1B2'), text: '{BA1B2' },
        { type: 'barcode', symbology: 'EAN13', m: 67, data: bytes('400638133393'), text: '400638133393' },
      ],
    ],
    [
      'QR: model, module size, error level, store, print',
      bytes(
        [GS, 0x28, 0x6b, 4, 0, 49, 65, 50, 0],
        [GS, 0x28, 0x6b, 3, 0, 49, 67, 6],
        [GS, 0x28, 0x6b, 3, 0, 49, 69, 49],
        [GS, 0x28, 0x6b, 8, 0, 49, 80, 48, 'hello'],
        [GS, 0x28, 0x6b, 3, 0, 49, 81, 48],
      ),
      [
        { type: 'qrModel', model: 2 },
        { type: 'qrModuleSize', size: 6 },
        { type: 'qrErrorLevel', level: 'M' },
        { type: 'qrStore', data: bytes('hello') },
        { type: 'qrPrint' },
      ],
    ],
    [
      'GS ( k for another symbol (PDF417) is a plain command',
      bytes(GS, '(', 'k', 3, 0, 48, 67, 3),
      [{ type: 'command', name: 'GS ( k', args: u8(3, 0, 48, 67, 3) }],
    ],
    [
      'GS ( with another function letter: length-prefixed, skipped whole',
      bytes(GS, '(', 'L', 2, 0, 48, 69, 'x'),
      [
        { type: 'command', name: 'GS (', args: bytes('L', 2, 0, 48, 69) },
        { type: 'text', text: 'x', encoding: 'cp437' },
      ],
    ],
    [
      'raster image GS v 0: 2 bytes wide, 3 rows',
      bytes(GS, 'v', '0', 0, 2, 0, 3, 0, 0xff, 0x00, 0x81, 0x18, 0x0a, 0x1b),
      [
        {
          type: 'rasterImage',
          mode: 0,
          widthBytes: 2,
          height: 3,
          data: u8(0xff, 0x00, 0x81, 0x18, 0x0a, 0x1b),
        },
      ],
    ],
    [
      'ESC * 24-dot bit image: 2 columns x 3 bytes',
      bytes(ESC, '*', 33, 2, 0, 1, 2, 3, 4, 5, 6),
      [{ type: 'bitImage', mode: 33, widthDots: 2, data: u8(1, 2, 3, 4, 5, 6) }],
    ],
    ['FS p NV image', bytes(FS, 'p', 1, 0), [{ type: 'nvImage', image: 1, mode: 0 }]],
    [
      'DLE EOT 1..4',
      bytes(DLE, 4, 1, DLE, 4, 2, DLE, 4, 3, DLE, 4, 4),
      [1, 2, 3, 4].map((n) => ({ type: 'statusRequest', n }) as const),
    ],
    [
      'GS r transmit status (paper, drawer), digits too',
      bytes(GS, 'r', 1, GS, 'r', 50, GS, 'r', 9),
      [
        { type: 'transmitStatus', n: 1 },
        { type: 'transmitStatus', n: 2 },
        { type: 'error', reason: 'invalid-argument', name: 'GS r', bytes: bytes(GS, 'r', 9) },
      ],
    ],
    ['GS a automatic status back', bytes(GS, 'a', 0xff), [{ type: 'autoStatusBack', mask: 0xff }]],
    [
      'ESC t switches the code table for the text after it',
      bytes(ESC, 't', 2, 0x9b, ESC, 't', 16, 0x80, ESC, 't', 99),
      [
        { type: 'codeTable', table: 2, encoding: 'cp850', supported: true },
        { type: 'text', text: 'ø', encoding: 'cp850' },
        { type: 'codeTable', table: 16, encoding: 'windows1252', supported: true },
        { type: 'text', text: '€', encoding: 'windows1252' },
        { type: 'codeTable', table: 99, encoding: 'cp437', supported: false },
      ],
    ],
    [
      'ESC @ resets the code table',
      bytes(ESC, 't', 16, ESC, '@', 0x9c),
      [
        { type: 'codeTable', table: 16, encoding: 'windows1252', supported: true },
        { type: 'init' },
        { type: 'text', text: '£', encoding: 'cp437' },
      ],
    ],
    [
      'other table commands are recognised with their arguments',
      bytes(ESC, '-', 1, ESC, 'M', 1, GS, 'L', 10, 0, ESC, 'D', 8, 16, 0, ESC, 'c', '5', 0),
      [
        { type: 'underline', dots: 1 },
        { type: 'command', name: 'ESC M', args: u8(1) },
        { type: 'command', name: 'GS L', args: u8(10, 0) },
        { type: 'command', name: 'ESC D', args: u8(8, 16, 0) },
        { type: 'command', name: 'ESC c 5', args: u8(0) },
      ],
    ],
    [
      'CR is reported, not printed',
      bytes('a', 0x0d, LF),
      [{ type: 'text', text: 'a', encoding: 'cp437' }, { type: 'carriageReturn' }, { type: 'lineFeed' }],
    ],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    expect(decode(input)).toEqual(expected);
  });

  it('gives every event the stream offset of its first byte', () => {
    const events = decodeEscPos(bytes(ESC, '@', 'ab', LF, GS, 'V', 65, 0));
    expect(events.map((e) => [e.type, e.offset])).toEqual([
      ['init', 0],
      ['text', 2],
      ['lineFeed', 4],
      ['cut', 5],
    ]);
  });
});

describe('ESC p needs all five bytes', () => {
  it('reports ESC p m without t1/t2 as an error and still decodes the command after it', () => {
    // A library that sends ESC p 0 then ESC @: a printer would eat "ESC @" as t1 t2.
    expect(decode(bytes(ESC, 'p', 0, ESC, '@', 'Hi', LF))).toEqual([
      { type: 'error', reason: 'truncated-drawer-pulse', name: 'ESC p', bytes: bytes(ESC, 'p', 0) },
      { type: 'init' },
      { type: 'text', text: 'Hi', encoding: 'cp437' },
      { type: 'lineFeed' },
    ]);
  });

  it('reports ESC p m t1 without t2 as an error (GS follows)', () => {
    expect(decode(bytes(ESC, 'p', 0, 25, GS, 'V', 0))).toEqual([
      { type: 'error', reason: 'truncated-drawer-pulse', name: 'ESC p', bytes: bytes(ESC, 'p', 0, 25) },
      { type: 'cut', partial: false, feedDots: 0 },
    ]);
  });

  it('reports ESC p with nothing after it but the next command as an error', () => {
    expect(decode(bytes(ESC, 'p', GS, 'V', 0))).toEqual([
      { type: 'error', reason: 'truncated-drawer-pulse', name: 'ESC p', bytes: bytes(ESC, 'p') },
      { type: 'cut', partial: false, feedDots: 0 },
    ]);
  });

  it('reports a pulse cut off by the end of the stream as truncated', () => {
    expect(decode(bytes(ESC, 'p', 0, 25))).toEqual([
      { type: 'truncated', name: 'ESC p', bytes: bytes(ESC, 'p', 0, 25) },
    ]);
  });

  it('rejects a pin other than 0/1', () => {
    expect(decode(bytes(ESC, 'p', 7, 25, 250))).toEqual([
      { type: 'error', reason: 'invalid-argument', name: 'ESC p', bytes: bytes(ESC, 'p', 7, 25, 250) },
    ]);
  });
});

describe('unknown commands and resync', () => {
  it('skips an unknown ESC x and decodes what follows', () => {
    expect(decode(bytes(ESC, 0x7f, ESC, 'E', 1, 'ok', LF))).toEqual([
      { type: 'unknown', bytes: u8(ESC, 0x7f) },
      { type: 'bold', on: true },
      { type: 'text', text: 'ok', encoding: 'cp437' },
      { type: 'lineFeed' },
    ]);
  });

  it('skips an unknown GS and an unknown ESC c form', () => {
    expect(decode(bytes(GS, 0x01, ESC, 'c', 'Z', GS, 'V', 0))).toEqual([
      { type: 'unknown', bytes: u8(GS, 0x01) },
      { type: 'unknown', bytes: u8(ESC, 0x63) },
      { type: 'text', text: 'Z', encoding: 'cp437' },
      { type: 'cut', partial: false, feedDots: 0 },
    ]);
  });

  it('reports a stray control byte alone', () => {
    expect(decode(bytes(0x00, 'a'))).toEqual([
      { type: 'unknown', bytes: u8(0) },
      { type: 'text', text: 'a', encoding: 'cp437' },
    ]);
  });

  it('rejects a barcode type it does not know, then resyncs after it', () => {
    expect(decode(bytes(GS, 'k', 20, ESC, '@'))).toEqual([
      { type: 'error', reason: 'invalid-argument', name: 'GS k', bytes: bytes(GS, 'k', 20) },
      { type: 'init' },
    ]);
  });

  it('gives up on a NUL-terminated barcode with no NUL in 255 bytes', () => {
    const events = decode(bytes(GS, 'k', 4, 'A'.repeat(300), LF));
    expect(events[0]).toEqual({
      type: 'error',
      reason: 'invalid-argument',
      name: 'GS k',
      bytes: bytes(GS, 'k', 4),
    });
    expect(events.slice(1)).toEqual([
      { type: 'text', text: 'A'.repeat(300), encoding: 'cp437' },
      { type: 'lineFeed' },
    ]);
  });
});

describe('truncated trailing command', () => {
  it.each([
    ['GS v 0 missing image bytes', bytes(GS, 'v', '0', 0, 1, 0, 2, 0, 0xff), 'GS v 0'],
    ['GS ( k missing data', bytes(GS, '(', 'k', 8, 0, 49, 80, 48, 'he'), 'GS ( k'],
    ['GS k without its NUL', bytes(GS, 'k', 4, 'ABC'), 'GS k'],
    ['lone ESC', bytes(ESC), 'incomplete prefix'],
    ['GS V 65 without n', bytes(GS, 'V', 65), 'GS V'],
  ])('%s', (_name, input, name) => {
    const events = decode(bytes('x', LF, input));
    expect(events.slice(0, 2)).toEqual([
      { type: 'text', text: 'x', encoding: 'cp437' },
      { type: 'lineFeed' },
    ]);
    expect(events.slice(2)).toEqual([{ type: 'truncated', name, bytes: input }]);
  });
});
