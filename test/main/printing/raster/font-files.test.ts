import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { gb2312Chars } from '../../../../main/printing/raster/charset';
import { fontCoverage as readCoverage } from '../../../../native/fonts/font-coverage';
import { FONT_FILES, defaultFontDir } from '../../../../main/printing/raster/font-files';
import { loadReceiptFont } from '../../../../main/printing/raster/fonts';
import { thresholdToMono } from '../../../../main/printing/raster/threshold';

const FONT_DIR = defaultFontDir();
const file = (weight: keyof typeof FONT_FILES): string => path.join(FONT_DIR, FONT_FILES[weight]);
const cps = (s: string): number[] => [...s].map((c) => c.codePointAt(0) ?? 0);

describe('bundled receipt font (resources/fonts)', () => {
  for (const weight of ['regular', 'bold'] as const) {
    it(`${weight}: exists, is a few MB at most, and covers receipt text and all of GB2312`, () => {
      const bytes = fs.readFileSync(file(weight));
      expect(bytes.length).toBeGreaterThan(500_000);
      expect(bytes.length).toBeLessThan(3_000_000);
      const covered = readCoverage(bytes);
      for (const cp of cps('可口可乐￥¥，。：；！？（）【】《》、—□ AZaz09'))
        expect(covered.has(cp)).toBe(true);
      expect(gb2312Chars().filter((c) => !covered.has(c.codePointAt(0) ?? 0))).toEqual([]);
      // Really a subset: CJK extension B and a random rare GBK-only Hanzi are gone.
      expect(covered.has(0x20000)).toBe(false);
      expect(covered.has(0x4e42)).toBe(false); // 乂 is GBK, not GB2312
    });
  }

  it('the subset keeps the upstream glyph mapping (coverage is a subset of the full font)', () => {
    const require = createRequire(import.meta.url);
    const full = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
    const upstream = readCoverage(fs.readFileSync(full));
    const subset = readCoverage(fs.readFileSync(file('regular')));
    expect(upstream.size).toBeGreaterThan(subset.size * 3);
    expect([...subset].filter((cp) => !upstream.has(cp))).toEqual([]);
  });

  it('ships the OFL next to the font, with a README naming the source', () => {
    expect(fs.readFileSync(path.join(FONT_DIR, 'OFL.txt'), 'utf8')).toContain('SIL Open Font License');
    expect(fs.readFileSync(path.join(FONT_DIR, 'README.md'), 'utf8')).toContain('build-font-subset');
  });

  it('draws 可口可乐 and ￥ with ink, and bold with more ink than regular', () => {
    const { family, covers } = loadReceiptFont();
    for (const cp of cps('可口可乐￥')) expect(covers(cp)).toBe(true);
    const ink = (text: string, bold: boolean): number => {
      const canvas = createCanvas(200, 40);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 200, 40);
      ctx.fillStyle = '#000';
      ctx.font = `${bold ? 'bold ' : ''}24px "${family}"`;
      ctx.fillText(text, 4, 30);
      return thresholdToMono(ctx.getImageData(0, 0, 200, 40)).pixels.reduce((a, b) => a + b, 0);
    };
    expect(ink('可口可乐', false)).toBeGreaterThan(4 * 60);
    expect(ink('￥', false)).toBeGreaterThan(40);
    expect(ink('可口可乐', true)).toBeGreaterThan(ink('可口可乐', false) * 1.2);
  });
});

describe('where the fonts are', () => {
  it('the packaged app: <resources>/fonts, where forge.config.ts puts resources/fonts', () => {
    expect(defaultFontDir('/opt/CounterPOS/resources')).toBe('/opt/CounterPOS/resources/fonts');
    const forge = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../forge.config.ts'), 'utf8');
    expect(forge).toContain("extraResource: ['resources/fonts']");
  });

  it('the source checkout: its resources/fonts (no Electron resources path under Node)', () => {
    expect(defaultFontDir(undefined)).toBe(path.resolve(import.meta.dirname, '../../../../resources/fonts'));
  });
});
