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

/** Punctuation and spaces are dropped so 'kkkl' still matches 可口·可乐 and 'Coca-Cola' keys as 'cocacola'. */
export function pinyinKeys(name: string): PinyinKeys {
  const text = normaliseText(name);
  if (text === '') return { initials: '', full: '' };
  let initials = '';
  let full = '';
  for (const ch of pinyin(text, { type: 'all', toneType: 'none', v: true })) {
    if (ch.isZh && ch.pinyin !== '') {
      initials += ch.first.toLowerCase();
      full += ch.pinyin.toLowerCase();
    } else if (/^[a-z0-9]$/.test(ch.origin)) {
      initials += ch.origin;
      full += ch.origin;
    }
  }
  return { initials, full };
}
