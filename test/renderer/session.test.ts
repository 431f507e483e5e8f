import { describe, expect, it } from 'vitest';
import type { CartLineView, CartView } from '@contract/contract';
import { initialSession, sessionReducer, type SessionState } from '../../renderer/src/app/session';

const line = (lineId: string): CartLineView => ({
  lineId,
  productId: `p-${lineId}`,
  sku: lineId,
  name: lineId,
  nameEn: null,
  unit: 'each',
  qtyMilli: 1000,
  unitPriceMinor: 100,
  taxCategoryId: 'std',
  taxRateBp: 1300,
  discount: null,
  grossMinor: 100,
  lineDiscountMinor: 0,
  orderDiscountMinor: 0,
  netMinor: 100,
  taxMinor: 12,
  totalMinor: 100,
});

const cart = (version: number, ids: string[], lastLineId: string | null = null, cartId = 'c1'): CartView => ({
  cartId,
  version,
  currency: 'CNY',
  pricingMode: 'inclusive',
  taxRounding: 'line',
  lines: ids.map(line),
  orderDiscount: null,
  totals: {
    grossMinor: 0,
    lineDiscountMinor: 0,
    orderDiscountMinor: 0,
    taxMinor: 0,
    totalMinor: 0,
    taxes: [],
  },
  lastLineId,
});

const apply = (state: SessionState, ...carts: [CartView, boolean?][]) =>
  carts.reduce((s, [c, touched]) => sessionReducer(s, { type: 'cart', cart: c, touched }), state);

describe('session reducer', () => {
  it('never steps back to an older version of the same cart (responses and events can cross)', () => {
    const s = apply(initialSession, [cart(5, ['a', 'b'])], [cart(4, ['a'])]);
    expect(s.cart?.version).toBe(5);
    const next = apply(s, [cart(1, [], null, 'c2')]); // a new cart after a sale: always taken
    expect(next.cart?.cartId).toBe('c2');
  });

  it('our own scan selects and flashes the touched line; each scan re-triggers the flash', () => {
    let s = apply(initialSession, [cart(1, ['a'], 'a'), true]);
    expect(s.selectedLineId).toBe('a');
    expect(s.flash).toEqual({ lineId: 'a', seq: 1 });
    s = apply(s, [cart(2, ['a'], 'a'), true]);
    expect(s.flash).toEqual({ lineId: 'a', seq: 2 });
  });

  it('pushed events keep the selection where the cashier put it', () => {
    let s = apply(initialSession, [cart(1, ['a', 'b'], 'b'), true]);
    s = sessionReducer(s, { type: 'select', lineId: 'a' });
    s = apply(s, [cart(2, ['a', 'b', 'c'], 'c')]);
    expect(s.selectedLineId).toBe('a');
    expect(s.flash?.lineId).toBe('b');
  });

  it('a removed selected line moves the selection to a line that exists', () => {
    let s = apply(initialSession, [cart(1, ['a', 'b'], 'b')]);
    s = sessionReducer(s, { type: 'select', lineId: 'b' });
    s = apply(s, [cart(2, ['a'], null)]);
    expect(s.selectedLineId).toBe('a');
    s = apply(s, [cart(3, [], null)]);
    expect(s.selectedLineId).toBeNull();
  });

  it('arrow selection stays within the cart', () => {
    let s = apply(initialSession, [cart(1, ['a', 'b', 'c'], 'c')]);
    s = sessionReducer(s, { type: 'moveSelection', delta: 1 });
    expect(s.selectedLineId).toBe('c');
    s = sessionReducer(s, { type: 'moveSelection', delta: -1 });
    s = sessionReducer(s, { type: 'moveSelection', delta: -1 });
    s = sessionReducer(s, { type: 'moveSelection', delta: -1 });
    expect(s.selectedLineId).toBe('a');
  });

  it('the same toast twice shows once; at most three at a time', () => {
    let s = initialSession;
    s = sessionReducer(s, {
      type: 'toast',
      toast: { tone: 'info', key: 'payment.notReady', values: {} },
    });
    s = sessionReducer(s, {
      type: 'toast',
      toast: { tone: 'info', key: 'payment.notReady', values: {} },
    });
    expect(s.toasts).toHaveLength(1);
    for (const code of ['1', '2', '3']) {
      s = sessionReducer(s, {
        type: 'toast',
        toast: { tone: 'error', key: 'error.BARCODE_UNKNOWN', values: { code } },
      });
    }
    expect(s.toasts.map((t) => t.values['code'])).toEqual(['1', '2', '3']);
  });
});
