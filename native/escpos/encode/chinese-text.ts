// Text for printers with a Chinese ROM font. ASCII is sent as is; CJK runs are wrapped in `FS &` (enter
// Chinese mode) ... `FS .` (leave it) and encoded as GB18030. The ROM font has only the 2-byte GBK part of
// GB18030: a 4-byte sequence (emoji, U+00A5 ¥, rare ideographs) would print as two garbage characters and
// shift the rest of the line, so such characters are replaced VISIBLY and reported, never turned into '?'.
import iconv from 'iconv-lite';
import { concatBytes } from '../../bytes/concat';

export const FS_CHINESE_ON = [0x1c, 0x26] as const; // FS &
export const FS_CHINESE_OFF = [0x1c, 0x2e] as const; // FS .

/** A character the printer cannot print, and what was printed instead. */
export interface Unprintable {
  readonly char: string;
  readonly codePoint: number;
  /** UTF-16 index of the character in the text given to the encoder */
  readonly index: number;
  readonly replacement: string;
}

export type OnUnprintable = (u: Unprintable) => void;

/** One run of a line: ASCII for the normal font, or ready Chinese-mode bytes (FS & ... FS . included). */
export type TextSegment =
  | { readonly kind: 'ascii'; readonly text: string }
  | { readonly kind: 'cjk'; readonly text: string; readonly bytes: Uint8Array };

// Specific stand-ins that keep the meaning; everything else becomes a white square (GB A1F5).
const SUBSTITUTES: Readonly<Record<number, string>> = {
  0x00a5: '\uffe5', // ¥ -> ￥ (GB A3A4): the guide's advice, every Chinese ROM has it
};
export const FALLBACK_REPLACEMENT = '\u25a1'; // □

/** GBK bytes of one character, or null when it is not in the 2-byte range a ROM font has. */
export function gbkBytes(ch: string): Uint8Array | null {
  const bytes = iconv.encode(ch, 'gb18030');
  // iconv-lite writes '?' (0x3F) for what it cannot encode; a real 2-byte GBK code has a lead byte >= 0x81.
  if (bytes.length !== 2 || (bytes[0] ?? 0) < 0x81) return null;
  return new Uint8Array(bytes);
}

const isAsciiPrintable = (cp: number): boolean => (cp >= 0x20 && cp <= 0x7e) || cp === 0x0a;

/** Splits `text` into ASCII and Chinese-mode runs, replacing (and reporting) what cannot be printed. */
export function splitForChineseMode(text: string, onUnprintable?: OnUnprintable): TextSegment[] {
  const segments: TextSegment[] = [];
  let ascii = '';
  let cjkText = '';
  let cjkBytes: number[] = [];
  const flushAscii = (): void => {
    if (ascii !== '') segments.push({ kind: 'ascii', text: ascii });
    ascii = '';
  };
  const flushCjk = (): void => {
    if (cjkBytes.length > 0) {
      const bytes = new Uint8Array([...FS_CHINESE_ON, ...cjkBytes, ...FS_CHINESE_OFF]);
      segments.push({ kind: 'cjk', text: cjkText, bytes });
    }
    cjkText = '';
    cjkBytes = [];
  };

  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isAsciiPrintable(cp)) {
      flushCjk();
      ascii += ch;
    } else {
      flushAscii();
      let shown = ch;
      let bytes = gbkBytes(ch);
      if (bytes === null) {
        shown = SUBSTITUTES[cp] ?? FALLBACK_REPLACEMENT;
        bytes = gbkBytes(shown);
        if (bytes === null) throw new Error(`Replacement ${shown} is not in GBK.`); // a bug in the table above
        onUnprintable?.({ char: ch, codePoint: cp, index, replacement: shown });
      }
      cjkText += shown;
      cjkBytes.push(...bytes);
    }
    index += ch.length;
  }
  flushCjk();
  flushAscii();
  return segments;
}

/** The whole text as printer bytes: ASCII bytes and Chinese-mode runs. */
export function encodeChineseText(text: string, onUnprintable?: OnUnprintable): Uint8Array {
  const parts = splitForChineseMode(text, onUnprintable).map((s) =>
    s.kind === 'cjk' ? s.bytes : Uint8Array.from(s.text, (c) => c.charCodeAt(0)),
  );
  return concatBytes(parts);
}
