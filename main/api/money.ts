// The one Money module for main and renderer. Amounts are integers in the currency's minor unit (fen for CNY);
// anything that multiplies or divides goes through BigInt so no intermediate ever leaves the exact range.
// Pure: no Node, nothing outside main/api (the renderer imports this file through @contract/money).
import { PosFailure } from './result';

export const DEFAULT_CURRENCY = 'CNY';

// ---------- currencies ----------

const exponents = new Map<string, number>();
let supported: ReadonlySet<string> | null = null;

/** Throws unless `currency` is an upper-case ISO 4217 code this runtime's Intl knows (CNY, JPY, KWD, ...). */
export function assertCurrency(currency: string): void {
  supported ??= new Set(Intl.supportedValuesOf('currency'));
  if (!/^[A-Z]{3}$/.test(currency) || !supported.has(currency)) {
    throw new RangeError(
      `"${currency}" is not a supported ISO 4217 currency code (expected e.g. "CNY", "USD").`,
    );
  }
}

/** Minor-unit exponent: CNY 2, JPY 0, KWD 3. Taken from CLDR via Intl so formatting always agrees with it. */
export function currencyExponent(currency: string): number {
  let exp = exponents.get(currency);
  if (exp === undefined) {
    assertCurrency(currency);
    exp = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    if (exp === undefined) throw new RangeError(`Intl reports no minor unit for ${currency}.`);
    exponents.set(currency, exp);
  }
  return exp;
}

// ---------- integer arithmetic ----------

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Throws unless `n` is a safe integer (negative allowed: refunds). */
export function assertMinor(n: number): void {
  if (!Number.isSafeInteger(n))
    throw new RangeError(`Money amount ${n} is not a safe integer of minor units.`);
}

/** BigInt -> number, refusing anything a JS number cannot hold exactly. */
export function toSafeNumber(n: bigint): number {
  if (n > MAX || n < -MAX) throw new RangeError(`Money amount ${n} exceeds Number.MAX_SAFE_INTEGER.`);
  return Number(n);
}

/**
 * num / den rounded half up, where "up" means away from zero (so a refund rounds to exactly minus the sale).
 * For the non-negative amounts of a sale this is the ordinary half-up: 0.5 -> 1, 0.49 -> 0.
 */
export function divHalfUp(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new RangeError('divHalfUp: the divisor must be positive.');
  const abs = num < 0n ? -num : num;
  const q = (2n * abs + den) / (2n * den);
  return num < 0n ? -q : q;
}

/** unit price x quantity in thousandths (1250 = 1.250 kg), rounded half up to the minor unit. */
export function mulQty(unitMinor: number, qtyMilli: number): number {
  assertMinor(unitMinor);
  assertMinor(qtyMilli);
  return toSafeNumber(divHalfUp(BigInt(unitMinor) * BigInt(qtyMilli), 1000n));
}

/** `bp` basis points (1000 = 10 %) of an amount, rounded half up. */
export function percentOf(minor: number, bp: number): number {
  assertMinor(minor);
  assertMinor(bp);
  return toSafeNumber(divHalfUp(BigInt(minor) * BigInt(bp), 10_000n));
}

/** Exact sum; throws if it leaves the safe-integer range. */
export function sumMinor(values: Iterable<number>): number {
  let sum = 0n;
  for (const v of values) {
    assertMinor(v);
    sum += BigInt(v);
  }
  return toSafeNumber(sum);
}

/**
 * Splits `total` proportionally to `weights` (largest-remainder method). Guarantees:
 * - the parts sum exactly to `total`; every part is floor or ceil of its exact share, so a part never
 *   exceeds `ceil(total * w / sum(w))` (when total <= sum(w), never more than its own weight);
 * - a zero weight gets zero;
 * - ties on the remainder go to the lower index (deterministic, independent of sort stability);
 * - all weights zero (or no weights): allowed only for total 0, which yields all zeros. Any other total
 *   has nothing to be proportional to, so it throws rather than invent a split.
 * Negative totals are split like their absolute value and negated. Weights must be >= 0.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinor(total);
  let sumW = 0n;
  for (const w of weights) {
    assertMinor(w);
    if (w < 0) throw new RangeError(`allocate: weight ${w} is negative.`);
    sumW += BigInt(w);
  }
  if (sumW === 0n) {
    if (total !== 0) throw new RangeError(`allocate: cannot split ${total} over weights that are all zero.`);
    return weights.map(() => 0);
  }
  const abs = BigInt(Math.abs(total));
  const shares = weights.map((w, index) => {
    const exact = abs * BigInt(w);
    return { index, part: exact / sumW, rem: exact % sumW };
  });
  let left = abs - shares.reduce((acc, s) => acc + s.part, 0n);
  // `left` is below the number of non-zero remainders, so only genuinely fractional shares round up.
  const byRemainder = [...shares].sort((a, b) =>
    b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : a.index - b.index,
  );
  for (const s of byRemainder) {
    if (left === 0n) break;
    s.part += 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(total < 0 ? -s.part : s.part));
}

// ---------- text ----------

/** "12.50" for 1250 CNY, "-3" for -3 JPY: no symbol, no grouping; for receipts and CSV. */
export function formatMajor(minor: number, currency: string): string {
  assertMinor(minor);
  const exp = currencyExponent(currency);
  const digits = Math.abs(minor)
    .toString()
    .padStart(exp + 1, '0');
  const sign = minor < 0 ? '-' : '';
  if (exp === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Localised amount with currency sign: zh-CN CNY 1250 -> "¥12.50", en CNY -> "CN¥12.50", -1250 -> "-¥12.50".
 * `fullWidthYen` swaps the half-width ¥ for ￥ (U+FFE5), which CJK fonts and receipt printers render properly.
 * The value is handed to Intl as an exact decimal string, never as a float.
 */
export function formatMoney(
  minor: number,
  currency: string,
  locale: 'zh-CN' | 'en',
  opts?: { fullWidthYen?: boolean },
): string {
  const decimal = formatMajor(minor, currency) as `${number}`;
  const key = `${locale}|${currency}`;
  let nf = formatters.get(key);
  if (nf === undefined) {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, nf);
  }
  if (opts?.fullWidthYen !== true) return nf.format(decimal);
  return nf
    .formatToParts(decimal)
    .map((p) => (p.type === 'currency' ? p.value.replaceAll('¥', '\uFFE5') : p.value))
    .join('');
}

const symbolCache = new Map<string, readonly string[]>();

/** Every prefix a cashier or CSV may put before an amount: "¥", "CN¥", "US$", "$", "CNY"; longest first. */
function currencySymbols(currency: string): readonly string[] {
  let list = symbolCache.get(currency);
  if (list === undefined) {
    const found = new Set<string>([currency]);
    for (const locale of ['zh-CN', 'en']) {
      for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
        const parts = new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          currencyDisplay,
        }).formatToParts(1);
        for (const p of parts) if (p.type === 'currency') found.add(p.value);
      }
    }
    list = [...found].sort((a, b) => b.length - a.length);
    symbolCache.set(currency, list);
  }
  return list;
}

// Full-width forms typed by a Chinese IME, mapped one by one (not NFKC, which would also turn "²" into "2").
// "。" is included because the '.' key types it in Chinese punctuation mode.
const WIDE: Readonly<Record<string, string>> = {
  '．': '.',
  '。': '.',
  '，': ',',
  '￥': '¥',
  '－': '-',
  '−': '-',
};

function narrow(text: string): string {
  return text.replace(/[\uFF10-\uFF19．。，￥－−]/g, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : (WIDE[c] ?? c);
  });
}

export type AmountProblem =
  'empty' | 'negative' | 'not-a-number' | 'grouping' | 'too-many-decimals' | 'too-large';

/**
 * Cashier or CSV text -> minor units, exactly. Accepts "12", "12.5", "12.50", ".5", "12.", "1,234.50",
 * full-width digits/point/comma, a leading currency sign or code ("¥", "￥", "CN¥", "CNY") and spaces.
 * Extra decimals are accepted only when they are zeros ("12.500" CNY = 1250): lossless, common in exports.
 * Throws PosFailure INVALID_PAYLOAD (the input is malformed) whose `detail.reason` says which way.
 */
export function parseAmount(text: string, currency: string): number {
  const exp = currencyExponent(currency);
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  const reject = (reason: AmountProblem, problem: string): never => {
    throw new PosFailure('INVALID_PAYLOAD', `Amount ${shown} ${problem}.`, { reason, input: text, currency });
  };
  let s = narrow(text).trim();
  if (s === '') reject('empty', 'is empty');
  let negative = false;
  if (s.startsWith('-')) [negative, s] = [true, s.slice(1).trimStart()];
  const symbol = currencySymbols(currency).find((sym) => s.startsWith(sym));
  if (symbol !== undefined) s = s.slice(symbol.length).trimStart();
  if (s.startsWith('-')) [negative, s] = [true, s.slice(1).trimStart()];
  if (negative) reject('negative', 'is negative; only amounts of 0 or more are allowed');

  const m = /^([\d,]*)(?:\.(\d*))?$/.exec(s);
  if (m === null || !/\d/.test(s)) return reject('not-a-number', 'is not a number');
  const [, intRaw = '', frac = ''] = m;
  if (intRaw.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(intRaw)) {
    reject('grouping', 'has misplaced thousands separators; group digits in threes, e.g. "1,234.50"');
  }
  if (frac.length > exp && /[^0]/.test(frac.slice(exp))) {
    const places = `${frac.length} decimal place${frac.length === 1 ? '' : 's'}`;
    const allowed = exp === 0 ? `${currency} has no minor unit` : `${currency} allows at most ${exp}`;
    reject('too-many-decimals', `has ${places}; ${allowed}`);
  }
  const whole = BigInt(intRaw.replaceAll(',', '') || '0');
  const value = whole * 10n ** BigInt(exp) + BigInt(frac.slice(0, exp).padEnd(exp, '0') || '0');
  if (value > MAX) {
    const max = `${formatMajor(Number.MAX_SAFE_INTEGER, currency)} ${currency}`;
    reject('too-large', `exceeds the largest supported amount, ${max}`);
  }
  return Number(value);
}
