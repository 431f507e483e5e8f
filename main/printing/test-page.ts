// The device settings' test page: store name, profile and mode, a line of Chinese, a ruler as wide as the
// paper and the time, encoded exactly as receipts are (text mode with the printer's fonts, or raster). A
// text-mode page on a printer without a Chinese font fails RasterRequiredError, which the test reports.
import type { ReceiptDocument } from '../../native/escpos/encode/document';
import type { PrintMode, PrinterProfile } from '../../native/escpos/encode/profiles';
import { encodeTextMode } from '../../native/escpos/encode/text-mode';
import { rasterReceiptJob } from './raster/raster-job';
import { DOUBLE, rows, text } from './receipt-blocks';

export interface TestPageInput {
  readonly storeName: string;
  readonly profile: PrinterProfile;
  readonly mode: PrintMode;
  /** "2026-12-06 09:30" as the shop reads it */
  readonly time: string;
}

/** The Chinese line: common Hanzi and full-width punctuation a GB18030 font must have. */
export const TEST_PAGE_CHINESE = '中文测试：收银打印正常';

/** "1234567890" repeated to `columns` characters: each column's last digit, so a cut-off ruler shows where. */
export function ruler(columns: number): string {
  return Array.from({ length: columns }, (_, i) => String((i + 1) % 10)).join('');
}

export function testPageDocument(p: TestPageInput): ReceiptDocument {
  const width = p.profile.columns;
  const center = { align: 'center' } as const;
  return {
    widthColumns: width,
    blocks: [
      ...text(p.storeName, width, { ...center, bold: true, size: DOUBLE }),
      ...text('Test print / 打印测试', width, { ...center, bold: true }),
      { kind: 'separator', char: '=' },
      ...text(`Profile: ${p.profile.id}`, width),
      ...text(`Paper: ${p.profile.paperMm} mm, ${width} columns`, width),
      ...text(`Mode: ${p.mode}`, width),
      ...text(TEST_PAGE_CHINESE, width),
      ...rows([ruler(width)]),
      { kind: 'separator', char: '-' },
      ...text(p.time, width, center),
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}

/** The page's bytes for this printer. Throws RasterRequiredError (text mode, no Chinese font). */
export function testPageBytes(p: TestPageInput): Uint8Array {
  const doc = testPageDocument(p);
  return p.mode === 'raster' ? rasterReceiptJob(doc, p.profile).bytes : encodeTextMode(doc, p.profile);
}
