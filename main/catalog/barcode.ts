// Scanner / keyboard text -> a validated, normalised product code. Pure: no database.
// Normal form: UPC-A gets a leading 0 (EAN-13); GTIN-14 with indicator 0 drops it (EAN-13); an EAN-13 with five
// leading zeros is an EAN-8 in a longer field (GS1 pads GTIN-8 that way; scanners set to "EAN-8 as EAN-13" send
// it) and keeps its 8 digits; EAN-13, EAN-8 and GTIN-14 with indicator 1-9 are kept. So one product code has
// exactly one stored spelling.
import { PosFailure } from '../api/result';
import { looksLikePan, looksLikeTrackData } from '../../native/card/track/card-data';
import { gs1CheckDigit, hasValidCheckDigit } from './gtin';
import { paymentCodeShape } from './payment-code';
import {
  assertVariableMeasureRules,
  DEFAULT_VARIABLE_MEASURE_RULES,
  matchRule,
  splitVariableMeasure,
  type VariableMeasureRule,
} from './variable-measure';

/** How GS1 writes a GTIN-8 in a 13-digit field (docs/catalog-csv.md). */
const EAN8_PADDING = '00000';

export type GtinFormat = 'EAN-8' | 'UPC-A' | 'EAN-13' | 'GTIN-14';

export type ParsedBarcode =
  | {
      readonly kind: 'gtin';
      /** normalised digits, check digit included: what the barcodes table stores */
      readonly code: string;
      /** the symbology as scanned, before normalisation */
      readonly format: GtinFormat;
    }
  | {
      readonly kind: 'variable';
      readonly rule: VariableMeasureRule;
      /** the scale item (PLU) code as printed, leading zeros kept: '00001' */
      readonly itemCode: string;
      /** rule.value === 'weight': grams, which is also the quantity in thousandths of a kg */
      readonly weightGrams?: number;
      /** rule.value === 'price': minor units (fen) */
      readonly priceMinor?: number;
      /** the full 13 digits */
      readonly code: string;
    };

const FORMAT_BY_LENGTH: Readonly<Record<number, GtinFormat>> = {
  8: 'EAN-8',
  12: 'UPC-A',
  13: 'EAN-13',
  14: 'GTIN-14',
};

function malformed(message: string, detail: Record<string, unknown>): never {
  throw new PosFailure('BARCODE_MALFORMED', message, detail);
}

const shown = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Index of the first C0/C1 control character (e.g. the GS separator of GS1-128), or -1. */
function controlCharAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return i;
  }
  return -1;
}

/** Full-width digits come from a Chinese IME when a code is typed by hand. */
const narrowDigits = (s: string): string =>
  s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));

/**
 * A card number or magstripe track typed or swiped into the barcode field (a slow swipe the renderer's detector
 * missed) is refused before anything else looks at it, and never echoed: no digits in the message or detail,
 * so none reach the screen, a log or the database. A number that is also a valid product barcode (GTIN length
 * and check digit) or a customer payment code is left to those rules.
 */
export function refuseCardData(text: string): void {
  const digits = text.replace(/[\s-]/g, '');
  const isPan =
    /^[1-9]\d*$/.test(digits) && // no issuer number starts with 0; zero-padded GTINs do
    looksLikePan(digits) &&
    !(FORMAT_BY_LENGTH[digits.length] !== undefined && hasValidCheckDigit(digits)) &&
    paymentCodeShape(digits) === null;
  if (isPan || looksLikeTrackData(text)) {
    throw new PosFailure(
      'CARD_DATA_IN_BARCODE',
      'This is payment card data, not a barcode; it was not kept. Take card payments with the card reader.',
      { reason: 'card-data' },
    );
  }
}

/**
 * Validates and normalises a scanned or typed code. `rules` = null means the documented defaults; [] means no
 * variable-measure codes at all. Throws PosFailure BARCODE_MALFORMED saying what is wrong, or CARD_DATA_IN_BARCODE
 * (refuseCardData).
 */
export function parseBarcode(
  raw: string,
  rules: readonly VariableMeasureRule[] | null = null,
): ParsedBarcode {
  const activeRules = rules ?? DEFAULT_VARIABLE_MEASURE_RULES;
  assertVariableMeasureRules(activeRules);

  // Surrounding whitespace includes the CR/LF/TAB suffix keyboard-wedge scanners send; it is not data.
  const text = narrowDigits(raw.trim());
  if (text === '') malformed('Barcode is empty.', { reason: 'empty' });
  refuseCardData(text);

  const control = controlCharAt(text);
  if (control >= 0) {
    const cp = text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0');
    malformed(`Barcode contains control character U+${cp} at position ${control + 1}.`, {
      reason: 'control-character',
      position: control + 1,
    });
  }
  const nonDigit = /\D/.exec(text);
  if (nonDigit) {
    malformed(
      `Barcode contains "${nonDigit[0]}" at position ${nonDigit.index + 1}; only digits are allowed.`,
      {
        reason: 'non-digit',
        position: nonDigit.index + 1,
        input: shown(text),
      },
    );
  }

  // Checked before the length so the cashier is told what it is. The code itself is never echoed back.
  const payment = paymentCodeShape(text);
  if (payment) {
    malformed(`This looks like a customer payment code (${payment.label}), not a product barcode.`, {
      reason: 'payment-code',
      wallet: payment.wallet,
      length: text.length,
    });
  }

  const format = FORMAT_BY_LENGTH[text.length];
  if (format === undefined) {
    malformed(
      `Barcode has ${text.length} digits; expected 8 (EAN-8), 12 (UPC-A), 13 (EAN-13) or 14 (GTIN-14).`,
      { reason: 'length', length: text.length, input: shown(text) },
    );
  }

  const expected = gs1CheckDigit(text.slice(0, -1));
  const got = text.charCodeAt(text.length - 1) - 48;
  if (expected !== got) {
    malformed(`${format} check digit should be ${expected}, got ${got}.`, {
      reason: 'check-digit',
      format,
      expected,
      got,
      input: text,
    });
  }

  const gtin13 =
    format === 'UPC-A' ? `0${text}` : format === 'GTIN-14' && text.startsWith('0') ? text.slice(1) : text;
  // Leading zeros weigh nothing in the GS1 check digit, so the last 8 digits are a valid EAN-8.
  const code = gtin13.length === 13 && gtin13.startsWith(EAN8_PADDING) ? gtin13.slice(5) : gtin13;
  if (code.length === 13 && code.startsWith('2')) {
    const rule = matchRule(code, activeRules);
    if (rule) return variable(code, rule);
  }
  return { kind: 'gtin', code, format };
}

function variable(code: string, rule: VariableMeasureRule): ParsedBarcode {
  const { itemCode, value } = splitVariableMeasure(code, rule);
  // A zero label is a scale fault (or a tampered label); selling it would give the goods away.
  if (value === 0) {
    const what = rule.value === 'weight' ? 'a weight of 0 g' : 'a price of 0';
    malformed(`Scale label ${code} (item ${itemCode}) carries ${what}.`, {
      reason: 'zero-value',
      input: code,
      itemCode,
    });
  }
  return rule.value === 'weight'
    ? { kind: 'variable', rule, itemCode, weightGrams: value, code }
    : { kind: 'variable', rule, itemCode, priceMinor: value, code };
}
