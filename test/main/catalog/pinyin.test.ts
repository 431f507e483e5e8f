import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { pinyinKeys } from '../../../main/catalog/pinyin';
import { normaliseText } from '../../../main/catalog/text';

describe('pinyinKeys', () => {
  it('initials and full toneless pinyin', () => {
    expect(pinyinKeys('可口可乐')).toEqual({ initials: 'kkkl', full: 'kekoukele' });
  });

  it('keeps Latin letters and digits, lower-cased, drops spaces and punctuation', () => {
    expect(pinyinKeys('农夫山泉550ml')).toEqual({ initials: 'nfsq550ml', full: 'nongfushanquan550ml' });
    expect(pinyinKeys('可口可乐 330ML')).toEqual({ initials: 'kkkl330ml', full: 'kekoukele330ml' });
    expect(pinyinKeys('Coca-Cola·可乐')).toEqual({ initials: 'cocacolakl', full: 'cocacolakele' });
  });

  it('full-width letters and digits count as their ASCII forms', () => {
    expect(pinyinKeys('ＡＤ钙奶２２０ｍｌ')).toEqual({ initials: 'adgn220ml', full: 'adgainai220ml' });
  });

  it('ü is written v', () => {
    expect(pinyinKeys('绿茶')).toEqual({ initials: 'lc', full: 'lvcha' });
  });

  it('polyphonic characters as pinyin-pro resolves them in context', () => {
    expect(pinyinKeys('银行').full).toBe('yinhang');
    expect(pinyinKeys('重庆小面').full).toBe('chongqingxiaomian');
    expect(pinyinKeys('长城干红').initials).toBe('ccgh');
  });

  it('empty and symbol-only names give empty keys', () => {
    expect(pinyinKeys('')).toEqual({ initials: '', full: '' });
    expect(pinyinKeys(' ·—! ')).toEqual({ initials: '', full: '' });
  });
});

describe('pinyinKeys: the fast array form gives the keys of the per-character detail form', () => {
  // The reference: pinyin-pro's per-character data, Chinese characters by their syllable, others kept when
  // they are a letter or digit (what pinyinKeys computed before it used the array form).
  const reference = (name: string): { initials: string; full: string } => {
    let initials = '';
    let full = '';
    const text = normaliseText(name);
    if (text === '') return { initials, full };
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
  };

  it('on polyphones, ü, rare and astral characters, punctuation and 20,000 seeded random names', () => {
    let seed = 20250301;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const names = [
      '银行',
      '行长',
      '重庆',
      '长大',
      '绿茶女装',
      '一个不要',
      '〇',
      '𠮷野家',
      'éñ',
      '呣嗯啊',
      '薄荷薄饼',
    ];
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      for (let j = 1 + Math.floor(rnd() * 10); j > 0; j--) {
        const r = rnd();
        if (r < 0.8) s += String.fromCharCode(0x4e00 + Math.floor(rnd() * (0x9fff - 0x4e00)));
        else if (r < 0.9) s += 'abcXYZ019 -·,.()ＡＢ１'[Math.floor(rnd() * 19)];
        else s += String.fromCharCode(0x3400 + Math.floor(rnd() * 0x19b5));
      }
      names.push(s);
    }
    const differ = names.filter((n) => JSON.stringify(pinyinKeys(n)) !== JSON.stringify(reference(n)));
    expect(differ).toEqual([]);
  });
});
