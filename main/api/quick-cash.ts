// Quick-tender buttons: the exact amount, then what a customer plausibly hands over in notes.
import { assertMinor, currencyExponent } from './money';

/**
 * Banknotes customers commonly hand over, in major units. Rare large notes (EUR 200/500, HKD 1000) are left
 * out so a small sale does not offer them; 1-unit coins stay where they circulate like notes (CNY, USD).
 */
const NOTES: Readonly<Record<string, readonly number[]>> = {
  CNY: [1, 5, 10, 20, 50, 100],
  USD: [1, 5, 10, 20, 50, 100],
  EUR: [5, 10, 20, 50, 100],
  GBP: [5, 10, 20, 50],
  HKD: [10, 20, 50, 100, 500],
  JPY: [1000, 5000, 10000],
};

const MAX_BUTTONS = 5;

/**
 * Unknown currencies: a 1-2-5 series around the amount's magnitude, from a tenth of it to ten times it
 * (37.50 -> steps 1, 2, 5, 10, 20, 50, 100), never finer than one major unit.
 */
function genericSteps(totalMinor: bigint, unit: bigint): bigint[] {
  const magnitude = BigInt((totalMinor / unit).toString().length - 1); // digits of the major part - 1
  const steps: bigint[] = [];
  for (let e = magnitude - 1n; e <= magnitude + 1n; e++) {
    for (const m of e === magnitude + 1n ? [1n] : [1n, 2n, 5n]) {
      if (e >= 0n) steps.push(m * 10n ** e * unit);
    }
  }
  return steps;
}

/**
 * Amounts for the quick-cash buttons, ascending and distinct, at most 5: the exact total first, then the
 * total rounded up to a multiple of each note. When there are too many, the smallest three round-ups and the
 * largest (one big note) are kept. A zero total needs no tender and yields no buttons.
 */
export function quickCashAmounts(totalMinor: number, currency: string): number[] {
  assertMinor(totalMinor);
  if (totalMinor < 0) throw new RangeError(`quickCashAmounts: total ${totalMinor} is negative.`);
  if (totalMinor === 0) return [];
  const unit = 10n ** BigInt(currencyExponent(currency));
  const total = BigInt(totalMinor);
  const notes = NOTES[currency];
  const steps = notes === undefined ? genericSteps(total, unit) : notes.map((n) => BigInt(n) * unit);

  const above = new Set<bigint>();
  for (const step of steps) {
    const up = ((total + step - 1n) / step) * step;
    if (up > total && up <= BigInt(Number.MAX_SAFE_INTEGER)) above.add(up);
  }
  const sorted = [...above].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const kept =
    sorted.length < MAX_BUTTONS ? sorted : [...sorted.slice(0, MAX_BUTTONS - 2), ...sorted.slice(-1)];
  return [totalMinor, ...kept.map(Number)];
}
