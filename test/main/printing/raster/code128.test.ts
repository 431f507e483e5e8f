import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE128_PATTERNS, code128Modules, code128Values } from '../../../../main/printing/raster/code128';
import { renderReceipt } from '../../../../main/printing/raster/render';
import { RECEIPT_NO, chineseSale, must } from '../../../support/raster';

/**
 * A scanner's view: module widths -> symbol values -> text, checking the start code, mod-103 check and stop.
 * Code sets B and C only (all we emit).
 */
function decodeModules(modules: readonly number[]): string {
  const symbols: number[] = [];
  for (let i = 0; i + 6 <= modules.length; i += 6) {
    const pattern = modules.slice(i, i + (modules.length - i === 7 ? 7 : 6)).join('');
    const v = CODE128_PATTERNS.indexOf(pattern);
    if (v < 0) throw new Error(`no CODE128 symbol ${pattern}`);
    symbols.push(v);
    if (v === 106) break;
  }
  expect(symbols.at(-1)).toBe(106);
  const data = symbols.slice(0, -2);
  const check = data.reduce((s, v, k) => s + v * Math.max(1, k), 0) % 103;
  expect(symbols.at(-2)).toBe(check);
  let set = data[0] === 105 ? 'C' : data[0] === 104 ? 'B' : '?';
  let out = '';
  for (const v of data.slice(1)) {
    // In code set C, 99 is the digit pair "99"; only in set B is it the switch to C.
    if (v === 99 && set === 'B') set = 'C';
    else if (v === 100 && set === 'C') set = 'B';
    else if (set === 'C') out += String(v).padStart(2, '0');
    else if (set === 'B') out += String.fromCharCode(v + 32);
    else throw new Error(`bad start ${data[0]}`);
  }
  return out;
}

describe('CODE128', () => {
  it('every pattern is 3 bars + 3 spaces of 11 modules (stop: 13), and all are distinct', () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    expect(new Set(CODE128_PATTERNS).size).toBe(107);
    for (const p of CODE128_PATTERNS.slice(0, 106))
      expect([...p].reduce((a, b) => a + Number(b), 0)).toBe(11);
    expect(CODE128_PATTERNS[106]).toBe('2331112');
  });

  it('the table is the ISO/IEC 15417 one (spot values, and a digest of the whole table as checked once)', () => {
    // Spot values: space, '!', '"' in set B; '0' (value 16); start A/B/C.
    expect(CODE128_PATTERNS.slice(0, 3)).toEqual(['212222', '222122', '222221']);
    expect(CODE128_PATTERNS[16]).toBe('123122');
    expect(CODE128_PATTERNS.slice(103)).toEqual(['211412', '211214', '211232', '2331112']);
    // Compared entry by entry against an independent ISO-checked copy (zint's C128Table) when written; any
    // edit to the table changes this digest.
    const digest = createHash('sha256').update(CODE128_PATTERNS.join(',')).digest('hex');
    expect(digest).toBe('e7c485b7f79b124f215d4e34973742632bd63edace80b79bcae8c605f9f4cdab');
  });

  it('golden values: Wikipedia in set B (check 88), digits in set C, receipt number mixed', () => {
    expect(code128Values('Wikipedia')).toEqual([104, 55, 73, 75, 73, 80, 69, 68, 73, 65, 88, 106]);
    expect(code128Values('123456')).toEqual([105, 12, 34, 56, 44, 106]);
    // R, then 2026 1125 in set C, '-' in set B, 0042 in set C.
    expect(code128Values(RECEIPT_NO).slice(0, 9)).toEqual([104, 50, 99, 20, 26, 11, 25, 100, 13]);
  });

  it('rejects what CODE128 set B cannot carry', () => {
    expect(() => code128Values('')).toThrow(RangeError);
    expect(() => code128Values('可乐')).toThrow(RangeError);
  });

  it('round-trips any printable ASCII through the module widths', () => {
    // Digit runs with "99" in them once tripped this test's own decoder (fast-check found "9999").
    for (const data of ['9999', '1299', 'A9999B', '99'])
      expect(decodeModules(code128Modules(data))).toBe(data);
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]{1,30}$/), (data) => {
        expect(decodeModules(code128Modules(data))).toBe(data);
      }),
    );
  });

  it('the barcode in the raster receipt scans back as the receipt number', () => {
    const r = renderReceipt(chineseSale(48), { widthDots: 576 });
    const region = must(r.regions.find((g) => g.kind === 'barcode'));
    const page = must(r.pages[0]);
    // Scan one row through the bars' middle: run lengths of black/white, from the first bar to the last.
    const y = region.top + Math.floor(region.height * 0.6);
    const row = [...page.pixels.subarray(y * page.width, (y + 1) * page.width)];
    const first = row.indexOf(1);
    const last = row.lastIndexOf(1);
    const runs: number[] = [];
    for (let x = first; x <= last; x++) {
      if (x === first || row[x] !== row[x - 1]) runs.push(0);
      runs[runs.length - 1] = (runs.at(-1) ?? 0) + 1;
    }
    const unit = Math.min(...runs);
    expect(unit).toBeGreaterThanOrEqual(2); // 2-3 dot modules on 80 mm paper
    expect(runs.every((r) => r % unit === 0)).toBe(true);
    expect(decodeModules(runs.map((r) => r / unit))).toBe(RECEIPT_NO);
    // Quiet zones: nothing within 10 modules either side.
    expect(row.slice(first - 10 * unit, first).every((d) => d === 0)).toBe(true);
  });
});
