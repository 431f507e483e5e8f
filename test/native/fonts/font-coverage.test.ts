import { describe, expect, it } from 'vitest';
import { fontCoverage as readCoverage } from '../../../native/fonts/font-coverage';

/** A minimal sfnt holding only a `cmap` with the given subtables (platform, encoding, bytes). */
function fontWithCmap(subtables: readonly (readonly [number, number, number[]])[]): Uint8Array {
  const u16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
  const u32 = (n: number): number[] => [...u16(n >>> 16), ...u16(n & 0xffff)];
  let offset = 4 + subtables.length * 8;
  const records: number[] = [];
  const bodies: number[] = [];
  for (const [platform, encoding, bytes] of subtables) {
    records.push(...u16(platform), ...u16(encoding), ...u32(offset));
    bodies.push(...bytes);
    offset += bytes.length;
  }
  const cmap = [...u16(0), ...u16(subtables.length), ...records, ...bodies];
  const header = [...u32(0x00010000), ...u16(1), ...u16(16), ...u16(0), ...u16(0)];
  const record = [...[...'cmap'].map((c) => c.charCodeAt(0)), ...u32(0), ...u32(28), ...u32(cmap.length)];
  return Uint8Array.from([...header, ...record, ...cmap]);
}

const u16s = (...ns: number[]): number[] => ns.flatMap((n) => [(n >> 8) & 0xff, n & 0xff]);

describe('fontCoverage', () => {
  it('format 4: delta segments, glyph-array segments (glyph 0 = not covered), and the 0xFFFF terminator', () => {
    const segCount = 3;
    const format4 = [
      ...u16s(4, 0, 0, segCount * 2, 0, 0, 0),
      ...u16s(0x43, 0x4e01, 0xffff), // endCode
      ...u16s(0), // reservedPad
      ...u16s(0x41, 0x4e00, 0xffff), // startCode
      ...u16s(0, (10 - 0x4e00) & 0xffff, 1), // idDelta
      ...u16s(6, 0, 0), // idRangeOffset: segment 0 reads glyphIdArray, 6 bytes further on
      ...u16s(5, 0, 7), // glyphIdArray for A, B, C
    ];
    const covered = readCoverage(fontWithCmap([[3, 1, format4]]));
    expect([...covered].sort((a, b) => a - b)).toEqual([0x41, 0x43, 0x4e00, 0x4e01]);
  });

  it('format 12 is preferred, and covers code points beyond the BMP', () => {
    const format12 = [
      ...u16s(12, 0),
      ...u16s(0, 40, 0, 0, 0, 2), // length, language, numGroups as 32-bit values
      ...u16s(0, 0x41, 0, 0x41, 0, 3),
      ...u16s(0x2, 0x0000, 0x2, 0x0001, 0, 0), // U+20000 -> glyph 0 (missing), U+20001 -> glyph 1
    ];
    const format4Empty = [...u16s(4, 0, 0, 2, 0, 0, 0), ...u16s(0xffff, 0, 0xffff, 1, 0)];
    const covered = readCoverage(
      fontWithCmap([
        [3, 1, format4Empty],
        [3, 10, format12],
      ]),
    );
    expect([...covered].sort((a, b) => a - b)).toEqual([0x41, 0x20001]);
  });

  it('refuses a font without a Unicode cmap', () => {
    expect(() => readCoverage(fontWithCmap([[1, 0, u16s(0, 262, 0)]]))).toThrow(/Unicode cmap/);
  });
});
