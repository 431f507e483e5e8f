// Issue 12 point 5: a gateway answer is believed only when it is signed for the very request it answers. The
// sandbox executes and commits, then its answer is altered by one bit, sent without its signature, or replaced
// by an earlier (genuinely signed) approval: the payment is UNKNOWN — never approved, never declined and
// forgotten — and the unknown-outcome recovery (a signed lookup by reference) settles it, charged once.
import { describe, expect, it } from 'vitest';
import type { FaultRule } from '../../../../main/gateway/sandbox/faults';
import { call, cartOf, failure, openShop, type Shop } from '../fixtures';

async function payWithFault(shop: Shop, fault: FaultRule['kind'], testCard: 'visa' | 'decline' = 'visa') {
  const cart = await cartOf(shop.host);
  shop.gateway.setFaults([{ route: 'authorize', kind: fault, times: 1 }]);
  const a = await call(shop.host, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
  const r = await call(shop.host, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard });
  return { cart, attemptId: a.attemptId, r };
}

describe('forged, unsigned and replayed gateway answers', () => {
  for (const fault of ['tamper-body', 'unsigned'] as const) {
    it(`${fault}: an approval the till cannot authenticate is unknown; the lookup finds it, charged once`, async () => {
      const shop = await openShop();
      const { cart, attemptId, r } = await payWithFault(shop, fault);
      expect(r).toMatchObject({ outcome: 'unknown', sale: null, payment: { state: 'unknown' } });
      expect(shop.gateway.ledger.payments('T01')).toHaveLength(1); // the gateway did charge
      expect((await failure(shop.host, 'cart.clear', {})).code).toBe('CART_LOCKED');
      const resolved = await call(shop.host, 'payment.resolve', { attemptId });
      expect(resolved.outcome).toBe('approved');
      expect(resolved.sale?.totals.totalMinor).toBe(cart.totals.totalMinor);
      expect(shop.gateway.ledger.payments('T01')).toHaveLength(1);
    });
  }

  it('tamper-body on a decline: unknown, not "declined" (the cart stays locked until the lookup says so)', async () => {
    const shop = await openShop();
    const { attemptId, r } = await payWithFault(shop, 'tamper-body', 'decline');
    expect(r).toMatchObject({ outcome: 'unknown', payment: { state: 'unknown' } });
    expect((await failure(shop.host, 'cart.clear', {})).code).toBe('CART_LOCKED');
    const resolved = await call(shop.host, 'payment.resolve', { attemptId });
    expect(resolved.outcome).toBe('declined');
  });

  it("replay-answer: an earlier payment's signed approval handed back for a new payment is unknown", async () => {
    const shop = await openShop();
    const first = await payWithFault(shop, 'latency'); // a plain approval, remembered by the sandbox
    expect(first.r.outcome).toBe('approved');
    const { cart, attemptId, r } = await payWithFault(shop, 'replay-answer');
    // The answer is a genuine, correctly signed approval — of the FIRST payment, for another request's nonce.
    expect(r).toMatchObject({ outcome: 'unknown', sale: null, payment: { state: 'unknown' } });
    const resolved = await call(shop.host, 'payment.resolve', { attemptId });
    expect(resolved.outcome).toBe('approved');
    expect(resolved.sale?.totals.totalMinor).toBe(cart.totals.totalMinor);
    expect(shop.gateway.ledger.payments('T01')).toHaveLength(2);
  });
});
