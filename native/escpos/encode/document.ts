// The receipt DOCUMENT: what to print, already laid out in columns, with no bytes and no printer in it.
// main/printing builds it from a sale; the encoders here (text mode now, raster later) turn it into bytes.
// It lives in native/ because native/ may not import main/, and the encoders must know its shape.

import type { MonoBitmap } from './raster';

export type Align = 'left' | 'center' | 'right';

/** Character magnification: 2 doubles the width (the text then gets half the columns) or the height. */
export interface TextSize {
  readonly width: 1 | 2;
  readonly height: 1 | 2;
}

/** One printed line. Its display width times `size.width` never exceeds the document's columns. */
export interface TextBlock {
  readonly kind: 'text';
  readonly text: string;
  readonly align: Align;
  readonly bold: boolean;
  readonly size: TextSize;
}

/** A full-width rule of `char` (one column wide). */
export interface SeparatorBlock {
  readonly kind: 'separator';
  readonly char: '-' | '=';
}

/** One sold line, formatted but not yet positioned. */
export interface ReceiptItem {
  readonly name: string;
  readonly secondaryName: string | null;
  /** "2" or "1.250kg" */
  readonly quantity: string;
  /** "3.50" or "12.80/kg" */
  readonly unitPrice: string;
  /** gross amount of the line */
  readonly amount: string;
  /** e.g. { label: "折扣 10%", amount: "-1.60" } */
  readonly discount: { readonly label: string; readonly amount: string } | null;
}

/** The sold lines: structured for renderers that draw their own table, and as ready text lines. */
export interface ItemsBlock {
  readonly kind: 'items';
  readonly items: readonly ReceiptItem[];
  readonly lines: readonly string[];
}

export interface BarcodeBlock {
  readonly kind: 'barcode';
  readonly symbology: 'code128';
  readonly data: string;
}

export interface QrBlock {
  readonly kind: 'qr';
  readonly data: string;
  /** printed instead when the printer has no native QR */
  readonly fallbackText: string;
}

export interface FeedBlock {
  readonly kind: 'feed';
  readonly lines: number;
}

/** The store logo: a 1-bit image printed centred at the top of the header. */
export interface LogoBlock {
  readonly kind: 'logo';
  readonly image: MonoBitmap;
}

export interface CutBlock {
  readonly kind: 'cut';
}

export type ReceiptBlock =
  TextBlock | SeparatorBlock | ItemsBlock | BarcodeBlock | QrBlock | FeedBlock | LogoBlock | CutBlock;

export interface ReceiptDocument {
  /** font-A columns the document was laid out for: 32 (58 mm) or 48 (80 mm) */
  readonly widthColumns: number;
  readonly blocks: readonly ReceiptBlock[];
}
