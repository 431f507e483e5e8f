import { describe, expect, it } from 'vitest';
import {
  FALLBACK_REPLACEMENT,
  encodeChineseText,
  gbkBytes,
  splitForChineseMode,
} from '../../../../native/escpos/encode/chinese-text';
import type { Unprintable } from '../../../../native/escpos/encode/chinese-text';

const hex = (bytes: Uint8Array): string =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');

describe('Chinese-mode text encoding', () => {
  it('wraps a Hanzi run in FS & ... FS . with GB18030 bytes', () => {
    // 可 BFC9, 口 BFDA, 乐 C0D6 in GB2312/GBK.
    expect(hex(encodeChineseText('可口可乐'))).toBe('1c 26 bf c9 bf da bf c9 c0 d6 1c 2e');
  });

  it('leaves ASCII outside Chinese mode and switches per run', () => {
    expect(hex(encodeChineseText('2x可乐 OK'))).toBe('32 78 1c 26 bf c9 c0 d6 1c 2e 20 4f 4b');
  });

  it('prints full-width punctuation and the full-width yen inside Chinese mode', () => {
    // （ A3A8, ） A3A9, ￥ A3A4
    expect(hex(encodeChineseText('（￥）'))).toBe('1c 26 a3 a8 a3 a4 a3 a9 1c 2e');
  });

  it('splits text into ASCII and CJK segments that restore the text', () => {
    const segs = splitForChineseMode('合计 ￥22.40');
    expect(segs.map((s) => s.kind)).toEqual(['cjk', 'ascii', 'cjk', 'ascii']);
    expect(segs.map((s) => s.text).join('')).toBe('合计 ￥22.40');
  });

  it('has no empty Chinese-mode pairs for pure ASCII', () => {
    expect(hex(encodeChineseText('Coca-Cola'))).toBe('43 6f 63 61 2d 43 6f 6c 61');
  });
});

describe('characters the ROM font cannot print', () => {
  const collect = (text: string): { bytes: string; reports: Unprintable[] } => {
    const reports: Unprintable[] = [];
    return { bytes: hex(encodeChineseText(text, (u) => reports.push(u))), reports };
  };

  it('replaces the half-width yen (4 bytes in GB18030) with the full-width ￥ and reports it', () => {
    const { bytes, reports } = collect('¥5');
    expect(bytes).toBe('1c 26 a3 a4 1c 2e 35');
    expect(reports).toEqual([{ char: '¥', codePoint: 0xa5, index: 0, replacement: '￥' }]);
  });

  it('replaces an emoji with a visible □ (A1F5), never with ?, and reports where', () => {
    const { bytes, reports } = collect('可乐😀!');
    expect(bytes).toBe('1c 26 bf c9 c0 d6 a1 f5 1c 2e 21');
    expect(bytes).not.toContain('3f');
    expect(reports).toEqual([
      { char: '😀', codePoint: 0x1f600, index: 2, replacement: FALLBACK_REPLACEMENT },
    ]);
  });

  it('replaces ideographs outside the 2-byte GBK range (CJK extension B)', () => {
    const { bytes, reports } = collect('𠮷');
    expect(bytes).toBe('1c 26 a1 f5 1c 2e');
    expect(reports[0]?.codePoint).toBe(0x20bb7);
  });

  it('replaces control characters other than newline instead of sending them as commands', () => {
    const { bytes, reports } = collect('a\tb\n');
    expect(bytes).toBe('61 1c 26 a1 f5 1c 2e 62 0a');
    expect(reports.map((r) => r.codePoint)).toEqual([9]);
  });

  it('reports nothing for printable text', () => {
    expect(collect('可口可乐 Coca-Cola ￥3.50').reports).toEqual([]);
  });

  it('knows which characters are in the 2-byte range', () => {
    expect(gbkBytes('乐')).toEqual(new Uint8Array([0xc0, 0xd6]));
    expect(gbkBytes('¥')).toBeNull();
    expect(gbkBytes('😀')).toBeNull();
  });
});
