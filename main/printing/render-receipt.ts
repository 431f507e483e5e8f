// One call from a validated receipt file to printer bytes: picks the layout width from the profile and the
// encoder from the mode (text: ESC/POS with Chinese mode; raster: the receipt as GS v 0 images). Shared by
// the CLI and (later) the app's print service.
import type { DrawerPulse } from '../../native/escpos/encode/drawer';
import type { OnUnprintable } from '../../native/escpos/encode/chinese-text';
import type { PrintMode, PrinterProfile } from '../../native/escpos/encode/profiles';
import { encodeTextMode } from '../../native/escpos/encode/text-mode';
import type { ParsedReceiptFile } from './sale-json';
import { layoutReceipt } from './receipt-layout';
import { rasterReceiptJob } from './raster/raster-job';

export interface RenderOptions {
  readonly profile: PrinterProfile;
  readonly mode?: PrintMode;
  /** overrides the file's receipt.copy (a reprint from the sales history) */
  readonly copy?: boolean;
  readonly drawer?: DrawerPulse | null;
  readonly onUnprintable?: OnUnprintable;
}

export function renderReceipt(file: ParsedReceiptFile, opts: RenderOptions): Uint8Array {
  const { profile } = opts;
  const raster = (opts.mode ?? profile.defaultMode) === 'raster';
  if (profile.columns !== 32 && profile.columns !== 48) {
    throw new RangeError(
      `Profile "${profile.id}" has ${profile.columns} columns; receipts are laid out for 32 or 48.`,
    );
  }
  const doc = layoutReceipt(file.sale, file.store, {
    widthColumns: profile.columns,
    locale: file.receipt.locale,
    copy: opts.copy ?? file.receipt.copy,
    lookupUrl: file.receipt.lookupUrl,
    timeZone: file.receipt.timeZone,
    // A Chinese ROM font and the bundled raster font have the full-width ￥; Latin code pages only ¥.
    fullWidthYen: raster || profile.capabilities.cjkFont,
  });
  if (raster) {
    const onMissing = opts.onUnprintable;
    return rasterReceiptJob(doc, profile, {
      drawer: opts.drawer ?? null,
      ...(onMissing ? { onMissing } : {}),
    }).bytes;
  }
  return encodeTextMode(doc, profile, { drawer: opts.drawer ?? null, onUnprintable: opts.onUnprintable });
}
