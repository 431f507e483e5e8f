// Cashier input -> exact integers. Quantities and percentages are parsed as decimal strings, never via
// floats; amounts go through @contract/money's parseAmount (same rules as main).
import type { Discount, Unit } from '@contract/contract';
import { parseAmount } from '@contract/money';
import { MAX_QTY_MILLI } from '@contract/quantity';
import { PosFailure } from '@contract/result';

/** Full-width digits and points typed through a Chinese IME. */
export function narrowDigits(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[．。]/g, '.')
    .replace(/％/g, '%')
    .trim();
}

/** "3" pieces -> 3000; "1.235" kg -> 1235. null when not a valid quantity for the unit. */
export function parseQtyMilli(text: string, unit: Unit): number | null {
  const s = narrowDigits(text);
  const m = unit === 'kg' ? /^(\d{0,6})(?:\.(\d{0,3}))?$/.exec(s) : /^(\d{1,6})$/.exec(s);
  if (!m || !/\d/.test(s)) return null;
  const whole = Number(m[1] || '0');
  const frac = Number((m[2] ?? '').padEnd(3, '0'));
  const milli = whole * 1000 + frac;
  return milli >= 1 && milli <= MAX_QTY_MILLI ? milli : null;
}

/** "12.5" or "12.5%" -> 1250 basis points; null unless 0..100 with at most 2 decimals. */
export function parsePercentBp(text: string): number | null {
  const s = narrowDigits(text).replace(/\s*%$/, '');
  const m = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

export type ParsedDiscount = { ok: true; discount: Discount } | { ok: false; reason: string };

/** A trailing "%" always means percent, whatever mode the toggle shows (fast keyboard entry). */
export function parseDiscount(text: string, mode: 'amount' | 'percent', currency: string): ParsedDiscount {
  const s = narrowDigits(text);
  if (mode === 'percent' || s.endsWith('%')) {
    const bp = parsePercentBp(s);
    return bp === null ? { ok: false, reason: 'percent' } : { ok: true, discount: { kind: 'percent', bp } };
  }
  const amount = tryParseAmount(s, currency);
  return amount.ok ? { ok: true, discount: { kind: 'amount', minor: amount.minor } } : amount;
}

/** parseAmount without the throw; `reason` is a select key of the `amount.invalid` message. */
export function tryParseAmount(
  text: string,
  currency: string,
): { ok: true; minor: number } | { ok: false; reason: string } {
  try {
    return { ok: true, minor: parseAmount(text, currency) };
  } catch (error) {
    if (!(error instanceof PosFailure)) throw error;
    const reason = typeof error.detail?.['reason'] === 'string' ? error.detail['reason'] : 'other';
    // ICU select keys cannot contain '-': "too-many-decimals" -> "tooManyDecimals".
    return { ok: false, reason: reason.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) };
  }
}
