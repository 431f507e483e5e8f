// The decoder is fed whatever chunks the transport delivers: any split of a stream must decode exactly like
// the whole stream, and a stream built from known commands must decode to exactly those commands.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, EscPosDecoder } from '../../../../native/escpos/decoder';
import type { DecoderEvent, DecoderEventType } from '../../../../native/escpos/decoder';
import { bytes, DLE, ESC, FS, GS, LF } from '../../../support/bytes';

interface Piece {
  bytes: Uint8Array;
  types: DecoderEventType[];
}
const piece = (types: DecoderEventType[], ...b: Parameters<typeof bytes>): Piece => ({
  bytes: bytes(...b),
  types,
});

const printable = fc
  .string({ minLength: 1, maxLength: 20 })
  .map((s) => s.replace(/[^\x20-\x7e]/g, 'x') || 'x');
const byte = fc.integer({ min: 0, max: 255 });
// Drawer timings that cannot be mistaken for a command introducer.
const timing = byte.filter((t) => ![0x10, 0x1b, 0x1c, 0x1d].includes(t));

/** Well-formed commands with the event types each must produce. */
const validPiece: fc.Arbitrary<Piece> = fc.oneof(
  printable.map((s) => piece(['text', 'lineFeed'], s, LF)),
  fc.constant(piece(['init'], ESC, '@')),
  fc.integer({ min: 0, max: 2 }).map((n) => piece(['align'], ESC, 'a', n)),
  byte.map((n) => piece(['bold'], ESC, 'E', n)),
  byte.map((n) => piece(['size'], GS, '!', n)),
  byte.map((n) => piece(['feed'], ESC, 'd', n)),
  fc.tuple(fc.constantFrom(65, 66), byte).map(([m, n]) => piece(['cut'], GS, 'V', m, n)),
  fc.constantFrom(0, 1, 48, 49).map((m) => piece(['cut'], GS, 'V', m)),
  fc
    .tuple(fc.constantFrom(0, 1, 48, 49), timing, timing)
    .map(([m, a, b]) => piece(['drawerPulse'], ESC, 'p', m, a, b)),
  fc.stringMatching(/^[0-9]{1,20}$/).map((d) => piece(['barcode'], GS, 'k', 4, d, 0)),
  fc.uint8Array({ maxLength: 40 }).map((d) => piece(['barcode'], GS, 'k', 73, d.length, d)),
  fc
    .uint8Array({ maxLength: 300 })
    .map((d) => piece(['qrStore'], GS, '(', 'k', (d.length + 3) & 0xff, (d.length + 3) >> 8, 49, 80, 48, d)),
  fc.constant(piece(['qrPrint'], GS, '(', 'k', 3, 0, 49, 81, 48)),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }))
    .chain(([w, h]) => fc.uint8Array({ minLength: w * h, maxLength: w * h }).map((d) => ({ w, h, d })))
    .map(({ w, h, d }) => piece(['rasterImage'], GS, 'v', '0', 0, w, 0, h, 0, d)),
  fc.integer({ min: 1, max: 4 }).map((n) => piece(['statusRequest'], DLE, 4, n)),
  byte.map((n) => piece(['autoStatusBack'], GS, 'a', n)),
  fc.constant(
    piece(['chineseMode', 'text', 'chineseMode'], FS, '&', iconv.encode('中文￥', 'gb18030'), FS, '.'),
  ),
);

// Bytes that start or shape commands, so random soup often forms (broken) commands rather than plain text.
const commandish = fc.oneof(
  fc.constantFrom(ESC, GS, FS, DLE, LF, 0, 1, 2, 3, 4, 0x14, ...bytes('p(kv0*VAD!@a&.c5'), 65, 73, 0xd6),
  byte,
);

/** Anything at all, to make sure garbage and partial commands split the same way too. */
const anyPiece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 4, arbitrary: validPiece },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 12 }).map((b) => ({ bytes: b, types: [] })) },
  {
    weight: 2,
    arbitrary: fc.array(commandish, { maxLength: 12 }).map((b) => ({ bytes: bytes(b), types: [] })),
  },
  { weight: 1, arbitrary: fc.constantFrom(ESC, GS, FS, DLE).map((b) => ({ bytes: bytes(b), types: [] })) },
  // A drawer pulse missing its last bytes, as some libraries send it.
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(bytes(ESC, 'p'), bytes(ESC, 'p', 0), bytes(ESC, 'p', 0, 25))
      .map((b) => ({ bytes: b, types: [] })),
  },
);

const concat = (pieces: Piece[]): Uint8Array => bytes(...pieces.map((p) => p.bytes));

/** Feed `stream` cut at the given points (sorted, deduplicated) and collect every event. */
function decodeSplit(stream: Uint8Array, cuts: number[]): DecoderEvent[] {
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
  const d = new EscPosDecoder();
  const events: DecoderEvent[] = [];
  let from = 0;
  for (const p of [...points, stream.length]) {
    events.push(...d.push(stream.subarray(from, p)));
    from = p;
  }
  return [...events, ...d.end()];
}

describe('incremental decoding', () => {
  it('any split of any stream decodes like the whole stream', () => {
    fc.assert(
      fc.property(
        fc.array(anyPiece, { maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (pieces, cuts) => {
          const stream = concat(pieces);
          expect(decodeSplit(stream, cuts)).toEqual(decodeEscPos(stream));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('byte-at-a-time decodes like the whole stream', () => {
    fc.assert(
      fc.property(fc.array(anyPiece, { maxLength: 15 }), (pieces) => {
        const stream = concat(pieces);
        expect(
          decodeSplit(
            stream,
            Array.from({ length: stream.length }, (_, i) => i),
          ),
        ).toEqual(decodeEscPos(stream));
      }),
      { numRuns: 200 },
    );
  });

  it('a stream of well-formed commands decodes to exactly those commands, however it is split', () => {
    fc.assert(
      fc.property(
        fc.array(validPiece, { maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (pieces, cuts) => {
          const events = decodeSplit(concat(pieces), cuts);
          expect(events.map((e) => e.type)).toEqual(pieces.flatMap((p) => p.types));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decides a short ESC p as soon as the next command arrives in a later chunk', () => {
    // Regression: the decoder used to wait for all five bytes before looking at them.
    const d = new EscPosDecoder();
    expect(d.push(bytes(ESC, 'p'))).toEqual([]);
    expect(d.push(bytes(ESC))).toEqual([
      { type: 'error', reason: 'truncated-drawer-pulse', name: 'ESC p', bytes: bytes(ESC, 'p'), offset: 0 },
    ]);
    expect(d.push(bytes('@'))).toEqual([{ type: 'init', offset: 2 }]);
  });

  it('holds a command back until its last byte arrives', () => {
    const d = new EscPosDecoder();
    const image = bytes(GS, 'v', '0', 0, 1, 0, 2, 0, 0xaa, 0x55);
    expect(d.push(image.subarray(0, 9))).toEqual([]);
    expect(d.push(image.subarray(9))).toEqual([
      { type: 'rasterImage', mode: 0, widthBytes: 1, height: 2, data: bytes(0xaa, 0x55), offset: 0 },
    ]);
    expect(d.end()).toEqual([]);
  });
});
