// Text -> the glyphs the raster renderer will actually draw, one per cell span. This is where a character the
// bundled font cannot draw is swapped for a visible box and reported: printing a blank (or letting Skia borrow
// a system font that the shop PC may not have) would silently change what the customer's receipt says.
import { codePointWidth } from '../text-width';

/** Drawn in place of a character the font lacks; U+25A1 is in GB2312, so the font always has it. */
export const REPLACEMENT_CHAR = '□';

/** Shaped like the text encoder's `Unprintable`, so one warning callback can serve both print modes. */
export interface MissingChar {
  readonly char: string;
  readonly codePoint: number;
  /** UTF-16 index of the character in `text` */
  readonly index: number;
  /** what is printed instead: always REPLACEMENT_CHAR */
  readonly replacement: string;
  /** the text line it was found in, for the log */
  readonly text: string;
}

export interface Glyph {
  /** what to draw (the original character, or REPLACEMENT_CHAR) */
  readonly char: string;
  /** font-A columns the glyph spans: 1 or 2 (0 = combining, drawn over the previous glyph) */
  readonly columns: 0 | 1 | 2;
}

/** Invisible by definition (zero-width space/joiners, variation selectors, BOM): nothing to draw or report. */
function isIgnorable(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff
  );
}

const isControl = (cp: number): boolean => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);

/**
 * The glyphs for `text`. A missing character keeps its column span (so columns laid out for text mode stay
 * aligned) and is drawn as REPLACEMENT_CHAR; every occurrence is passed to `onMissing`.
 */
export function toGlyphs(
  text: string,
  covers: (codePoint: number) => boolean,
  onMissing: (missing: MissingChar) => void,
): Glyph[] {
  const out: Glyph[] = [];
  // Walk code points (a surrogate pair is one character) while keeping the UTF-16 index for the report.
  for (let index = 0; index < text.length;) {
    const codePoint = text.codePointAt(index) ?? 0;
    const char = String.fromCodePoint(codePoint);
    const at = index;
    index += char.length;
    if (isIgnorable(codePoint)) continue;
    const width = codePointWidth(codePoint);
    // Controls have width 0 in the layout but must not vanish: they become one visible box.
    const columns = isControl(codePoint) ? 1 : width;
    if (!isControl(codePoint) && covers(codePoint)) {
      out.push({ char, columns });
      continue;
    }
    onMissing({ char, codePoint, index: at, replacement: REPLACEMENT_CHAR, text });
    out.push({ char: REPLACEMENT_CHAR, columns: columns === 0 ? 1 : columns });
  }
  return out;
}
