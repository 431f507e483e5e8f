import { describe, expect, it } from 'vitest';
import { pinyinKeys } from '../../../main/catalog/pinyin';

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
