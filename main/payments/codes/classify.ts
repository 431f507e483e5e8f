// What did the scanner just read? Decided before anything else looks at it, so a customer's payment code is
// never looked up as a product (nor logged, nor echoed in a "product not found" message).
import { hasValidCheckDigit } from '../../catalog/gtin';
import { paymentScheme, type PaymentScheme } from './schemes';

export type GtinLength = 8 | 12 | 13 | 14;

export type ScanClass =
  | { readonly kind: 'payment-code'; readonly scheme: PaymentScheme; readonly code: string }
  /**
   * Has an EAN-8 / UPC-A / EAN-13 / GTIN-14 length and is all digits: hand it to the catalog (parseBarcode),
   * which normalises it and reports a wrong check digit precisely. `checkDigitValid` is a hint for callers
   * that want to decide early.
   */
  | {
      readonly kind: 'product';
      readonly code: string;
      readonly length: GtinLength;
      readonly checkDigitValid: boolean;
    }
  /** Neither. Deliberately without the text: it may be a payment code of a wallet we do not know, or a PAN. */
  | {
      readonly kind: 'unknown';
      readonly reason: 'empty' | 'non-digit' | 'length';
      readonly length: number;
    };

const GTIN_LENGTHS: ReadonlySet<number> = new Set([8, 12, 13, 14]);

/** Full-width digits come from a Chinese IME when a code is typed by hand (as main/catalog/barcode.ts does). */
const narrowDigits = (s: string): string =>
  s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));

export function classifyScan(raw: string): ScanClass {
  // Keyboard-wedge scanners end with CR, LF or Tab (some send CR LF); that suffix is not data.
  const text = narrowDigits(raw.trim());
  if (text === '') return { kind: 'unknown', reason: 'empty', length: 0 };
  if (!/^\d+$/.test(text)) return { kind: 'unknown', reason: 'non-digit', length: text.length };

  const scheme = paymentScheme(text);
  if (scheme !== null) return { kind: 'payment-code', scheme, code: text };

  if (GTIN_LENGTHS.has(text.length)) {
    return {
      kind: 'product',
      code: text,
      length: text.length as GtinLength,
      checkDigitValid: hasValidCheckDigit(text),
    };
  }
  return { kind: 'unknown', reason: 'length', length: text.length };
}
