// The till's lock (session.lock, issue 13 point 1): the session stays and the cart keeps its owner, but a
// locked till sells nothing (a scan and a tender are refused with SIGN_IN_REQUIRED) until a sign-in. The
// same cashier's PIN unlocks and the same cart goes on; the lock survives a restart; the status bar says it.
import { afterEach, describe, expect, it } from 'vitest';
import type { CartView } from '../../../main/api/contract';
import { DEMO } from '../../../main/catalog/demo';
import { liveShopWithDemoGoods } from '../../support/live-store';
import { CASHIER, journal, readyToSell, rows, signInTill } from '../../support/signed-in-till';
import { cleanup, startHost, tempDir } from '../../support/temp-host';

afterEach(cleanup);

type H = Awaited<ReturnType<typeof startHost>>;

async function liveTill(dataDir = tempDir()): Promise<H> {
  return startHost({ dataDir });
}

async function ok<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r.value;
}

const scan = (h: H, code: string = DEMO.cola.barcode) => h.dispatch('cart.scan', { code });
const signedIn = async (h: H) => (await ok(h.dispatch('status.get', {}))).signedIn;

describe('session.lock', () => {
  it('refuses a scan and a tender while locked; the same cashier’s PIN unlocks the same cart', async () => {
    const dataDir = tempDir();
    await liveShopWithDemoGoods(dataDir);
    const h = await liveTill(dataDir);
    await readyToSell(h);
    const cart: CartView = await ok(scan(h));
    const locked = await ok(h.dispatch('session.lock', {}));
    expect(locked).toMatchObject({ code: CASHIER.code, locked: true });
    expect(await signedIn(h)).toEqual({ code: CASHIER.code, name: CASHIER.name, locked: true });
    expect(await scan(h, DEMO.water.barcode)).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED' },
    });
    const tender = { cartId: cart.cartId, cartVersion: cart.version, tenderedMinor: 10_000 };
    expect(await h.dispatch('sale.tenderCash', tender)).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED' },
    });
    expect(rows(dataDir, 'SELECT id FROM sales')).toEqual([]);
    expect(journal(dataDir, 'staff.locked')).toMatchObject([{ code: CASHIER.code }]);

    await ok(h.dispatch('session.signIn', { operatorCode: CASHIER.code, pin: CASHIER.pin }));
    expect(await signedIn(h)).toEqual({ code: CASHIER.code, name: CASHIER.name });
    const after = await ok(h.dispatch('cart.get', {}));
    expect({ id: after.cartId, lines: after.lines.length }).toEqual({ id: cart.cartId, lines: 1 });
    const sale = await ok(h.dispatch('sale.tenderCash', tender));
    expect(sale.totals.totalMinor).toBe(cart.totals.totalMinor);
    expect(journal(dataDir, 'staff.signed-in').at(-1)).toMatchObject({ code: CASHIER.code, unlocked: true });
  });

  it('stays locked across a restart', async () => {
    const dataDir = tempDir();
    await liveShopWithDemoGoods(dataDir);
    const first = await liveTill(dataDir);
    await readyToSell(first);
    await ok(scan(first));
    await ok(first.dispatch('session.lock', {}));
    await first.close();
    const again = await liveTill(dataDir);
    expect(await ok(again.dispatch('session.current', {}))).toMatchObject({
      code: CASHIER.code,
      locked: true,
    });
    expect(await signedIn(again)).toMatchObject({ locked: true });
    expect(await scan(again)).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    await readyToSell(again);
    expect((await ok(scan(again))).lines).toHaveLength(1); // the same line, its quantity now 2
  });

  it('locks nothing when nobody is signed in, and locking twice journals once', async () => {
    const h = await signInTill();
    expect(await ok(h.dispatch('session.lock', {}))).toBeNull();
    await ok(h.dispatch('session.signIn', { operatorCode: CASHIER.code, pin: CASHIER.pin }));
    await ok(h.dispatch('session.lock', {}));
    await ok(h.dispatch('session.lock', {}));
    expect(journal(h.dataDir, 'staff.locked')).toHaveLength(1);
  });
});
