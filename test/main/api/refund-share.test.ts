// The one refund share rule (main/api/refund-share.ts): what the refund screen shows for a quantity is what
// main's decideRefund pays back for it, because both call it. Moved here from the renderer's refund-math tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CartLineView, RefundableLineView } from '../../../main/api/contract';
import { lineRefundMinor, refundTotalMinor } from '../../../main/api/refund-share';
import { decideRefund, refundableLines, type LineRefunded } from '../../../main/refunds/refundable';

const line = (patch: Partial<RefundableLineView> = {}): RefundableLineView => ({
  lineNo: 1,
  name: '可口可乐',
  nameEn: 'Cola',
  unit: 'each',
  soldQtyMilli: 3000,
  refundedQtyMilli: 0,
  remainingQtyMilli: 3000,
  totalMinor: 1000,
  remainingMinor: 1000,
  ...patch,
});

describe('refund amounts (the screen and main: one rule)', () => {
  it('part of a line: round-half-up(total x qty / sold); all that is left: exactly what is left', () => {
    expect(lineRefundMinor(line(), 1000)).toBe(333);
    expect(lineRefundMinor(line(), 2000)).toBe(667);
    expect(lineRefundMinor(line(), 3000)).toBe(1000);
    expect(lineRefundMinor(line(), 0)).toBe(0);
  });

  it('after an earlier refund, the difference of the cumulative shares, so the parts add up to the total', () => {
    const after1 = line({ refundedQtyMilli: 1000, remainingQtyMilli: 2000, remainingMinor: 667 });
    expect(lineRefundMinor(after1, 1000)).toBe(334); // 667 - 333
    const after2 = line({ refundedQtyMilli: 2000, remainingQtyMilli: 1000, remainingMinor: 333 });
    expect(lineRefundMinor(after2, 1000)).toBe(333);
    expect(333 + 334 + 333).toBe(1000);
  });

  it('weighed lines and totals', () => {
    const apples = line({
      lineNo: 2,
      unit: 'kg',
      soldQtyMilli: 1235,
      remainingQtyMilli: 1235,
      totalMinor: 1581,
      remainingMinor: 1581,
    });
    expect(lineRefundMinor(apples, 500)).toBe(640); // 1581 x 0.5 / 1.235 = 640.08
    expect(
      refundTotalMinor(
        [line(), apples],
        new Map([
          [1, 2000],
          [2, 1235],
        ]),
      ),
    ).toBe(667 + 1581);
  });

  it('a quantity beyond what is left shows what is left (main refuses it; the screen never offers it)', () => {
    const after1 = line({ refundedQtyMilli: 1000, remainingQtyMilli: 2000, remainingMinor: 667 });
    expect(lineRefundMinor(after1, 5000)).toBe(667);
  });

  it('for any line and any refunds in parts, the screen shows what decideRefund pays back', () => {
    const soldLine = (unit: 'each' | 'kg', qtyMilli: number, totalMinor: number): CartLineView => ({
      lineId: 'l1',
      productId: 'p1',
      sku: 'SKU',
      name: '苹果',
      nameEn: null,
      unit,
      qtyMilli,
      unitPriceMinor: totalMinor,
      taxCategoryId: 'std',
      taxRateBp: 1300,
      discount: null,
      grossMinor: totalMinor,
      lineDiscountMinor: 0,
      orderDiscountMinor: 0,
      netMinor: totalMinor,
      taxMinor: Math.floor(totalMinor / 11),
      totalMinor,
    });
    fc.assert(
      fc.property(
        fc.constantFrom('each' as const, 'kg' as const),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 }),
        (unit, units, totalMinor, parts) => {
          const sold = unit === 'each' ? units * 1000 : units * 137;
          const lines = [soldLine(unit, sold, totalMinor)];
          let back: LineRefunded = { qtyMilli: 0, amountMinor: 0, taxMinor: 0 };
          for (const part of parts) {
            const left = sold - back.qtyMilli;
            const q = Math.min(left, unit === 'each' ? part * 1000 : part * 137);
            if (q <= 0) break;
            const [shown] = refundableLines(lines, new Map([[1, back]]));
            if (!shown) throw new Error('no line');
            const decide = () => decideRefund(lines, new Map([[1, back]]), [{ lineNo: 1, qtyMilli: q }]);
            if (lineRefundMinor(shown, q) === 0) {
              // Too little to pay anything back: the screen shows 0 and main refuses it.
              expect(decide).toThrow(/nothing to pay back/);
              break;
            }
            const decided = decide();
            expect(lineRefundMinor(shown, q)).toBe(decided.amountMinor);
            back = {
              qtyMilli: back.qtyMilli + q,
              amountMinor: back.amountMinor + decided.amountMinor,
              taxMinor: back.taxMinor + decided.taxMinor,
            };
          }
          // Never more than the line: all of it back pays exactly its total.
          expect(back.amountMinor).toBeLessThanOrEqual(totalMinor);
          if (back.qtyMilli === sold) expect(back.amountMinor).toBe(totalMinor);
        },
      ),
      { numRuns: 300 },
    );
  });
});
