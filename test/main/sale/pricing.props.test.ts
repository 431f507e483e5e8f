// Properties of priceCart, checked against formulas recomputed here independently with BigInt.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Discount, PricingMode, TaxRounding } from '../../../main/api/contract';
import { PosFailure } from '../../../main/api/result';
import { priceCart } from '../../../main/sale/pricing';
import type { PricingLineInput, PricingSettings } from '../../../main/sale/pricing';

const RUNS = { numRuns: 1500 };
const names = new Map([['a', { name: 'A' }]]);

/** round(n / d) half up, for n >= 0: written differently from the code under test on purpose. */
function halfUp(n: bigint, d: bigint): bigint {
  const q = n / d;
  return (n % d) * 2n >= d ? q + 1n : q;
}
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const taxFormula = (amount: number, r: number, mode: PricingMode): number =>
  Number(halfUp(BigInt(amount) * BigInt(r), mode === 'inclusive' ? 10_000n + BigInt(r) : 10_000n));

// A discount spec is scaled onto its base once the base is known, so generated amounts are always valid.
type DiscountSpec = null | { kind: 'amount'; frac: number } | { kind: 'percent'; bp: number };
const discountSpec: fc.Arbitrary<DiscountSpec> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('amount' as const), frac: fc.oneof(fc.constant(10_000), fc.nat(10_000)) }),
  fc.record({
    kind: fc.constant('percent' as const),
    bp: fc.oneof(fc.constantFrom(0, 1000, 10_000), fc.nat(10_000)),
  }),
);
function realise(spec: DiscountSpec, base: number): Discount | null {
  if (spec === null) return null;
  if (spec.kind === 'percent') return { kind: 'percent', bp: spec.bp };
  return { kind: 'amount', minor: Number((BigInt(base) * BigInt(spec.frac)) / 10_000n) };
}
function discountValue(d: Discount | null, base: number): number {
  if (d === null) return 0;
  return d.kind === 'amount' ? d.minor : Number(halfUp(BigInt(base) * BigInt(d.bp), 10_000n));
}

const CATEGORIES = [
  { id: 'a', rateBp: 1300 },
  { id: 'b', rateBp: 900 },
  { id: 'c', rateBp: 600 },
  { id: 'z', rateBp: 0 },
];
const lineArb = fc.record({
  unitPriceMinor: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000_000 })),
  qtyMilli: fc.oneof(
    fc.integer({ min: 1, max: 5 }).map((n) => n * 1000),
    fc.integer({ min: 1, max: 1_000_000 }),
  ),
  category: fc.oneof(
    fc.constantFrom(...CATEGORIES),
    fc.record({ id: fc.constantFrom('a', 'd'), rateBp: fc.integer({ min: 0, max: 3000 }) }),
  ),
  discount: discountSpec,
});
const cartArb = fc.record({
  lines: fc.array(lineArb, { maxLength: 12 }),
  order: discountSpec,
  mode: fc.constantFrom<PricingMode>('inclusive', 'exclusive'),
  rounding: fc.constantFrom<TaxRounding>('line', 'receipt'),
});
type CartCase = typeof cartArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: CartCase): {
  lines: PricingLineInput[];
  order: Discount | null;
  settings: PricingSettings;
} {
  const lines = c.lines.map((l, i): PricingLineInput => {
    const gross = Number(halfUp(BigInt(l.unitPriceMinor) * BigInt(l.qtyMilli), 1000n));
    return {
      lineId: `L${i}`,
      productId: `P${i}`,
      sku: `S${i}`,
      name: `n${i}`,
      nameEn: null,
      unit: l.qtyMilli % 1000 === 0 ? 'each' : 'kg',
      qtyMilli: l.qtyMilli,
      unitPriceMinor: l.unitPriceMinor,
      taxCategoryId: l.category.id,
      taxRateBp: l.category.rateBp,
      discount: realise(l.discount, gross),
    };
  });
  const subtotal = sum(
    lines.map((l) => {
      const gross = Number(halfUp(BigInt(l.unitPriceMinor) * BigInt(l.qtyMilli), 1000n));
      return gross - discountValue(l.discount, gross);
    }),
  );
  return {
    lines,
    order: realise(c.order, subtotal),
    settings: { currency: 'CNY', mode: c.mode, rounding: c.rounding },
  };
}

describe('priceCart properties', () => {
  it('parts always sum to the totals', () => {
    fc.assert(
      fc.property(cartArb, (c) => {
        const { lines, order, settings } = build(c);
        const { lines: out, totals } = priceCart(lines, order, settings, names);
        expect(sum(out.map((l) => l.grossMinor))).toBe(totals.grossMinor);
        expect(sum(out.map((l) => l.lineDiscountMinor))).toBe(totals.lineDiscountMinor);
        expect(sum(out.map((l) => l.orderDiscountMinor))).toBe(totals.orderDiscountMinor);
        expect(sum(out.map((l) => l.taxMinor))).toBe(totals.taxMinor);
        expect(sum(out.map((l) => l.totalMinor))).toBe(totals.totalMinor);
        expect(sum(totals.taxes.map((t) => t.taxMinor))).toBe(totals.taxMinor);
        const nets = sum(out.map((l) => l.netMinor));
        expect(nets).toBe(totals.grossMinor - totals.lineDiscountMinor - totals.orderDiscountMinor);
        const bases = sum(totals.taxes.map((t) => t.baseMinor));
        if (settings.mode === 'inclusive') {
          expect(bases + totals.taxMinor).toBe(totals.totalMinor);
          expect(totals.totalMinor).toBe(nets);
        } else {
          expect(bases).toBe(nets);
          expect(bases + totals.taxMinor).toBe(totals.totalMinor);
        }
        for (const l of out)
          expect(l.netMinor).toBe(l.grossMinor - l.lineDiscountMinor - l.orderDiscountMinor);
        const ids = totals.taxes.map((t) => `${t.taxCategoryId}|${String(t.rateBp).padStart(6, '0')}`);
        expect(ids).toEqual([...ids].sort());
      }),
      RUNS,
    );
  });

  it('no line is ever negative and no order share exceeds its line', () => {
    fc.assert(
      fc.property(cartArb, (c) => {
        const { lines, order, settings } = build(c);
        for (const l of priceCart(lines, order, settings, names).lines) {
          expect(l.lineDiscountMinor).toBeGreaterThanOrEqual(0);
          expect(l.lineDiscountMinor).toBeLessThanOrEqual(l.grossMinor);
          expect(l.orderDiscountMinor).toBeGreaterThanOrEqual(0);
          expect(l.orderDiscountMinor).toBeLessThanOrEqual(l.grossMinor - l.lineDiscountMinor);
          expect(l.netMinor).toBeGreaterThanOrEqual(0);
          expect(l.taxMinor).toBeGreaterThanOrEqual(0);
          expect(l.totalMinor).toBeGreaterThanOrEqual(l.netMinor);
          if (settings.mode === 'inclusive') expect(l.taxMinor).toBeLessThanOrEqual(l.netMinor);
        }
      }),
      RUNS,
    );
  });

  it('follows the documented formulas (gross, discounts, order shares, tax per mode and rounding)', () => {
    fc.assert(
      fc.property(cartArb, (c) => {
        const { lines, order, settings } = build(c);
        const { lines: out, totals } = priceCart(lines, order, settings, names);
        const after = lines.map((l, i) => {
          const gross = Number(halfUp(BigInt(l.unitPriceMinor) * BigInt(l.qtyMilli), 1000n));
          const disc = discountValue(l.discount, gross);
          expect(out[i]).toMatchObject({ grossMinor: gross, lineDiscountMinor: disc });
          return gross - disc;
        });
        const subtotal = sum(after);
        const orderDisc = discountValue(order, subtotal);
        expect(totals.orderDiscountMinor).toBe(orderDisc);
        // each share is the exact proportional share rounded down or up
        out.forEach((l, i) => {
          if (subtotal === 0) return expect(l.orderDiscountMinor).toBe(0);
          const exact = BigInt(orderDisc) * BigInt(after[i] ?? 0);
          const lo = exact / BigInt(subtotal);
          const share = BigInt(l.orderDiscountMinor);
          expect(share === lo || (share === lo + 1n && exact % BigInt(subtotal) !== 0n)).toBe(true);
        });
        // tax
        const groups = new Map<string, { rate: number; idx: number[] }>();
        out.forEach((l, i) => {
          const key = `${l.taxCategoryId}|${l.taxRateBp}`;
          const g = groups.get(key) ?? { rate: l.taxRateBp, idx: [] };
          g.idx.push(i);
          groups.set(key, g);
        });
        for (const g of groups.values()) {
          const groupLines = out.filter((_, i) => g.idx.includes(i));
          const groupTax = sum(groupLines.map((l) => l.taxMinor));
          if (settings.rounding === 'line') {
            for (const l of groupLines)
              expect(l.taxMinor).toBe(taxFormula(l.netMinor, l.taxRateBp, settings.mode));
          } else {
            const groupNet = sum(groupLines.map((l) => l.netMinor));
            expect(groupTax).toBe(taxFormula(groupNet, g.rate, settings.mode));
          }
        }
        for (const l of out) {
          expect(l.totalMinor).toBe(settings.mode === 'inclusive' ? l.netMinor : l.netMinor + l.taxMinor);
        }
      }),
      RUNS,
    );
  });

  it('line and receipt rounding differ by at most the number of lines per category', () => {
    fc.assert(
      fc.property(cartArb, (c) => {
        const { lines, order, settings } = build(c);
        const perLine = priceCart(lines, order, { ...settings, rounding: 'line' }, names).totals.taxes;
        const perReceipt = priceCart(lines, order, { ...settings, rounding: 'receipt' }, names).totals.taxes;
        expect(perReceipt.map((t) => [t.taxCategoryId, t.rateBp])).toEqual(
          perLine.map((t) => [t.taxCategoryId, t.rateBp]),
        );
        perLine.forEach((t, i) => {
          const count = lines.filter(
            (l) => l.taxCategoryId === t.taxCategoryId && l.taxRateBp === t.rateBp,
          ).length;
          expect(Math.abs(t.taxMinor - (perReceipt[i]?.taxMinor ?? Number.NaN))).toBeLessThanOrEqual(count);
        });
      }),
      RUNS,
    );
  });

  it('a 100 % order discount, or 100 % on every line, makes the total 0', () => {
    fc.assert(
      fc.property(cartArb, fc.boolean(), (c, onLines) => {
        const { lines, order, settings } = build(c);
        const full: Discount = { kind: 'percent', bp: 10_000 };
        const priced = onLines
          ? // an amount order discount would exceed the zero subtotal, so only a percentage can stay
            priceCart(
              lines.map((l) => ({ ...l, discount: full })),
              order?.kind === 'percent' ? order : null,
              settings,
              names,
            )
          : priceCart(lines, full, settings, names);
        expect(priced.totals.totalMinor).toBe(0);
        expect(priced.totals.taxMinor).toBe(0);
      }),
      RUNS,
    );
  });

  it('amount discounts above their base are rejected with DISCOUNT_INVALID', () => {
    fc.assert(
      fc.property(cartArb, fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (c, excess, onLine) => {
        const { lines, settings } = build(c);
        const priced = priceCart(
          lines.map((l) => ({ ...l, discount: null })),
          null,
          settings,
          names,
        );
        let bad: PricingLineInput[] = lines.map((l) => ({ ...l, discount: null }));
        let order: Discount | null = null;
        const target = priced.lines[0];
        if (onLine && target !== undefined) {
          bad = bad.map((l, i) =>
            i === 0 ? { ...l, discount: { kind: 'amount', minor: target.grossMinor + excess } } : l,
          );
        } else {
          order = { kind: 'amount', minor: priced.totals.grossMinor + excess };
        }
        let code: string | null = null;
        try {
          priceCart(bad, order, settings, names);
        } catch (e) {
          if (e instanceof PosFailure) code = e.code;
        }
        expect(code).toBe('DISCOUNT_INVALID');
      }),
      RUNS,
    );
  });

  it('is deterministic and does not depend on the line order for totals', () => {
    fc.assert(
      fc.property(cartArb, (c) => {
        const { lines, order, settings } = build(c);
        const a = priceCart(lines, order, settings, names);
        expect(priceCart(lines, order, settings, names)).toEqual(a);
        const reversed = priceCart([...lines].reverse(), order, settings, names);
        expect(reversed.totals.grossMinor).toBe(a.totals.grossMinor);
        expect(reversed.totals.orderDiscountMinor).toBe(a.totals.orderDiscountMinor);
        if (settings.rounding === 'line' && order === null) expect(reversed.totals).toEqual(a.totals);
      }),
      RUNS,
    );
  });
});
