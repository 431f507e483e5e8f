// Properties of the refund decision: however a sale's lines come back (in any number of parts, in any order),
// the parts never pay back more than the line cost, and once everything is back they sum to exactly the line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CartLineView } from '../../../main/api/contract';
import { PosFailure } from '../../../main/api/result';
import { decideRefund, refundableLines, type LineRefunded } from '../../../main/refunds/refundable';

const RUNS = { numRuns: 800 };

/** A weighed line (any quantity in grams), or sold by the piece (whole pieces only). */
function line(
  qtyMilli: number,
  totalMinor: number,
  taxMinor: number,
  unit: 'kg' | 'each' = 'kg',
): CartLineView {
  return {
    lineId: 'l',
    productId: 'p',
    sku: 's',
    name: '商品',
    nameEn: 'Item',
    unit,
    qtyMilli,
    unitPriceMinor: 0,
    taxCategoryId: 't',
    taxRateBp: 1300,
    discount: null,
    grossMinor: totalMinor,
    lineDiscountMinor: 0,
    orderDiscountMinor: 0,
    netMinor: totalMinor,
    taxMinor,
    totalMinor,
  };
}

/** A line, and its quantity cut into 1..12 parts that sum to it. */
const lineAndParts = fc
  .record({
    qtyMilli: fc.integer({ min: 1, max: 50_000 }),
    totalMinor: fc.integer({ min: 0, max: 10_000_000 }),
    taxPermille: fc.integer({ min: 0, max: 300 }),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 11 }),
  })
  .map(({ qtyMilli, totalMinor, taxPermille, cuts }) => {
    const points = [...new Set(cuts.map((c) => Math.floor(c * qtyMilli)))]
      .filter((p) => p > 0 && p < qtyMilli)
      .sort((a, b) => a - b);
    const bounds = [0, ...points, qtyMilli];
    const parts = bounds.slice(1).map((b, i) => b - (bounds[i] ?? 0));
    return { l: line(qtyMilli, totalMinor, Math.floor((totalMinor * taxPermille) / 1000)), parts };
  });

/** Refunds `parts` of the line one after another, as the repo would record them. */
function refundInParts(l: CartLineView, parts: readonly number[]): { amounts: number[]; taxes: number[] } {
  const done: LineRefunded = { qtyMilli: 0, amountMinor: 0, taxMinor: 0 };
  const amounts: number[] = [];
  const taxes: number[] = [];
  let sofar = done;
  for (const q of parts) {
    const refunded = new Map([[1, sofar]]);
    let decided: { amountMinor: number; taxMinor: number };
    try {
      decided = decideRefund([l], refunded, [{ lineNo: 1, qtyMilli: q }]);
    } catch (e) {
      // A part worth nothing (a cheap line cut very fine) is refused, and its quantity stays to be returned.
      if (!(e instanceof PosFailure && e.code === 'REFUND_NOT_ALLOWED')) throw e;
      continue;
    }
    const { amountMinor: amount, taxMinor: tax } = decided;
    amounts.push(amount);
    taxes.push(tax);
    sofar = {
      qtyMilli: sofar.qtyMilli + q,
      amountMinor: sofar.amountMinor + amount,
      taxMinor: sofar.taxMinor + tax,
    };
  }
  return { amounts, taxes };
}

describe('refund amounts', () => {
  it('parts are never negative, never more than the line, and all of it comes to exactly the line', () => {
    fc.assert(
      fc.property(lineAndParts, ({ l, parts }) => {
        const { amounts, taxes } = refundInParts(l, parts);
        for (const a of amounts) expect(a).toBeGreaterThan(0);
        for (const t of taxes) expect(t).toBeGreaterThanOrEqual(0);
        const paid = amounts.reduce((s, a) => s + a, 0);
        const taxed = taxes.reduce((s, t) => s + t, 0);
        expect(paid).toBeLessThanOrEqual(l.totalMinor);
        expect(taxed).toBeLessThanOrEqual(l.taxMinor);
      }),
      RUNS,
    );
  });

  it('returning everything in any number of parts pays back exactly the line total (and its tax)', () => {
    fc.assert(
      fc.property(lineAndParts, ({ l, parts }) => {
        fc.pre(l.totalMinor > 0);
        // Parts that would come to nothing are merged into the next one, the way a cashier would retry.
        let carry = 0;
        let sofar: LineRefunded = { qtyMilli: 0, amountMinor: 0, taxMinor: 0 };
        for (const q of parts) {
          try {
            const r = decideRefund([l], new Map([[1, sofar]]), [{ lineNo: 1, qtyMilli: q + carry }]);
            sofar = {
              qtyMilli: sofar.qtyMilli + q + carry,
              amountMinor: sofar.amountMinor + r.amountMinor,
              taxMinor: sofar.taxMinor + r.taxMinor,
            };
            carry = 0;
          } catch {
            carry += q;
          }
        }
        // The money always comes back in full. A last bit of quantity can be worth nothing on its own (1 fen
        // for 2 kg, the first kg already paid back 1 fen): then it stays listed, with nothing left to pay.
        expect(sofar.amountMinor).toBe(l.totalMinor);
        const [left] = refundableLines([l], new Map([[1, sofar]]));
        if (!left) throw new Error('no line');
        expect(left.remainingMinor).toBe(0);
        expect(left.remainingQtyMilli).toBe(carry);
        if (carry === 0) expect(sofar.taxMinor).toBe(l.taxMinor);
        else expect(sofar.taxMinor).toBeLessThanOrEqual(l.taxMinor);
      }),
      RUNS,
    );
  });

  it('a part is what its share of the line costs, rounded half up', () => {
    // 3 pieces for 10.00: one piece is 3.33, two more are 6.67 (10.00 - 3.33), never 3.34 + 3.33 + 3.33.
    const l = line(3000, 1000, 115);
    const first = decideRefund([l], new Map(), [{ lineNo: 1, qtyMilli: 1000 }]);
    expect(first).toMatchObject({ amountMinor: 333, taxMinor: 38 });
    const rest = decideRefund([l], new Map([[1, { qtyMilli: 1000, amountMinor: 333, taxMinor: 38 }]]), [
      { lineNo: 1, qtyMilli: 2000 },
    ]);
    expect(rest).toMatchObject({ amountMinor: 667, taxMinor: 77 });
  });

  it('refuses more than is left, an unknown line, a line named twice, part of a piece, and parts worth nothing', () => {
    const lines = [line(2000, 500, 0), line(1000, 0, 0)];
    const taken = new Map([[1, { qtyMilli: 1500, amountMinor: 375, taxMinor: 0 }]]);
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return e instanceof PosFailure ? `${e.code}` : 'other';
      }
      return 'none';
    };
    expect(code(() => decideRefund(lines, taken, [{ lineNo: 1, qtyMilli: 501 }]))).toBe('REFUND_NOT_ALLOWED');
    expect(code(() => decideRefund(lines, taken, [{ lineNo: 1, qtyMilli: 500 }]))).toBe('none');
    expect(code(() => decideRefund(lines, taken, [{ lineNo: 3, qtyMilli: 1 }]))).toBe('REFUND_NOT_ALLOWED');
    expect(
      code(() =>
        decideRefund(lines, new Map(), [
          { lineNo: 1, qtyMilli: 1 },
          { lineNo: 1, qtyMilli: 1 },
        ]),
      ),
    ).toBe('REFUND_NOT_ALLOWED');
    // Sold by the piece, returned by the piece: half a cola is refused, one cola is fine.
    const cola = [line(2000, 700, 81, 'each')];
    expect(code(() => decideRefund(cola, new Map(), [{ lineNo: 1, qtyMilli: 500 }]))).toBe(
      'REFUND_NOT_ALLOWED',
    );
    expect(code(() => decideRefund(cola, new Map(), [{ lineNo: 1, qtyMilli: 1000 }]))).toBe('none');
    // A free line alone pays back nothing: refused rather than a refund of 0.00.
    expect(code(() => decideRefund(lines, new Map(), [{ lineNo: 2, qtyMilli: 1000 }]))).toBe(
      'REFUND_NOT_ALLOWED',
    );
  });
});
