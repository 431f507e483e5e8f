// Receipt columns are counted in "display width": a Hanzi or other full-width character takes two columns of
// the printer's font, ASCII one. String length (UTF-16 units) is wrong for both CJK and emoji, so everything
// that pads or wraps receipt text goes through these two functions.

// East Asian Wide / Fullwidth blocks (Unicode UAX #11), plus the emoji planes that terminals draw wide.
// Ambiguous-width characters (×, ·, é ...) count as one: the layout is printer-independent, and a printer
// without a Chinese font prints them narrow.
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation (、。「」)
  [0x3041, 0x33ff], // Kana, Bopomofo, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // full-width ASCII forms (，：！（）０-９)
  [0xffe0, 0xffe6], // full-width signs (￥ ￠)
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff], // supplemental symbols and pictographs
  [0x20000, 0x3fffd], // CJK extensions B-H
];

function isWide(cp: number): boolean {
  for (const [lo, hi] of WIDE_RANGES) if (cp >= lo && cp <= hi) return true;
  return false;
}

/** Columns one code point occupies: 0 for controls and combining marks, 2 for wide, else 1. */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  // Combining marks and zero-width joiners/selectors ride on the previous character.
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) {
    return 0;
  }
  return isWide(cp) ? 2 : 1;
}

/** Display width of `text` in receipt columns. */
export function displayWidth(text: string): number {
  let width = 0;
  // for..of walks code points, so a surrogate pair (emoji, CJK extension B) counts once.
  for (const ch of text) width += codePointWidth(ch.codePointAt(0) ?? 0);
  return width;
}

/**
 * Splits `text` into lines of at most `width` columns. The lines are plain slices: joining them gives back
 * `text` exactly (nothing trimmed, nothing inserted), and a surrogate pair is never split. Latin text breaks
 * after the last space that fits, when there is one; CJK text breaks between any two characters.
 * An empty text has no lines.
 */
export function wrapToWidth(text: string, width: number): string[] {
  // Below two columns a full-width character could never fit, and the "at most width" promise would break.
  if (!Number.isInteger(width) || width < 2)
    throw new RangeError(`wrapToWidth: width ${width} must be >= 2.`);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const ch of text) {
    const w = codePointWidth(ch.codePointAt(0) ?? 0);
    if (lineWidth + w > width) {
      const cut = breakAfterSpace(line, ch);
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
      lineWidth = displayWidth(line);
      // The carried-over word plus this character may still be too wide (one long word): break hard.
      if (lineWidth + w > width) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
    }
    line += ch;
    lineWidth += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Where to end a full line: after its last space if `next` continues a Latin word, else at its end. */
function breakAfterSpace(line: string, next: string): number {
  if (next === ' ' || codePointWidth(next.codePointAt(0) ?? 0) !== 1) return line.length;
  const space = line.lastIndexOf(' ');
  // A break right at the start would leave an empty line; a word after CJK text may break anywhere.
  return space > 0 && space < line.length - 1 ? space + 1 : line.length;
}

/** `text` padded with spaces to exactly `width` columns per `align` (text wider than `width` is returned as is). */
export function padToWidth(text: string, width: number, align: 'left' | 'center' | 'right'): string {
  const gap = width - displayWidth(text);
  if (gap <= 0) return text;
  if (align === 'left') return text + ' '.repeat(gap);
  if (align === 'right') return ' '.repeat(gap) + text;
  const before = Math.floor(gap / 2);
  return ' '.repeat(before) + text + ' '.repeat(gap - before);
}
