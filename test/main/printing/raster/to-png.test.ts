import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monoToPng } from '../../../../main/printing/raster/to-png';
import { thresholdToMono } from '../../../../main/printing/raster/threshold';
import { pngPixels } from '../../../support/raster';

describe('monoToPng', () => {
  it('is a PNG whose pixels read back to the same bitmap', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 24 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 1 })),
        async (width, height, dots) => {
          const pixels = Uint8Array.from(dots.take(width * height));
          const png = monoToPng({ width, height, pixels });
          expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
          const back = thresholdToMono(await pngPixels(png));
          expect([...back.pixels]).toEqual([...pixels]);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('thresholdToMono', () => {
  it('dark grey prints, light grey and transparent do not', () => {
    const rgba = [60, 60, 60, 255, 200, 200, 200, 255, 0, 0, 0, 0, 0, 0, 0, 255];
    expect([...thresholdToMono({ width: 4, height: 1, data: rgba }).pixels]).toEqual([1, 0, 0, 1]);
  });
});
