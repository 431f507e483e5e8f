// The characters the bundled receipt font must cover. GB2312 is the set every Chinese receipt printer ROM
// and POS catalogue agrees on (6763 Hanzi plus 682 symbols: full-width ASCII incl. ￥, CJK punctuation,
// box drawing, kana, Greek/Cyrillic); printers without a ROM get the same coverage from our raster path.
import iconv from 'iconv-lite';

/** Code points seen on receipts that GB2312 lacks (half-width yen, euro, ticks, boxes); all in Noto Sans SC. */
const EXTRAS = '¥€£©®™·•–—‘’“”…‰←→↑↓✓□■○●◆★☆※';

/** GB2312 decoded row by row: rows 0xA1-0xA9 are symbols, 0xB0-0xF7 Hanzi; unassigned cells are skipped. */
export function gb2312Chars(): string[] {
  const out: string[] = [];
  const rows = [...range(0xa1, 0xa9), ...range(0xb0, 0xf7)];
  for (const hi of rows) {
    for (const lo of range(0xa1, 0xfe)) {
      const ch = iconv.decode(Buffer.from([hi, lo]), 'gb2312');
      // Unassigned cells decode to U+FFFD. iconv-lite decodes as CP936, so a few GBK additions in the
      // symbol rows (small roman numerals, vertical forms) come along: harmless, they are on real ROMs too.
      if (ch.length === 1 && ch !== '\ufffd') out.push(ch);
    }
  }
  return out;
}

/** Printable ASCII, GB2312 and the extras, deduplicated and sorted by code point. */
export function receiptCharset(): string {
  const ascii = range(0x20, 0x7e).map((c) => String.fromCharCode(c));
  const set = new Set([...ascii, ...gb2312Chars(), ...EXTRAS]);
  return [...set].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join('');
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
