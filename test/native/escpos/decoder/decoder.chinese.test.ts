// Chinese mode: FS & ... FS . carries GB18030; the decoder must give back the exact Unicode that was encoded.
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../../native/escpos/decoder';
import { bytes, FS, LF } from '../../../support/bytes';

const gb = (s: string): Uint8Array => Uint8Array.from(iconv.encode(s, 'gb18030'));
const texts = (b: Uint8Array, chineseByDefault = false): string[] =>
  decodeEscPos(b, { chineseByDefault }).flatMap((e) => (e.type === 'text' ? [e.text] : []));

describe('GB18030 text in Chinese mode', () => {
  it('decodes 中文 and the full-width yen sign (GB A3A4)', () => {
    // Hand-written: 中 D6D0, 文 CEC4, ￥ A3A4.
    const input = bytes(FS, '&', 0xd6, 0xd0, 0xce, 0xc4, ' ', 0xa3, 0xa4, '12.50', FS, '.', LF);
    expect(decodeEscPos(input).filter((e) => e.type === 'text')).toEqual([
      { type: 'text', text: '中文 ￥12.50', encoding: 'gb18030', offset: 2 },
    ]);
  });

  it('round-trips mixed Chinese and ASCII receipt text', () => {
    const line = '合计 Total：￥128.00（含税）';
    expect(texts(bytes(FS, '&', gb(line), FS, '.'))).toEqual([line]);
  });

  it('U+00A5 (half-width yen) is four bytes in GB18030 and still round-trips', () => {
    expect(gb('¥')).toEqual(bytes(0x81, 0x30, 0x84, 0x36));
    expect(texts(bytes(FS, '&', gb('¥5'), FS, '.'))).toEqual(['¥5']);
  });

  it('outside Chinese mode the same bytes are code page 437', () => {
    expect(texts(bytes(0xd6, 0xd0))).toEqual(['╓╨']);
    expect(texts(bytes(FS, '&', 0xd6, 0xd0, FS, '.', 0xd6, 0xd0))).toEqual(['中', '╓╨']);
  });

  it('a printer that starts in Chinese mode decodes GB18030 without FS &, and ESC @ returns to it', () => {
    expect(texts(bytes(gb('中'), FS, '.', 0xd6, 0xd0, 0x1b, '@', gb('文')), true)).toEqual([
      '中',
      '╓╨',
      '文',
    ]);
  });

  it('round-trips any BMP CJK + ASCII string (property)', () => {
    const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
    const text = fc
      .array(fc.oneof(cjk, ascii, fc.constant('￥')), { minLength: 1, maxLength: 40 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(texts(bytes(FS, '&', gb(s), FS, '.'))).toEqual([s]);
      }),
      { numRuns: 300 },
    );
  });
});
