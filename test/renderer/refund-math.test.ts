import { describe, expect, it } from 'vitest';
import type { RefundableLineView } from '@contract/contract';
import { newRefundId, parseReturnQty, qtyText, stepQty } from '../../renderer/src/refunds/refund-math';
// What a quantity pays back is the contract's rule: its tests are in test/main/api/refund-share.test.ts.

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
