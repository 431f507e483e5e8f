// The notes and coins a drawer is counted in, per currency, and a count's total. Pure (the renderer's count
// form uses the same table). Denominations are keyed by id, not value: a 1-yuan note and a 1-yuan coin are
// counted apart (they sit in different compartments) but are worth the same.
import { sumMinor, toSafeNumber } from './money';
import { PosFailure } from './result';

export interface Denomination {
  /** stable key of a count, e.g. 'note-10000' */
  readonly id: string;
  readonly kind: 'note' | 'coin';
  readonly minor: number;
}

const of = (kind: 'note' | 'coin', values: readonly number[]): Denomination[] =>
  values.map((minor) => ({ id: `${kind}-${minor}`, kind, minor }));

/** Largest first, as a drawer is laid out. CNY: notes 100, 50, 20, 10, 5, 1; coins 1, 0.5, 0.1 (in fen). */
const TABLES: Readonly<Record<string, readonly Denomination[]>> = {
  CNY: [...of('note', [10000, 5000, 2000, 1000, 500, 100]), ...of('coin', [100, 50, 10])],
};

/** A count: how many of each denomination (by id); a denomination left out counts 0. */
export type CashCount = Readonly<Record<string, number>>;

/** Largest count of one denomination accepted (a drawer holds hundreds, not millions). */
export const MAX_PIECES = 100_000;

export function denominationsOf(currency: string): readonly Denomination[] {
  const table = TABLES[currency];
  if (!table)
    throw new PosFailure('COUNT_INVALID', `No denominations are known for ${currency}`, { currency });
  return table;
}

/** The total of a count in minor units; refuses unknown denominations and counts that are not whole, 0..MAX. */
export function countTotal(currency: string, count: CashCount): number {
  const table = denominationsOf(currency);
  const byId = new Map(table.map((d) => [d.id, d]));
  const parts: number[] = [];
  for (const [id, pieces] of Object.entries(count)) {
    const d = byId.get(id);
    if (!d)
      throw new PosFailure('COUNT_INVALID', `No ${currency} denomination "${id}"`, { denomination: id });
    if (!Number.isSafeInteger(pieces) || pieces < 0 || pieces > MAX_PIECES) {
      throw new PosFailure('COUNT_INVALID', `A count of ${id} must be a whole number 0..${MAX_PIECES}`, {
        denomination: id,
      });
    }
    parts.push(toSafeNumber(BigInt(d.minor) * BigInt(pieces)));
  }
  return sumMinor(parts);
}

/** The count with every denomination of the table present (0 where none), in table order. */
export function fullCount(currency: string, count: CashCount): Record<string, number> {
  return Object.fromEntries(denominationsOf(currency).map((d) => [d.id, count[d.id] ?? 0]));
}
