import { describe, expect, it } from 'vitest';
import type { ReceiptBlock, ReceiptDocument, TextBlock } from '../../../../native/escpos/encode/document';
import { findProfile } from '../../../../native/escpos/encode/profiles';
import type { PrinterProfile } from '../../../../native/escpos/encode/profiles';
import { RasterRequiredError, encodeTextMode } from '../../../../native/escpos/encode/text-mode';
import type { Unprintable } from '../../../../native/escpos/encode/chinese-text';

const profile = (id: string): PrinterProfile => {
  const p = findProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
};
const hex = (bytes: Uint8Array | readonly number[]): string =>
  [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
const doc = (blocks: ReceiptBlock[], widthColumns = 32): ReceiptDocument => ({ widthColumns, blocks });
const text = (t: string, over: Partial<TextBlock> = {}): TextBlock => ({
  kind: 'text',
  text: t,
  align: 'left',
  bold: false,
  size: { width: 1, height: 1 },
  ...over,
});

const INIT = '1b 40 1c 2e 1b 4d 00'; // ESC @, FS . (leave Chinese mode), ESC M 0 (font A)

describe('text mode bytes', () => {
  it('starts with init and leaves Chinese mode off', () => {
    expect(hex(encodeTextMode(doc([]), profile('cn-80')))).toBe(INIT);
  });

  it('prints a centred bold double-size Chinese line with ESC a, ESC E, GS ! and resets before the line feed', () => {
    const bytes = encodeTextMode(
      doc([text('可乐', { align: 'center', bold: true, size: { width: 2, height: 2 } })]),
      profile('cn-80'),
    );
    expect(hex(bytes)).toBe(
      `${INIT} 1b 61 01 1b 45 01 1d 21 11 1c 26 bf c9 c0 d6 1c 2e 1b 45 00 1d 21 00 0a`,
    );
  });

  it('sends ESC a only when the alignment changes', () => {
    const bytes = hex(
      encodeTextMode(doc([text('a'), text('b'), text('c', { align: 'right' })]), profile('cn-80')),
    );
    expect(bytes.match(/1b 61/g)).toHaveLength(2);
    expect(bytes).toContain('1b 61 02');
  });

  it('pulses the drawer with all five bytes right after init, only when asked', () => {
    const withDrawer = hex(
      encodeTextMode(doc([text('x')]), profile('cn-58'), { drawer: { pin: 5, t1: 30, t2: 60 } }),
    );
    expect(withDrawer.startsWith(`${INIT} 1b 70 01 1e 3c 1b 61 00`)).toBe(true);
    expect(hex(encodeTextMode(doc([text('x')]), profile('cn-58')))).not.toContain('1b 70');
  });

  it('refuses a drawer pulse on a printer without a drawer port', () => {
    const noDrawer = {
      ...profile('cn-80'),
      capabilities: { ...profile('cn-80').capabilities, drawer: false },
    };
    expect(() => encodeTextMode(doc([]), noDrawer, { drawer: { pin: 2, t1: 25, t2: 250 } })).toThrow(
      /drawer/,
    );
  });

  it('cuts on a printer with a cutter and only feeds on one without', () => {
    const blocks: ReceiptBlock[] = [{ kind: 'feed', lines: 3 }, { kind: 'cut' }];
    expect(hex(encodeTextMode(doc(blocks), profile('cn-80')))).toBe(`${INIT} 0a 0a 0a 1d 56 01 0a`);
    expect(hex(encodeTextMode(doc(blocks), profile('cn-58')))).toBe(`${INIT} 0a 0a 0a`);
  });

  it('prints a native QR (GS ( k) where supported and the URL as text where not', () => {
    const qr: ReceiptBlock = { kind: 'qr', data: 'https://r.cn/1', fallbackText: 'https://r.cn/1' };
    const native = hex(encodeTextMode(doc([qr], 48), profile('cn-80')));
    expect(native).toContain('1b 61 01 1d 28 6b 04 00 31 41 32 00'); // centred, model 2
    expect(native).toContain('1d 28 6b 03 00 31 43 06'); // module size 6
    expect(native).toContain('1d 28 6b 03 00 31 51 30'); // print
    const fallback = encodeTextMode(doc([qr]), profile('cn-58'));
    expect(hex(fallback)).not.toContain('1d 28 6b');
    expect(Buffer.from(fallback).toString('latin1')).toContain('https://r.cn/1\n');
  });

  it('prints the receipt number as CODE128 with code set C and a module that fits the paper', () => {
    const bc: ReceiptBlock = { kind: 'barcode', symbology: 'code128', data: 'R20261125-0042' };
    const wide = hex(encodeTextMode(doc([bc], 48), profile('cn-80')));
    expect(wide).toContain('1d 77 03 1d 48 02 1d 6b 49 10 7b 42 52 7b 43 14 1a 0b 19 7b 42 2d 7b 43 00 2a');
    expect(hex(encodeTextMode(doc([bc]), profile('cn-58')))).toContain('1d 77 02');
  });

  it('reports what a Chinese font cannot print and prints a visible stand-in', () => {
    const seen: Unprintable[] = [];
    const bytes = hex(
      encodeTextMode(doc([text('可乐😀')]), profile('cn-58'), { onUnprintable: (u) => seen.push(u) }),
    );
    expect(bytes).toContain('1c 26 bf c9 c0 d6 a1 f5 1c 2e');
    expect(seen.map((u) => u.char)).toEqual(['😀']);
  });

  it('requires raster mode for Chinese on a printer without a Chinese font, naming the characters', () => {
    const epson = profile('epson-80');
    const run = (): Uint8Array => encodeTextMode(doc([text('Coke 可乐')], 48), epson);
    expect(run).toThrow(RasterRequiredError);
    expect(run).toThrow(/raster mode is required/);
    try {
      run();
    } catch (e) {
      expect((e as RasterRequiredError).characters).toEqual(['可', '乐']);
    }
  });

  it('prints Latin text and the half-width yen on a printer without a Chinese font', () => {
    const bytes = encodeTextMode(doc([text('Total ¥3.50')], 48), profile('epson-80'));
    expect(hex(bytes)).toContain('54 6f 74 61 6c 20 9d 33 2e 35 30 0a'); // ¥ is 0x9D in code page 437
    expect(hex(bytes)).not.toContain('1c 26');
  });

  it('refuses a document laid out wider than the printer', () => {
    expect(() => encodeTextMode(doc([], 48), profile('cn-58'))).toThrow(/48 columns/);
  });
});
