// Shared fixtures for the raster tests: a Chinese sale as a receipt document (built by hand, so these tests do
// not move when the layout's wording does) and pixel helpers.
import { loadImage, createCanvas } from '@napi-rs/canvas';
import type { ReceiptDocument, TextBlock } from '../../native/escpos/encode/document';
import type { MonoBitmap } from '../../native/escpos/encode/raster';

export const LOOKUP_URL = 'https://r.example.cn/r/R20261125-0042';
export const RECEIPT_NO = 'R20261125-0042';

const line = (text: string, over: Partial<TextBlock> = {}): TextBlock => ({
  kind: 'text',
  text,
  align: 'left',
  bold: false,
  size: { width: 1, height: 1 },
  ...over,
});

export function chineseSale(widthColumns: 32 | 48 = 48): ReceiptDocument {
  const pad = (left: string, right: string): string => {
    const w = (s: string): number =>
      [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
    return left + ' '.repeat(Math.max(1, widthColumns - w(left) - w(right))) + right;
  };
  return {
    widthColumns,
    blocks: [
      line('好又多便利店', { align: 'center', bold: true, size: { width: 2, height: 2 } }),
      line('上海市徐汇区漕溪北路88号', { align: 'center' }),
      { kind: 'separator', char: '-' },
      line(`单号: ${RECEIPT_NO}`),
      { kind: 'separator', char: '=' },
      {
        kind: 'items',
        items: [],
        lines: [
          '可口可乐 330ml',
          pad('  2 x 3.50', '7.00'),
          '红富士苹果（散装称重）',
          pad('  1.250kg x 12.80/kg', '16.00'),
        ],
      },
      { kind: 'separator', char: '-' },
      line(pad('合计', '￥23.00'), { bold: true, size: { width: 1, height: 2 } }),
      line(pad('现金', '￥50.00')),
      line(pad('找零', '￥27.00')),
      { kind: 'barcode', symbology: 'code128', data: RECEIPT_NO },
      { kind: 'qr', data: LOOKUP_URL, fallbackText: LOOKUP_URL },
      line('扫码查看电子小票', { align: 'center' }),
      line('谢谢惠顾', { align: 'center' }),
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}

export function blackIn(
  bitmap: MonoBitmap,
  top: number,
  height: number,
  left = 0,
  width = bitmap.width,
): number {
  let n = 0;
  for (let y = top; y < top + height; y++) {
    for (let x = left; x < left + width; x++) n += bitmap.pixels[y * bitmap.width + x] ? 1 : 0;
  }
  return n;
}

/** Decodes a PNG back to RGBA pixels (what a scanner app would see). */
export async function pngPixels(
  png: Buffer,
): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data };
}

/** The value, or a test failure naming what was absent (instead of a non-null assertion). */
export function must<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`expected a ${what}`);
  return value;
}
