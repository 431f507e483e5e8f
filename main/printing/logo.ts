// The store logo (config store.logoPath): a PNG loaded once at start-up, scaled to fit the receipt header and
// thresholded to printer dots. A missing or unreadable file is logged and the receipt prints without a logo:
// printing must never fail because of a logo.
import fs from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { MonoBitmap } from '../../native/escpos/encode/raster';
import type { Logger } from '../../native/log/logger';
import { thresholdToMono } from './raster/threshold';

/** The logo takes at most this share of the paper width... */
export const LOGO_MAX_WIDTH_SHARE = 0.6;
/** ...and at most this many dots (20 mm at 203 dpi) of paper. */
export const LOGO_MAX_HEIGHT_DOTS = 160;

/** The size `width` x `height` is drawn at: shrunk (never enlarged) to fit, aspect ratio kept. */
export function logoFit(width: number, height: number, widthDots: number): { width: number; height: number } {
  const maxWidth = Math.floor(widthDots * LOGO_MAX_WIDTH_SHARE);
  const scale = Math.min(1, maxWidth / width, LOGO_MAX_HEIGHT_DOTS / height);
  return {
    width: Math.max(1, Math.min(maxWidth, Math.round(width * scale))),
    height: Math.max(1, Math.min(LOGO_MAX_HEIGHT_DOTS, Math.round(height * scale))),
  };
}

/** The logo at `path` as printer dots for paper `widthDots` wide; null (with a warning) when it cannot be. */
export async function loadLogo(path: string, widthDots: number, log: Logger): Promise<MonoBitmap | null> {
  try {
    const image = await loadImage(await fs.promises.readFile(path));
    if (!(image.width > 0 && image.height > 0)) throw new Error('the image is empty');
    const size = logoFit(image.width, image.height, widthDots);
    const canvas = createCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0, size.width, size.height);
    return thresholdToMono(ctx.getImageData(0, 0, size.width, size.height));
  } catch (err) {
    log('warn', 'Store logo not printed: cannot load the image at store.logoPath', {
      path,
      error: err instanceof Error ? err.message : String(err),
    });
    return null;
  }
}

/** loadLogo for a path that may not be configured: no path, no logo (and no warning). */
export function loadStoreLogo(
  path: string | null | undefined,
  widthDots: number,
  log: Logger,
): Promise<MonoBitmap | null> {
  return path ? loadLogo(path, widthDots, log) : Promise.resolve(null);
}
