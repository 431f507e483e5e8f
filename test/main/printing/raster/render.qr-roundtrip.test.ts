import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { renderReceipt } from '../../../../main/printing/raster/render';
import { monoToPng } from '../../../../main/printing/raster/to-png';
import { LOOKUP_URL, chineseSale, pngPixels, must } from '../../../support/raster';

describe('raster receipt QR code', () => {
  for (const [columns, dots] of [
    [48, 576],
    [32, 384],
  ] as const) {
    it(`reads back as the lookup URL from the PNG pixels (${dots} dots)`, async () => {
      const { pages } = renderReceipt(chineseSale(columns), { widthDots: dots });
      expect(pages).toHaveLength(1);
      const { width, height, data } = await pngPixels(monoToPng(must(pages[0])));
      expect(width).toBe(dots);
      const code = jsQR(data, width, height);
      expect(code?.data).toBe(LOOKUP_URL);
    });
  }

  it('prints the fallback text when the QR cannot fit at a scannable module size', () => {
    const doc = chineseSale(32);
    const long = `${LOOKUP_URL}?${'x'.repeat(600)}`;
    const blocks = doc.blocks.map((b) =>
      b.kind === 'qr' ? { ...b, data: long, fallbackText: 'SEE-WEB' } : b,
    );
    const { pages } = renderReceipt({ ...doc, blocks }, { widthDots: 384 });
    const withQr = must(renderReceipt(doc, { widthDots: 384 }).pages[0]);
    // The fallback is one text line, far shorter than a QR symbol.
    expect(must(pages[0]).height).toBeLessThan(withQr.height - 100);
  });
});
