// Counted events through a live till: a no-sale, a reprint, an approved discount or cash movement over its
// limit (an override), a void and a line void each add exactly one count for the open shift and the signed-in
// cashier, in the business day open now; refused or failed actions add nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CartView } from '../../../main/api/contract';
import { DEFAULT_DRAWER } from '../../../main/api/contract/shifts';
import { createHost } from '../../../main/host';
import type { Host } from '../../../main/host-types';
import { liveShopWithDemoGoods } from '../../support/live-store';
import { readyToSell, rows, SUPERVISOR } from '../../support/signed-in-till';
import { call, cartOf, failure } from '../payments/fixtures';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

const approval = { operatorCode: SUPERVISOR.code, pin: SUPERVISOR.pin };
const WRONG = { operatorCode: SUPERVISOR.code, pin: '0000' };

interface Counted {
  day_no: number;
  metric: string;
  shift_id: string;
  operator_id: string;
  n: number;
}
const counts = (dataDir: string): Record<string, Counted> =>
  Object.fromEntries(
    rows<Counted>(
      dataDir,
      `SELECT day_no, metric, shift_id, operator_id, n FROM day_totals WHERE metric LIKE 'count:%'`,
    ).map((r) => [r.metric.slice('count:'.length), r]),
  );
const ns = (dataDir: string): Record<string, number> =>
  Object.fromEntries(Object.entries(counts(dataDir)).map(([k, r]) => [k, r.n]));

async function liveTill(): Promise<{ h: Host; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-counted-'));
  await liveShopWithDemoGoods(dataDir);
  const h = await createHost({ dataDir, log: () => undefined });
  closers.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  closers.push(() => h.close());
  await readyToSell(h);
  return { h, dataDir };
}

describe('counted events at a live till', () => {
  it('each event counts once for the shift and cashier; a refused one counts nothing', async () => {
    const { h, dataDir } = await liveTill();
    const shift = await call(h, 'shift.current', {});
    const cashier = await call(h, 'session.current', {});

    // refused first: nothing counted
    expect((await failure(h, 'drawer.open', { reason: 'change', approval: WRONG })).code).toBeTruthy();
    expect((await failure(h, 'sale.reprintLast', {})).code).toBe('NOT_FOUND');
    expect((await failure(h, 'cart.removeLine', { lineId: 'no-such-line' })).code).toBe('LINE_NOT_FOUND');
    await call(h, 'cart.clear', {}); // an empty cart: no void
    await cartOf(h);
    const half = { kind: 'percent' as const, bp: 5000 };
    expect((await failure(h, 'cart.setOrderDiscount', { discount: half })).code).toBe('APPROVAL_REQUIRED');
    const bigPaidIn = {
      drawerId: DEFAULT_DRAWER,
      kind: 'paid_in' as const,
      amountMinor: 60_000,
      reason: 'bank',
    };
    expect((await failure(h, 'shift.move', bigPaidIn)).code).toBe('APPROVAL_REQUIRED');
    expect(ns(dataDir)).toEqual({});

    await call(h, 'drawer.open', { reason: 'change for a note', approval });
    let cart: CartView = await call(h, 'cart.setOrderDiscount', { discount: half, approval });
    await call(h, 'shift.move', { ...bigPaidIn, approval });
    await call(h, 'shift.move', { ...bigPaidIn, amountMinor: 1_000 }); // under the limit: no override
    const first = cart.lines[0];
    if (!first) throw new Error('no line');
    await call(h, 'cart.removeLine', { lineId: first.lineId });
    await call(h, 'cart.clear', {}); // it still has a line: a void
    cart = await cartOf(h);
    await call(h, 'sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: cart.totals.totalMinor,
    });
    await call(h, 'sale.reprintLast', {});
    expect(ns(dataDir)).toEqual({ 'no-sale': 1, override: 2, 'line-void': 1, void: 1, reprint: 1 });
    for (const r of Object.values(counts(dataDir))) {
      expect(r).toMatchObject({ day_no: 1, shift_id: shift?.shiftId, operator_id: cashier?.operatorId });
    }
  });
});
