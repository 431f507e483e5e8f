import { describe, expect, it } from 'vitest';
import type { RefundableLineView } from '@contract/contract';
import {
  lineRefundMinor,
  newRefundId,
  parseReturnQty,
  qtyText,
  refundTotalMinor,
  stepQty,
} from '../../renderer/src/refunds/refund-math';

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

describe('refund amounts (display; the same rule as main/refunds/refundable.ts)', () => {
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
});

describe('refund quantities', () => {
  it('text for pieces and kg; none is empty', () => {
    expect(qtyText(2000, 'each')).toBe('2');
    expect(qtyText(1235, 'kg')).toBe('1.235');
    expect(qtyText(0, 'kg')).toBe('');
  });

  it('parses typed quantities up to what is left; empty is none', () => {
    expect(parseReturnQty('', 'each', 3000)).toBe(0);
    expect(parseReturnQty('0', 'each', 3000)).toBe(0);
    expect(parseReturnQty('２', 'each', 3000)).toBe(2000);
    expect(parseReturnQty('4', 'each', 3000)).toBeNull();
    expect(parseReturnQty('1.5', 'each', 3000)).toBeNull();
    expect(parseReturnQty('0.5', 'kg', 1235)).toBe(500);
    expect(parseReturnQty('1.2355', 'kg', 1235)).toBeNull();
    expect(parseReturnQty('1.236', 'kg', 1235)).toBeNull();
    expect(parseReturnQty('abc', 'kg', 1235)).toBeNull();
  });

  it('+/- step a piece within 0..left; for kg all of the line or none', () => {
    expect(stepQty(0, line(), 1)).toBe(1000);
    expect(stepQty(3000, line(), 1)).toBe(3000);
    expect(stepQty(0, line(), -1)).toBe(0);
    const kg = line({ unit: 'kg', remainingQtyMilli: 1235 });
    expect(stepQty(0, kg, 1)).toBe(1235);
    expect(stepQty(500, kg, -1)).toBe(0);
  });

  it('refund ids are v4 UUIDs, a new one each time', () => {
    const a = newRefundId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newRefundId()).not.toBe(a);
  });
});
