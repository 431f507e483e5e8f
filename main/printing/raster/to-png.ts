// 1-bit bitmap -> PNG, for previews (the receipt CLI, the UI's "preview raster receipt") and for tests that
// read the image back (jsqr). What is in the PNG is exactly what the printer gets: black dot = black pixel.
import fs from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import type { MonoBitmap } from '../../../native/escpos/encode/raster';

export function monoToPng(bitmap: MonoBitmap): Buffer {
  // A zero-height canvas cannot encode; a 1-row white strip stands in for an empty page.
  const height = Math.max(1, bitmap.height);
  const canvas = createCanvas(bitmap.width, height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(bitmap.width, height);
  for (let i = 0; i < bitmap.width * height; i++) {
    const v = bitmap.pixels[i] ? 0 : 255;
    image.data.set([v, v, v, 255], i * 4);
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}

export function writeMonoPng(file: string, bitmap: MonoBitmap): void {
  fs.writeFileSync(file, monoToPng(bitmap));
}
