// GS1 restricted-circulation numbers (EAN-13 starting with 2) printed by shop scales. Layout of a rule's code:
//
//   prefix | item code (itemDigits) | spare digits (ignored) | value (valueDigits) | EAN-13 check digit
//
// The spare digits are whatever is left of the 12 data digits; the default rules have none, so there is no
// separate price/weight check digit. A rule that leaves spare digits (e.g. a scale that prints a GS1 price
// check digit before the value) gets them skipped, not verified.
import { withCheckDigit } from './gtin';

export interface VariableMeasureRule {
  /** Leading digits that select this rule: '2' followed by 0-2 digits, e.g. '21'. */
  readonly prefix: string;
  /** Digits of the scale item (PLU) code right after the prefix. */
  readonly itemDigits: number;
  /** What the value field holds: grams, or the price in the currency's minor unit (fen for CNY). */
  readonly value: 'weight' | 'price';
  /** Digits of the value field, right before the EAN-13 check digit. */
  readonly valueDigits: number;
}

/**
 * The usual Chinese scale (大华/顶尖 "FF IIIII VVVVV C") and European layouts:
 *   21 IIIII WWWWW C  -> item code 5 digits, weight in grams (max 99.999 kg)
 *   22 IIIII PPPPP C  -> item code 5 digits, price in fen (max ¥999.99), no price check digit
 * Other prefix-2 codes (20, 23-29) are ordinary in-store GTINs unless a rule is configured for them.
 */
export const DEFAULT_WEIGHT_RULE: VariableMeasureRule = Object.freeze({
  prefix: '21',
  itemDigits: 5,
  value: 'weight',
  valueDigits: 5,
});
export const DEFAULT_PRICE_RULE: VariableMeasureRule = Object.freeze({
  prefix: '22',
  itemDigits: 5,
  value: 'price',
  valueDigits: 5,
});
export const DEFAULT_VARIABLE_MEASURE_RULES: readonly VariableMeasureRule[] = Object.freeze([
  DEFAULT_WEIGHT_RULE,
  DEFAULT_PRICE_RULE,
]);

/** 13 digits minus the check digit. */
const DATA_DIGITS = 12;

const validated = new WeakSet<readonly VariableMeasureRule[]>();

/** Throws RangeError when a rule cannot describe an EAN-13 or two rules claim the same prefix. */
export function assertVariableMeasureRules(rules: readonly VariableMeasureRule[]): void {
  if (validated.has(rules)) return;
  const seen = new Set<string>();
  for (const r of rules) {
    const where = `Variable-measure rule "${r.prefix}"`;
    if (!/^2\d{0,2}$/.test(r.prefix))
      throw new RangeError(`${where}: prefix must be '2' followed by 0-2 digits.`);
    if (!Number.isInteger(r.itemDigits) || r.itemDigits < 1)
      throw new RangeError(`${where}: itemDigits must be >= 1.`);
    if (!Number.isInteger(r.valueDigits) || r.valueDigits < 1)
      throw new RangeError(`${where}: valueDigits must be >= 1.`);
    if (r.value !== 'weight' && r.value !== 'price')
      throw new RangeError(`${where}: value must be 'weight' or 'price'.`);
    const used = r.prefix.length + r.itemDigits + r.valueDigits;
    if (used > DATA_DIGITS) {
      throw new RangeError(
        `${where}: prefix + itemDigits + valueDigits is ${used}; at most ${DATA_DIGITS} fit.`,
      );
    }
    if (seen.has(r.prefix)) throw new RangeError(`${where}: prefix listed twice.`);
    seen.add(r.prefix);
  }
  validated.add(rules);
}

/** The rule with the longest prefix that `ean13` starts with, or null. */
export function matchRule(ean13: string, rules: readonly VariableMeasureRule[]): VariableMeasureRule | null {
  let best: VariableMeasureRule | null = null;
  for (const r of rules) {
    if (ean13.startsWith(r.prefix) && (best === null || r.prefix.length > best.prefix.length)) best = r;
  }
  return best;
}

export interface VariableMeasureFields {
  readonly itemCode: string;
  readonly value: number;
}

/** Splits a 13-digit code by `rule` (check digit already verified). */
export function splitVariableMeasure(ean13: string, rule: VariableMeasureRule): VariableMeasureFields {
  const itemStart = rule.prefix.length;
  const valueEnd = DATA_DIGITS;
  return {
    itemCode: ean13.slice(itemStart, itemStart + rule.itemDigits),
    value: Number(ean13.slice(valueEnd - rule.valueDigits, valueEnd)),
  };
}

/** The code a scale would print: for tests, the demo catalog and benchmarks. Spare digits are zeros. */
export function buildVariableMeasureBarcode(
  rule: VariableMeasureRule,
  itemCode: string | number,
  value: number,
): string {
  const item = String(itemCode).padStart(rule.itemDigits, '0');
  const val = String(value).padStart(rule.valueDigits, '0');
  if (!/^\d+$/.test(item) || item.length > rule.itemDigits) {
    throw new RangeError(`Item code ${itemCode} does not fit ${rule.itemDigits} digits.`);
  }
  if (!Number.isSafeInteger(value) || value < 0 || val.length > rule.valueDigits) {
    throw new RangeError(`Value ${value} does not fit ${rule.valueDigits} digits.`);
  }
  const spare = '0'.repeat(DATA_DIGITS - rule.prefix.length - rule.itemDigits - rule.valueDigits);
  return withCheckDigit(rule.prefix + item + spare + val);
}
