// Training mode shows on screen what the emulated printer printed: for each sale, the roll items its most
// recent printed receipt job put on paper (remembered when the job is printed), rendered to a PNG only when
// asked for and cached per job. It is the emulator's own paper, not a fresh layout, so the picture is exactly
// what a real printer fed the same bytes would have printed. Kept in memory: after a restart the emulator's
// paper is gone too, and the answer is null until the sale is printed again.
import path from 'node:path';
import type { RollItem } from '../../../native/emulators/paper-roll';
import { renderRollToPng } from '../../../native/emulators/roll-png';
import { FONT_FILES, defaultFontDir } from '../raster/font-files';
import type { EmulatedPrinterPort } from './emulated-printer';
import type { PrintJob } from './job-repo';

export interface ReceiptImagesDeps {
  readonly port: EmulatedPrinterPort;
  /** printable width of the paper in dots (576 on 80 mm) */
  readonly widthDots: () => number;
  /** where the receipt fonts are; default: the checkout's resources/fonts */
  readonly fontDir?: string;
  /** how many rendered PNGs to keep (oldest dropped first); default 16 */
  readonly cacheSize?: number;
}

export interface ReceiptImages {
  /** The worker printed `job` on the emulated printer (call right after, before the next print). */
  recordPrinted(job: PrintJob): void;
  /** The `data:image/png;base64,...` of the sale's most recent printed receipt, or null. */
  forSale(saleId: string): string | null;
}

interface Printed {
  readonly jobId: number;
  readonly items: readonly RollItem[];
}

export function createReceiptImages(deps: ReceiptImagesDeps): ReceiptImages {
  const bySale = new Map<string, Printed>();
  const cache = new Map<number, string>(); // jobId -> data URL, in insertion (= use) order
  const cacheSize = deps.cacheSize ?? 16;

  const render = (items: readonly RollItem[]): string => {
    const dir = deps.fontDir ?? defaultFontDir();
    const png = renderRollToPng(items, {
      widthDots: deps.widthDots(),
      fontPath: path.join(dir, FONT_FILES.regular),
      boldFontPath: path.join(dir, FONT_FILES.bold),
    });
    return `data:image/png;base64,${png.toString('base64')}`;
  };

  return {
    recordPrinted(job) {
      if (job.kind !== 'receipt' || job.saleId === null) return;
      const at = deps.port.lastPrint;
      if (!at) return;
      bySale.set(job.saleId, { jobId: job.id, items: deps.port.printer.roll.slice(at.start, at.end) });
    },
    forSale(saleId) {
      const printed = bySale.get(saleId);
      if (!printed) return null;
      let url = cache.get(printed.jobId);
      if (url === undefined) {
        url = render(printed.items);
        if (cache.size >= cacheSize) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      } else {
        cache.delete(printed.jobId);
      }
      cache.set(printed.jobId, url);
      return url;
    },
  };
}
