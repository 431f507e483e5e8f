// QR micropay through the host against the sandbox gateway: instant success, "user paying" then success or
// failure, a customer who never confirms (reversed at the poll limit, cart unlocked, nothing charged), and
// codes that are not payment codes. The sandbox's amount rules decide (docs/gateway-sandbox.md).
import { describe, expect, it } from 'vitest';
import type { CartView } from '../../../../main/api/contract';
import type { Host } from '../../../../main/host-types';
import { DEMO } from '../../../../main/catalog/demo';
import { createHost } from '../../../../main/host';
import { call, cartOf, failure, openShop, until } from '../fixtures';

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

  it('a QR payment left "user paying" when the app stops is followed up after the restart: one sale', async () => {
    const shop = await openShop();
    const cart = await totalEnding(shop.host, 2); // "user paying", then success once the customer confirms
    // The follow-up query hangs, and the app goes away meanwhile.
    shop.gateway.setFaults([{ route: 'queryQr', kind: 'latency', ms: 2_000, times: 1 }]);
    const paying = shop.host.dispatch('payment.startQr', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      code: ALIPAY,
    });
    await until(() => shop.gateway.ledger.qrOrders('T01').length === 1, 'the micropay reached the gateway');
    await new Promise((r) => setTimeout(r, 100));
    await shop.host.close();
    await paying.catch(() => undefined);
    shop.gateway.clearFaults();

    const again = await createHost({ dataDir: shop.dataDir, log: () => undefined });
    try {
      // The cart is still held by the open payment; the background follow-up settles it.
      const blocked = await failure(again, 'cart.scan', { code: DEMO.water.barcode });
      expect(blocked.code).toBe('CART_LOCKED');
      await until(
        async () => (await call(again, 'sale.last', {}))?.tenders[0]?.kind === 'qr',
        'the QR sale after the restart',
        20_000,
      );
      const sale = await call(again, 'sale.last', {});
      expect(sale?.totals.totalMinor).toBe(cart.totals.totalMinor);
      expect(shop.gateway.ledger.qrOrders('T01').map((o) => o.status)).toEqual(['success']);
      expect((await call(again, 'payment.recovery', {})).filter((p) => p.kind === 'qr')).toEqual([]);
    } finally {
      await again.close();
    }
  }, 30_000);
});
