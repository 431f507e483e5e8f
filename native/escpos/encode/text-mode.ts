// Receipt document -> ESC/POS bytes in TEXT mode: the printer's own fonts. The encoder library does init,
// styles, Latin text, barcode, QR and cut; CJK runs are our own Chinese-mode bytes, passed through raw().
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { splitForChineseMode } from './chinese-text';
import type { OnUnprintable } from './chinese-text';
import { code128Data, code128ModuleDots } from './code128';
import type { Align, ReceiptDocument, TextBlock } from './document';
import { drawerPulseBytes } from './drawer';
import type { DrawerPulse } from './drawer';
import type { PrinterProfile } from './profiles';
import { encodeRaster } from './raster';

export interface TextModeOptions {
  /** kick the cash drawer (right after init, so it opens while the receipt prints) */
  readonly drawer?: DrawerPulse | null;
  /** told about every character a Chinese-font printer cannot print, and what is printed instead */
  readonly onUnprintable?: OnUnprintable;
}

/** The receipt has characters this printer's fonts cannot print: it must be sent as a raster image. */
export class RasterRequiredError extends Error {
  constructor(
    readonly profileId: string,
    readonly characters: readonly string[],
  ) {
    super(
      `Printer profile "${profileId}" has no Chinese font and cannot print ${characters
        .slice(0, 8)
        .join('')}${characters.length > 8 ? '…' : ''} in text mode: raster mode is required.`,
    );
    this.name = 'RasterRequiredError';
  }
}

// What a printer without a CJK font prints in text mode: ASCII and Latin-1, which the encoder maps to the
// printer's code pages. Anything else it would turn into '?'.
const LATIN = /[^\n\x20-\x7e\u00a0-\u00ff]/gu;

function documentTexts(doc: ReceiptDocument): string[] {
  return doc.blocks.flatMap((b) => {
    if (b.kind === 'text') return [b.text];
    if (b.kind === 'items') return [...b.lines];
    if (b.kind === 'qr') return [b.fallbackText];
    return [];
  });
}

function assertLatinOnly(doc: ReceiptDocument, profile: PrinterProfile): void {
  const found = new Set(documentTexts(doc).flatMap((t) => t.match(LATIN) ?? []));
  if (found.size > 0) throw new RasterRequiredError(profile.id, [...found]);
}

const ALIGN_BYTE: Readonly<Record<Align, number>> = { left: 0, center: 1, right: 2 };

/** ESC/POS bytes for `doc` on `profile`, using the printer's fonts. */
export function encodeTextMode(
  doc: ReceiptDocument,
  profile: PrinterProfile,
  opts: TextModeOptions = {},
): Uint8Array {
  if (doc.widthColumns > profile.columns) {
    throw new RangeError(
      `The receipt is laid out for ${doc.widthColumns} columns; "${profile.id}" prints ${profile.columns}.`,
    );
  }
  if (!profile.capabilities.cjkFont) assertLatinOnly(doc, profile);
  if (opts.drawer && !profile.capabilities.drawer) {
    throw new Error(`Printer profile "${profile.id}" has no cash-drawer port.`);
  }

  const enc = new ReceiptPrinterEncoder({
    columns: profile.columns,
    newline: '\n',
    feedBeforeCut: 0, // the document says how far to feed
    errors: 'strict', // an unsupported barcode must fail loudly, not vanish with a console warning
  });
  enc.initialize();
  if (opts.drawer) enc.raw(drawerPulseBytes(opts.drawer));

  // The encoder aligns text by padding with spaces it counts itself, and it cannot count the CJK bytes we pass
  // through raw(); so text lines use the printer's own alignment (ESC a), which measures the real glyphs.
  let align: Align | null = null;
  const line = (text: string, b?: TextBlock): void => {
    const want = b?.align ?? 'left';
    if (want !== align) enc.raw([0x1b, 0x61, ALIGN_BYTE[want]]);
    align = want;
    const styled = b !== undefined && (b.bold || b.size.width > 1 || b.size.height > 1);
    if (styled) enc.bold(b.bold).size(b.size.width, b.size.height);
    if (profile.capabilities.cjkFont) {
      for (const seg of splitForChineseMode(text, opts.onUnprintable)) {
        if (seg.kind === 'ascii') enc.text(seg.text);
        else enc.raw(seg.bytes);
      }
    } else if (text !== '') {
      enc.text(text);
    }
    // Back to plain before the line ends, or the encoder re-applies the style at the start of the next line.
    if (styled) enc.bold(false).size(1, 1);
    enc.newline();
  };
  // After a barcode or QR the encoder has set ESC a itself: force ours on the next line.
  const block = (draw: () => void): void => {
    enc.bold(false).size(1, 1).align('center');
    draw();
    enc.align('left');
    align = null;
  };

  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'text':
        line(b.text, b);
        break;
      case 'separator':
        line(b.char.repeat(doc.widthColumns));
        break;
      case 'items':
        for (const l of b.lines) line(l);
        break;
      case 'barcode': {
        const data = code128Data(b.data);
        const dots = code128ModuleDots(data, profile.widthDots);
        block(() => enc.barcode(data, 'code128', { height: 60, width: dots - 1, text: 'below' }));
        break;
      }
      case 'qr':
        if (profile.capabilities.nativeQr) {
          // Module size 6 on 80 mm, 4 on 58 mm: a ~60-character URL stays well inside the paper.
          const size = profile.paperMm === 80 ? 6 : 4;
          block(() => enc.qrcode(b.data, { model: 2, size, errorlevel: 'm' }));
        } else {
          line(b.fallbackText);
        }
        break;
      case 'logo': {
        // GS v 0 bands, centred by the printer (ESC a 1); wider than the paper it would be clipped, so skip it.
        if (b.image.width > 0 && b.image.width <= profile.widthDots) {
          enc.raw([0x1b, 0x61, ALIGN_BYTE.center]);
          align = 'center';
          enc.raw(encodeRaster(b.image));
        }
        break;
      }
      case 'feed':
        if (b.lines > 0) enc.newline(b.lines);
        break;
      case 'cut':
        // Without a cutter the feed before it already brought the paper to the tear bar.
        if (profile.capabilities.cutter) enc.cut('partial');
        break;
    }
  }
  return enc.encode();
}
