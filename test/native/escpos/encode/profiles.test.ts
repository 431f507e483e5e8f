import { describe, expect, it } from 'vitest';
import { PROFILES, findProfile, withPaperWidth } from '../../../../native/escpos/encode/profiles';

describe('printer profiles', () => {
  it('has epson-80, cn-80 and cn-58 with unique ids', () => {
    expect(PROFILES.map((p) => p.id)).toEqual(['epson-80', 'cn-80', 'cn-58']);
  });

  it('derives columns from dots: 12-dot font A, 576 dots on 80 mm, 384 on 58 mm', () => {
    for (const p of PROFILES) {
      expect(p.columns).toBe(p.widthDots / 12);
      expect(p.widthDots).toBe(p.paperMm === 80 ? 576 : 384);
    }
  });

  it('prints Chinese in text mode only where there is a Chinese font', () => {
    expect(findProfile('epson-80')?.capabilities.cjkFont).toBe(false);
    expect(findProfile('epson-80')?.defaultMode).toBe('raster');
    expect(findProfile('cn-80')?.capabilities.cjkFont).toBe(true);
    expect(findProfile('cn-58')?.columns).toBe(32);
  });

  it('re-targets a profile to other paper', () => {
    const cn80 = findProfile('cn-80');
    if (!cn80) throw new Error('cn-80 missing');
    const narrow = withPaperWidth(cn80, 58);
    expect(narrow).toMatchObject({ id: 'cn-80', paperMm: 58, columns: 32, widthDots: 384 });
    expect(withPaperWidth(cn80, 80)).toBe(cn80);
    expect(findProfile('nope')).toBeUndefined();
  });
});
