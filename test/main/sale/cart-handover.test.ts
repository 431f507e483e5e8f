// Switch user (issue 13 point 1): a different cashier signing in while a cart has lines parks that cart for
// its owner, not voided and not sold by the next cashier; the new cashier gets an empty cart, or their own
// parked one; the owner signing in again gets theirs back, across a restart. A card payment whose outcome is
// unknown (money may have moved for the cart) refuses the switch with CART_LOCKED.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/catalog/demo';
import {
  addStaffOnFile,
  CASHIER,
  journal,
  readyToSell,
  rows,
  SUPERVISOR,
} from '../../support/signed-in-till';
import { liveShopWithDemoGoods } from '../../support/live-store';
import { cleanup, startHost, tempDir } from '../../support/temp-host';
import { call, cartOf, failure, openShop } from '../payments/fixtures';

afterEach(cleanup);

type H = Awaited<ReturnType<typeof startHost>>;

const signIn = (h: Pick<H, 'dispatch'>, who: { code: string; pin: string }) =>
  call(h as H, 'session.signIn', { operatorCode: who.code, pin: who.pin });
const lines = async (h: H) =>
  (await call(h, 'cart.get', {})).lines.map((l) => [l.name, l.qtyMilli / 1000] as const);
const carts = (dataDir: string) =>
  rows<{ id: string; status: string; owner: string | null }>(
    dataDir,
    `SELECT c.id, c.status, o.code AS owner FROM carts c LEFT JOIN operators o ON o.id = c.owner_operator_id
     WHERE c.status IN ('open', 'parked') ORDER BY c.status, o.code`,
  );

describe('switch user', () => {
  it('parks each cashier’s cart for them and gives it back when they sign in, across a restart', async () => {
    const dataDir = tempDir();
    await liveShopWithDemoGoods(dataDir);
    const h = await startHost({ dataDir });
    await readyToSell(h, CASHIER);
    const mine = await cartOf(h); // cola + water
    await signIn(h, SUPERVISOR);
    expect(await lines(h)).toEqual([]);
    expect(carts(dataDir)).toEqual([
      { id: expect.any(String), status: 'open', owner: null },
      { id: mine.cartId, status: 'parked', owner: CASHIER.code },
    ]);
    const theirs = await call(h, 'cart.scan', { code: DEMO.milk.barcode });
    await h.close();

    const again = await startHost({ dataDir });
    await signIn(again, CASHIER);
    expect((await call(again, 'cart.get', {})).cartId).toBe(mine.cartId);
    expect(await lines(again)).toEqual([
      [DEMO.cola.name, 1],
      [DEMO.water.name, 1],
    ]);
    expect(carts(dataDir)).toEqual([
      { id: mine.cartId, status: 'open', owner: CASHIER.code },
      { id: theirs.cartId, status: 'parked', owner: SUPERVISOR.code },
    ]);
    expect(journal(dataDir, 'staff.signed-in').at(-1)).toMatchObject({
      code: CASHIER.code,
      parked: theirs.cartId,
      restored: mine.cartId,
    });
    // Each sells their own cart: the cashier's sale is the cashier's two lines, nothing of the supervisor's.
    const sale = await call(again, 'sale.tenderCash', {
      cartId: mine.cartId,
      cartVersion: (await call(again, 'cart.get', {})).version,
      tenderedMinor: mine.totals.totalMinor,
    });
    expect(sale.lines.map((l) => l.name)).toEqual([DEMO.cola.name, DEMO.water.name]);
    await signIn(again, SUPERVISOR);
    expect((await call(again, 'cart.get', {})).cartId).toBe(theirs.cartId);
    expect(await lines(again)).toEqual([[DEMO.milk.name, 1]]);
    // The cashier's empty cart gave its place up; nothing is parked any more, nothing was voided.
    expect(carts(dataDir)).toEqual([{ id: theirs.cartId, status: 'open', owner: SUPERVISOR.code }]);
    expect(journal(dataDir, 'cart.abandoned')).toEqual([]);
  });

  it('an empty cart is not parked, and the same cashier signing in again keeps their cart', async () => {
    const dataDir = tempDir();
    await liveShopWithDemoGoods(dataDir);
    const h = await startHost({ dataDir });
    await readyToSell(h, CASHIER);
    const empty = await call(h, 'cart.get', {});
    await signIn(h, SUPERVISOR);
    expect((await call(h, 'cart.get', {})).cartId).toBe(empty.cartId);
    await signIn(h, CASHIER);
    const cart = await cartOf(h);
    await call(h, 'session.signOut', {});
    await signIn(h, CASHIER);
    expect((await call(h, 'cart.get', {})).cartId).toBe(cart.cartId);
    expect(rows(dataDir, "SELECT id FROM carts WHERE status = 'parked'")).toEqual([]);
  });

  it('after a sign-out the next cashier still does not get the cart: it is parked for whoever signed out', async () => {
    const dataDir = tempDir();
    await liveShopWithDemoGoods(dataDir);
    const h = await startHost({ dataDir });
    await readyToSell(h, CASHIER);
    const mine = await cartOf(h);
    await call(h, 'session.signOut', {});
    await signIn(h, SUPERVISOR);
    expect(await lines(h)).toEqual([]);
    expect(carts(dataDir)).toContainEqual({ id: mine.cartId, status: 'parked', owner: CASHIER.code });
  });

  it('a card payment whose outcome is unknown refuses the switch: nobody else signs in', async () => {
    const shop = await openShop();
    addStaffOnFile(shop.dataDir);
    const h = shop.host;
    await signIn(h, CASHIER);
    const cart = await cartOf(h);
    shop.gateway.setFaults([{ route: 'authorize', kind: 'reset-after-commit', times: 2 }]);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const r = await call(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
    expect(r.outcome).toBe('unknown');
    const switched = await failure(h, 'session.signIn', {
      operatorCode: SUPERVISOR.code,
      pin: SUPERVISOR.pin,
    });
    expect(switched.code).toBe('CART_LOCKED');
    expect(await call(h, 'session.current', {})).toMatchObject({ code: CASHIER.code });
    expect((await call(h, 'cart.get', {})).cartId).toBe(cart.cartId);
    expect(rows(shop.dataDir, "SELECT id FROM carts WHERE status = 'parked'")).toEqual([]);
  });
});
