// QR micropay through the host against the sandbox gateway: instant success, "user paying" then success or
// failure, a customer who never confirms (reversed at the poll limit, cart unlocked, nothing charged), and
// codes that are not payment codes. The sandbox's amount rules decide (docs/gateway-sandbox.md).
import { describe, expect, it } from 'vitest';
import type { CartView } from '../../../main/api/contract';
import type { Host } from '../../../main/host-types';
import { DEMO } from '../../../main/catalog/demo';
import { call, cartOf, failure, openShop } from './fixtures';

const WECHAT = '134567890123456789'; // 18 digits, 10–15 prefix
const ALIPAY = '28763443825664394'; // 17 digits, 25–30 prefix

/** The cart's total made to end in `cents` with an order discount (the sandbox decides by the last two digits). */
async function totalEnding(h: Host, cents: number): Promise<CartView> {
  const cart = await cartOf(h);
  const off = (((cart.totals.totalMinor - cents) % 100) + 100) % 100;
  return off === 0 ? cart : call(h, 'cart.setOrderDiscount', { discount: { kind: 'amount', minor: off } });
}

describe('QR payments', () => {
  it('success at once: the sale is complete with a QR tender naming the scheme', async () => {
    const { host: h, gateway } = await openShop();
    const cart = await totalEnding(h, 0);
    const r = await call(h, 'payment.startQr', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      code: WECHAT,
    });
    expect(r.outcome).toBe('approved');
    expect(r.sale?.tenders[0]).toMatchObject({
      kind: 'qr',
      brand: 'wechat',
      amountMinor: cart.totals.totalMinor,
    });
    expect(gateway.ledger.qrOrders('T01')).toHaveLength(1);
  });

  it('"user paying", then the customer confirms: approved after polling', async () => {
    const { host: h } = await openShop();
    const cart = await totalEnding(h, 2);
    const seen: string[] = [];
    h.subscribe((event, payload) => {
      if (event === 'payment') seen.push((payload as { state: string }).state);
    });
    const r = await call(h, 'payment.startQr', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      code: ALIPAY,
    });
    expect(r.outcome).toBe('approved');
    expect(seen).toContain('user_paying');
    expect(r.payment.qrScheme).toBe('alipay');
  });

  it('"user paying", then the customer cancels on the phone: declined, cart free for cash', async () => {
    const { host: h } = await openShop();
    const cart = await totalEnding(h, 3);
    const r = await call(h, 'payment.startQr', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      code: WECHAT,
    });
    expect(r).toMatchObject({ outcome: 'declined', sale: null });
    const cash = await call(h, 'sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: cart.totals.totalMinor,
    });
    expect(cash.tenders[0]?.kind).toBe('cash');
  });

  it('the customer never confirms: reversed at the poll limit, nothing charged, the cart is free', async () => {
    const { host: h, gateway } = await openShop();
    const cart = await totalEnding(h, 4);
    const r = await call(h, 'payment.startQr', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      code: WECHAT,
    });
    expect(r).toMatchObject({ outcome: 'declined', payment: { state: 'cancelled' } });
    expect(gateway.ledger.qrOrders('T01')[0]?.status).toMatch(/closed|reversed/);
    // Unlocked: the cart takes another item, and the reversal is on the manager's journal.
    const more = await call(h, 'cart.scan', { code: DEMO.milk.barcode });
    expect(more.lines.length).toBe(cart.lines.length + 1);
  });

  it('a micropay answer lost after the gateway charged is found by reference, never charged twice', async () => {
    const { host: h, gateway } = await openShop();
    const cart = await totalEnding(h, 0);
    gateway.setFaults([{ route: 'micropay', kind: 'reset-after-commit', times: 2 }]);
    const r = await call(h, 'payment.startQr', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      code: WECHAT,
    });
    expect(r.outcome).toBe('approved');
    expect(gateway.ledger.qrOrders('T01')).toHaveLength(1);
  });

  it('a product barcode is not a payment code, and a payment code is never looked up as a product', async () => {
    const { host: h } = await openShop();
    const cart = await cartOf(h);
    expect(
      (
        await failure(h, 'payment.startQr', {
          cartId: cart.cartId,
          cartVersion: cart.version,
          code: '6901234567892',
        })
      ).code,
    ).toBe('BARCODE_MALFORMED');
    expect((await failure(h, 'cart.scan', { code: WECHAT })).detail).toMatchObject({
      reason: 'payment-code',
    });
  });
});
