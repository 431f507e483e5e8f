// The raster print path end to end: receipt document + printer profile -> `GS v 0` job bytes. This is what
// the print service sends to a printer whose profile says it has no Chinese ROM (or mode 'raster').
import type { DrawerPulse } from '../../../native/escpos/encode/drawer';
import type { ReceiptDocument } from '../../../native/escpos/encode/document';
import type { PrinterProfile } from '../../../native/escpos/encode/profiles';
import { encodeRasterJob } from '../../../native/escpos/encode/raster';
import type { MonoBitmap } from '../../../native/escpos/encode/raster';
import type { MissingChar } from './glyphs';
import { renderReceipt } from './render';

export interface RasterJob {
  readonly bytes: Uint8Array;
  /** the images sent, for a preview next to the print */
  readonly pages: readonly MonoBitmap[];
  readonly missing: readonly MissingChar[];
}

export interface RasterJobOptions {
  readonly onMissing?: (missing: MissingChar) => void;
  /** the packaged app's fonts directory; default: the checkout's resources/fonts */
  readonly fontDir?: string;
  readonly drawer?: DrawerPulse | null;
}

export function rasterReceiptJob(
  doc: ReceiptDocument,
  profile: Pick<PrinterProfile, 'id' | 'widthDots' | 'capabilities'>,
  options: RasterJobOptions = {},
): RasterJob {
  const { drawer = null, ...render } = options;
  if (drawer && !profile.capabilities.drawer)
    throw new Error(`Printer profile "${profile.id}" has no cash-drawer port.`);
  const { pages, missing } = renderReceipt(doc, { ...render, widthDots: profile.widthDots });
  // A printer without a cutter gets the paper fed past its tear bar instead of a GS V it would ignore.
  const bytes = encodeRasterJob(pages, { cut: profile.capabilities.cutter, drawer });
  return { bytes, pages, missing };
}
