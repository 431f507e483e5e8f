// An independent oracle: bytes from a published encoder (@point-of-sale/receipt-printer-encoder) must decode
// to the commands that were asked for, with nothing unknown — our decoder is not only checked against itself.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../../native/escpos/decoder';
import type { DecoderEvent } from '../../../../native/escpos/decoder';
import { EscPosPrinter } from '../../../../native/emulators/escpos-printer';

const encoder = (imageMode: 'raster' | 'column' = 'raster') =>
  new ReceiptPrinterEncoder({ language: 'esc-pos', columns: 48, imageMode });
const problems = (events: DecoderEvent[]) =>
  events.filter((e) => e.type === 'unknown' || e.type === 'error' || e.type === 'truncated');

describe('decoding a third-party encoder', () => {
  it('decodes a receipt with text, barcode, QR, pulse and cut', () => {
    const bytes = encoder()
      .initialize()
      .codepage('cp437')
      .align('center')
      .bold(true)
      .line('SHOP')
      .bold(false)
      .align('left')
      .line('Total 12.50')
      .barcode('4006381333931', 'ean13', 60)
      .qrcode('https://example.com', { model: 2, size: 6, errorlevel: 'm' })
      .pulse(0, 100, 500)
      .cut('partial')
      .encode();
    const events = decodeEscPos(bytes);
    expect(problems(events)).toEqual([]);
    const find = <T extends DecoderEvent['type']>(t: T) =>
      events.filter((e): e is Extract<DecoderEvent, { type: T }> => e.type === t);
    // It centres by padding with spaces itself rather than with ESC a.
    expect(find('text').map((e) => e.text)).toEqual([' '.repeat(22), 'SHOP', 'Total 12.50']);
    expect(find('barcode')).toMatchObject([{ symbology: 'EAN13', text: '4006381333931' }]);
    expect(find('qrModel')).toMatchObject([{ model: 2 }]);
    expect(find('qrModuleSize')).toMatchObject([{ size: 6 }]);
    expect(find('qrErrorLevel')).toMatchObject([{ level: 'M' }]);
    expect(new TextDecoder().decode(find('qrStore')[0]?.data)).toBe('https://example.com');
    expect(find('drawerPulse')).toMatchObject([{ pin: 2, onMs: 100, offMs: 500 }]);
    expect(find('cut')).toMatchObject([{ partial: true }]);

    const printer = new EscPosPrinter();
    printer.write(bytes);
    expect(printer.renderText().split('\n')).toEqual([
      '                      SHOP',
      'Total 12.50',
      '[barcode EAN13 4006381333931]',
      '',
      '[qr https://example.com]',
      '',
      '',
      '- - - partial cut - - -',
      '',
    ]);
    expect(printer.drawerOpen).toBe(true);
  });

  // A 16x8 image with one diagonal line: the bit data must come out exactly.
  const w = 16;
  const h = 8;
  const rgba = new Uint8ClampedArray(w * h * 4).map((_, i) => {
    const px = i >> 2;
    return i % 4 === 3 || px % w !== Math.floor(px / w) ? 255 : 0;
  });
  const image = { width: w, height: h, data: rgba } as never; // the encoder takes any ImageData-shaped object

  it('decodes its raster image (GS v 0) bit for bit', () => {
    const events = decodeEscPos(encoder('raster').initialize().image(image, w, h, 'threshold').encode());
    expect(problems(events)).toEqual([]);
    const raster = events.find((e) => e.type === 'rasterImage');
    expect(raster).toMatchObject({ widthBytes: 2, height: 8 });
    // Row y has dot y set: byte 0 for y < 8, MSB first.
    expect(Array.from(raster?.type === 'rasterImage' ? raster.data : [])).toEqual(
      Array.from({ length: 8 }, (_, y) => [0x80 >> y, 0]).flat(),
    );
  });

  it('decodes its column image (ESC *) band', () => {
    const events = decodeEscPos(encoder('column').initialize().image(image, w, h, 'threshold').encode());
    expect(problems(events)).toEqual([]);
    expect(events.find((e) => e.type === 'bitImage')).toMatchObject({ mode: 33, widthDots: 16 });
  });
});
