// Pinyin search keys for product names, computed once when a product is written (products.pinyin_initials /
// pinyin_full) so search never converts at query time. Conversion, including polyphonic characters
// (银行 -> yinhang), is pinyin-pro's; this file only decides how the pieces are joined.
import { pinyin } from 'pinyin-pro';
import { normaliseText } from './text';

export interface PinyinKeys {
  /** first letter of each Chinese character, Latin letters and digits kept: 农夫山泉550ml -> nfsq550ml */
  readonly initials: string;
  /** toneless pinyin without separators, ü written v: 可口可乐 -> kekoukele, 绿茶 -> lvcha */
  readonly full: string;
}

const SYLLABLE_OR_ALNUM = /^[a-z0-9]+$/;

/**
 * Punctuation and spaces are dropped so 'kkkl' still matches 可口·可乐 and 'Coca-Cola' keys as 'cocacola'.
 * pinyin-pro's plain array form gives one element per character: a Chinese character's toneless syllable
 * (polyphones resolved by word), any other character as itself; letters and digits are kept either way. It
 * is ~2x faster than its per-character detail form (the CSV import computes 100,000 of these), and gives
 * the same keys (test/main/catalog/pinyin.test.ts compares them).
 */
export function pinyinKeys(name: string): PinyinKeys {
  const text = normaliseText(name);
  if (text === '') return { initials: '', full: '' };
  let initials = '';
  let full = '';
  for (const s of pinyin(text, { type: 'array', toneType: 'none', v: true })) {
    if (!SYLLABLE_OR_ALNUM.test(s)) continue;
    initials += s.charAt(0);
    full += s;
  }
  return { initials, full };
}
