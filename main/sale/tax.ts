// VAT for priced lines: the two formulas (price-inclusive / price-exclusive) and the two rounding policies
// (per line / once per category on the receipt). See docs/pricing.md; this file is its executable form.
import type { PricingMode, TaxRounding, TaxSummaryView } from '../api/contract';
import { allocate, divHalfUp, sumMinor, toSafeNumber } from '../api/money';
import { zip } from './zip';

export interface TaxCategoryName {
  name: string;
}

export interface TaxableLine {
  readonly taxCategoryId: string;
  readonly taxRateBp: number;
  readonly netMinor: number;
}

/**
 * Tax contained in (inclusive) or added to (exclusive) `amountMinor`, rounded half up:
 *   inclusive: amount x r / (10000 + r)      exclusive: amount x r / 10000      (r in basis points)
 */
export function taxOf(amountMinor: number, rateBp: number, mode: PricingMode): number {
  const a = BigInt(amountMinor);
  const r = BigInt(rateBp);
  return toSafeNumber(mode === 'inclusive' ? divHalfUp(a * r, 10_000n + r) : divHalfUp(a * r, 10_000n));
}

interface Group<L> {
  readonly taxCategoryId: string;
  readonly rateBp: number;
  readonly members: { readonly index: number; readonly line: L }[];
}

/**
 * Lines grouped by (category, rate), sorted by category id then rate. A category normally has one rate;
 * if a rate changed while a cart was open the two rates stay separate rather than being taxed as one.
 */
export function groupLines<L extends { readonly taxCategoryId: string; readonly taxRateBp: number }>(
  lines: readonly L[],
): Group<L>[] {
  const groups = new Map<string, Group<L>>();
  lines.forEach((line, i) => {
    const key = `${line.taxCategoryId}\u0000${line.taxRateBp}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { taxCategoryId: line.taxCategoryId, rateBp: line.taxRateBp, members: [] };
      groups.set(key, g);
    }
    g.members.push({ index: i, line });
  });
  // Code-unit order, not locale order: the summary order must not depend on the machine's locale.
  return [...groups.values()].sort((a, b) =>
    a.taxCategoryId < b.taxCategoryId ? -1 : a.taxCategoryId > b.taxCategoryId ? 1 : a.rateBp - b.rateBp,
  );
}

/** Per-line tax (same order as `lines`) and the per-category summary, under the given rounding policy. */
export function computeTaxes(
  lines: readonly TaxableLine[],
  mode: PricingMode,
  rounding: TaxRounding,
  names: ReadonlyMap<string, TaxCategoryName>,
): { lineTaxMinor: number[]; taxes: TaxSummaryView[] } {
  const lineTaxMinor = lines.map(() => 0);
  const taxes: TaxSummaryView[] = [];
  for (const g of groupLines(lines)) {
    const nets = g.members.map((m) => m.line.netMinor);
    const netSum = sumMinor(nets);
    // 'receipt': one rounding per category, then spread back so the lines still add up to it.
    const parts =
      rounding === 'receipt'
        ? allocate(taxOf(netSum, g.rateBp, mode), nets)
        : nets.map((n) => taxOf(n, g.rateBp, mode));
    for (const [m, part] of zip(g.members, parts)) lineTaxMinor[m.index] = part;
    const taxMinor = sumMinor(parts);
    taxes.push({
      taxCategoryId: g.taxCategoryId,
      name: names.get(g.taxCategoryId)?.name ?? g.taxCategoryId,
      rateBp: g.rateBp,
      baseMinor: mode === 'inclusive' ? netSum - taxMinor : netSum,
      taxMinor,
    });
  }
  return { lineTaxMinor, taxes };
}
