// One call from a validated receipt file (or a refund, or an X / Z report) to printer bytes: picks the layout width from the
// profile and the encoder from the mode (text: ESC/POS with Chinese mode; raster: the document as GS v 0
// images). Shared by the CLI and the print queue.
import type { Locale, RefundView } from '../api/contract';
import type { ReportView } from '../api/contract/reports';
import type { ReceiptDocument } from '../../native/escpos/encode/document';
import type { DrawerPulse } from '../../native/escpos/encode/drawer';
import type { OnUnprintable } from '../../native/escpos/encode/chinese-text';
import type { PrintMode, PrinterProfile } from '../../native/escpos/encode/profiles';
import { encodeTextMode } from '../../native/escpos/encode/text-mode';
import type { ParsedReceiptFile } from './sale-json';
import type { ReceiptStore } from './receipt-input';
import { layoutReceipt } from './receipt-layout';
import { layoutRefundSlip } from './refund-layout';
import { layoutReport } from './report-layout';
import { rasterReceiptJob } from './raster/raster-job';

export interface RenderOptions {
  readonly profile: PrinterProfile;
  readonly mode?: PrintMode;
  /** overrides the file's receipt.copy (a reprint from the sales history) */
  readonly copy?: boolean;
  readonly drawer?: DrawerPulse | null;
  readonly onUnprintable?: OnUnprintable;
}

interface Target {
  readonly columns: 32 | 48;
  readonly raster: boolean;
  /** A Chinese ROM font and the bundled raster font have the full-width ￥; Latin code pages only ¥. */
  readonly fullWidthYen: boolean;
}

function target(opts: RenderOptions): Target {
  const { profile } = opts;
  const raster = (opts.mode ?? profile.defaultMode) === 'raster';
  if (profile.columns !== 32 && profile.columns !== 48) {
    throw new RangeError(
      `Profile "${profile.id}" has ${profile.columns} columns; receipts are laid out for 32 or 48.`,
    );
  }
  return { columns: profile.columns, raster, fullWidthYen: raster || profile.capabilities.cjkFont };
}

function encode(doc: ReceiptDocument, raster: boolean, opts: RenderOptions): Uint8Array {
  if (raster) {
    const onMissing = opts.onUnprintable;
    return rasterReceiptJob(doc, opts.profile, {
      drawer: opts.drawer ?? null,
      ...(onMissing ? { onMissing } : {}),
    }).bytes;
  }
  return encodeTextMode(doc, opts.profile, {
    drawer: opts.drawer ?? null,
    onUnprintable: opts.onUnprintable,
  });
}

export function renderReceipt(file: ParsedReceiptFile, opts: RenderOptions): Uint8Array {
  const t = target(opts);
  const doc = layoutReceipt(file.sale, file.store, {
    widthColumns: t.columns,
    locale: file.receipt.locale,
    copy: opts.copy ?? file.receipt.copy,
    lookupUrl: file.receipt.lookupUrl,
    timeZone: file.receipt.timeZone,
    fullWidthYen: t.fullWidthYen,
  });
  return encode(doc, t.raster, opts);
}

export interface RefundSlipInput {
  readonly refund: RefundView;
  readonly store: ReceiptStore;
  readonly locale: Locale;
  readonly timeZone: string;
}

/** The refund slip's bytes; `opts.copy` marks a slip re-sent after an interruption. */
export function renderRefundSlip(input: RefundSlipInput, opts: RenderOptions): Uint8Array {
  const t = target(opts);
  const doc = layoutRefundSlip(input.refund, input.store, {
    widthColumns: t.columns,
    locale: input.locale,
    copy: opts.copy ?? false,
    timeZone: input.timeZone,
    fullWidthYen: t.fullWidthYen,
  });
  return encode(doc, t.raster, opts);
}

export interface ReportPrintInput {
  readonly report: ReportView;
  readonly locale: Locale;
  readonly timeZone: string;
}

/** An X or Z report's bytes; `opts.copy` marks a reprint (or a report re-sent after an interruption). */
export function renderReport(input: ReportPrintInput, opts: RenderOptions): Uint8Array {
  const t = target(opts);
  const doc = layoutReport(input.report, {
    widthColumns: t.columns,
    locale: input.locale,
    copy: opts.copy ?? false,
    timeZone: input.timeZone,
  });
  return encode(doc, t.raster, opts);
}
