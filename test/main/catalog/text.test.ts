import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../main/catalog/text';

describe('normaliseText', () => {
  it('trims, lower-cases and collapses whitespace', () => {
    expect(normaliseText('  Coca   COLA \t 330ml ')).toBe('coca cola 330ml');
  });

  it('turns full-width ASCII and the ideographic space into half-width', () => {
    expect(normaliseText('ＣＯＬＡ\u3000３３０ｍｌ')).toBe('cola 330ml');
  });

  it('leaves Chinese alone and turns control characters into spaces', () => {
    expect(normaliseText('可口\u0001可乐\r\n')).toBe('可口 可乐');
  });

  it('blank -> empty', () => {
    expect(normaliseText(' \u3000 ')).toBe('');
  });
});
