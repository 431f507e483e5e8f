// One normal form for catalog text, applied both to what is indexed and to what the cashier types, so that
// "ＣＯＬＡ", "Cola" and " cola " all meet at "cola".

const needsMapping = (c: number): boolean =>
  c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x3000 || (c >= 0xff01 && c <= 0xff5e);

/**
 * Full-width ASCII (U+FF01-FF5E, typed by a Chinese IME) -> half-width, ideographic space -> space,
 * control characters -> space, lower-case, runs of whitespace -> one space, trimmed.
 */
export function normaliseText(text: string): string {
  let i = 0;
  while (i < text.length && !needsMapping(text.charCodeAt(i))) i++;
  // Most names need no mapping: skip the character-by-character rebuild (index build time at 200k products).
  let out = text;
  if (i < text.length) {
    out = text.slice(0, i);
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
      else if (needsMapping(c)) out += ' ';
      else out += text[i];
    }
  }
  return out.toLowerCase().replace(/\s+/g, ' ').trim();
}
