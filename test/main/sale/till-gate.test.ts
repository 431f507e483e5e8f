// Selling outside training needs a signed-in cashier and an open shift (main/sale/till-gate.ts); each sale
// carries both. Training mode sells without either.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/catalog/demo';
import { createHost } from '../../../main/host';
import { createTillGate } from '../../../main/sale/till-gate';
import { liveShopWithDemoGoods } from '../../support/live-store';
import { CASHIER, readyToSell, rows, TEST_FLOAT } from '../../support/signed-in-till';
import { cleanup, startHost, tempDir } from '../../support/temp-host';

afterEach(cleanup);

describe('the till gate', () => {
  it('asks for a sign-in, then a shift; training asks for neither', () => {
    let who: { operatorId: string; code: string } | null = null;
    let shift: string | null = null;
    const live = createTillGate({ training: false, signedIn: () => who, openShiftId: () => shift });
    expect(() => live.assertCanSell()).toThrow(expect.objectContaining({ code: 'SIGN_IN_REQUIRED' }));
    who = { operatorId: 'op-1', code: '100' };
    expect(() => live.assertCanSell()).toThrow(expect.objectContaining({ code: 'SHIFT_REQUIRED' }));
    shift = 'sh-1';
    expect(() => live.assertCanSell()).not.toThrow();
    expect(live.attribution()).toEqual({ operatorId: 'op-1', shiftId: 'sh-1' });
    const training = createTillGate({ training: true, signedIn: () => null, openShiftId: () => null });
    expect(() => training.assertCanSell()).not.toThrow();
    expect(training.attribution()).toEqual({ operatorId: null, shiftId: null });
  });
});

describe('a live till', () => {
  it('refuses a scan and a tender until a cashier signs in and opens a shift; the sale is theirs', async () => {
    const dataDir = tempDir();
    await liveShopWithDemoGoods(dataDir);
    const h = await startHost({ dataDir });
    const scan = () => h.dispatch('cart.scan', { code: DEMO.cola.barcode });
    expect(await scan()).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    await h.dispatch('session.signIn', { operatorCode: CASHIER.code, pin: CASHIER.pin });
    expect(await scan()).toMatchObject({ ok: false, error: { code: 'SHIFT_REQUIRED' } });
    const opened = await h.dispatch('shift.open', { floatCounts: { ...TEST_FLOAT } });
    if (!opened.ok) throw new Error(opened.error.message);
    const cart = await scan();
    if (!cart.ok) throw new Error(cart.error.message);
    // Signed out with a cart on file: the tender is refused too, and nothing is sold.
    await h.dispatch('session.signOut', {});
    const tender = { cartId: cart.value.cartId, cartVersion: cart.value.version, tenderedMinor: 10_000 };
    expect(await h.dispatch('sale.tenderCash', tender)).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED' },
    });
    expect(rows(dataDir, 'SELECT id FROM sales')).toEqual([]);
    await readyToSell(h);
    const sale = await h.dispatch('sale.tenderCash', tender);
    if (!sale.ok) throw new Error(sale.error.message);
    const [row] = rows<{ shift_id: string; operator_id: string; code: string }>(
      dataDir,
      'SELECT s.shift_id, s.operator_id, o.code FROM sales s JOIN operators o ON o.id = s.operator_id',
    );
    expect(row).toMatchObject({ shift_id: opened.value.shiftId, code: CASHIER.code });
    // The shift closed: the till stops selling at once (the open shift is not remembered past a step).
    const closed = await h.dispatch('shift.close', { counts: { ...TEST_FLOAT } });
    expect(closed).toMatchObject({ ok: true });
    expect(await scan()).toMatchObject({ ok: false, error: { code: 'SHIFT_REQUIRED' } });
  });

  it('training sells with nobody signed in and no shift', async () => {
    const h = await createHost({ dataDir: tempDir(), log: () => undefined, trainingMode: true });
    try {
      expect(await h.dispatch('cart.scan', { code: DEMO.cola.barcode })).toMatchObject({ ok: true });
    } finally {
      await h.close();
    }
  });
});
