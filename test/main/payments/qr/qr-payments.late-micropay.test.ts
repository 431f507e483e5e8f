// A micropay whose answer timed out is "unknown". When the first lookup finds nothing, the micropay may still be
// on its way: the till reverses the reference (which closes it at the gateway) instead of declining at once, so
// a late micropay is refused rather than charging a customer whose cart was freed (qr-payments.ts).
import { describe, expect, it } from 'vitest';
import type { CartView } from '../../../../main/api/contract';
import type { Host } from '../../../../main/host-types';
import { call, cartOf, openShop } from '../fixtures';

const WECHAT = '134567890123456789';

async function totalEnding(h: Host, cents: number): Promise<CartView> {
  const cart = await cartOf(h);
  const off = (((cart.totals.totalMinor - cents) % 100) + 100) % 100;
  return off === 0 ? cart : call(h, 'cart.setOrderDiscount', { discount: { kind: 'amount', minor: off } });
}

describe('QR micropay that arrives after the lookup', () => {
  it('an unknown micropay is not declined (cart freed) while it may still reach the gateway and charge', async () => {
    const shop = await openShop(); // client timeout 1 s, QR polls every 5 ms, 6 polls
    const h = shop.host;
    const cart = await totalEnding(h, 0); // the sandbox charges such an amount at once
    // The micropay takes 2.5 s to reach the ledger: the till's 1 s timeout (and its one retry on a fresh
    // connection, equally slow) make it unknown.
    shop.gateway.setFaults([{ route: 'micropay', kind: 'latency', ms: 2_500, times: 2 }]);
    const r = await call(h, 'payment.startQr', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      code: WECHAT,
    });
    // Wait until the delayed micropay has certainly been executed by the gateway.
    await new Promise((res) => setTimeout(res, 3_000));
    const orders = shop.gateway.ledger.qrOrders('T01');
    const charged = orders.filter((o) => o.reference === r.payment.attemptId && o.status === 'success');
    const local = await call(h, 'payment.get', { attemptId: r.payment.attemptId });
    // Either the till has the sale for the charge, or the customer was not charged; never "declined" + charged.
    expect({ tillState: local.state, chargedAtGateway: charged.length }).not.toEqual({
      tillState: 'declined',
      chargedAtGateway: 1,
    });
  }, 15_000);
});
