// A manager's override of the offline caps is counted in the business day's totals (count:override) in the
// transaction that stores the payment, for the till's cashier; a refused or within-cap offline payment is not.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../../main/catalog/demo';
import { rows } from '../../../support/signed-in-till';
import { call, cartOf, failure, openShop, payOffline } from '../fixtures';

const APPROVAL = { operatorCode: '900', pin: '1234' };

const overrides = (dataDir: string) =>
  rows<{ shift_id: string; operator_id: string; n: number }>(
    dataDir,
    `SELECT shift_id, operator_id, n FROM day_totals WHERE metric = 'count:override'`,
  );

describe('offline store: the caps override', () => {
  it('counts once when a manager lets a payment past the cap, never for a refused or within-cap one', async () => {
    const shop = await openShop();
    const h = shop.host;
    const me = await call(h, 'session.signIn', APPROVAL);
    expect((await payOffline(shop, 'visa')).result.outcome).toBe('stored'); // within the caps
    const one = await cartOf(h, [DEMO.milk.barcode]);
    const big = await call(h, 'cart.setQuantity', { lineId: one.lines[0]?.lineId ?? '', qtyMilli: 100_000 });
    const target = { cartId: big.cartId, cartVersion: big.version, customerContact: 'a@b.cn' };
    const b = await call(h, 'payment.startCard', target);
    expect(
      (await failure(h, 'payment.trainingSwipe', { attemptId: b.attemptId, testCard: 'visa' })).code,
    ).toBe('OFFLINE_LIMIT');
    await call(h, 'payment.cancel', { attemptId: b.attemptId });
    expect(overrides(shop.dataDir)).toEqual([]);
    const o = await call(h, 'payment.startCard', { ...target, override: APPROVAL });
    const stored = await call(h, 'payment.trainingSwipe', { attemptId: o.attemptId, testCard: 'unionpay' });
    expect(stored.outcome).toBe('stored');
    // training: no shift; the signed-in cashier is whoever signed in
    expect(overrides(shop.dataDir)).toEqual([{ shift_id: '', operator_id: me.operatorId, n: 1 }]);
  });
});
