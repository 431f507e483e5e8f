// Discounts over config `discountApproval` need someone holding discount.overLimit: refused with
// APPROVAL_REQUIRED (nothing saved) without an approval, saved and journalled with one; a cashier's approval is
// refused like a wrong PIN; taking a discount off never needs one; the limits come from config.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/catalog/demo';
import type { Host } from '../../../main/host-types';
import { DEFAULT_DISCOUNT_LIMIT, isOverLimit } from '../../../main/sale/discount-limit';
import { cleanup, startHost, tempDir } from '../../support/temp-host';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import { openDatabase } from '../../../main/store/db';

afterEach(cleanup);

const MANAGER = { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin };

async function cartWithRice(h: Host, count = 1) {
  let cart = await h.dispatch('cart.scan', { code: DEMO.cola.barcode });
  for (let i = 0; i < count; i++) cart = await h.dispatch('cart.scan', { code: DEMO.rice.barcode }); // 39.90
  if (!cart.ok) throw new Error(cart.error.message);
  return cart.value;
}

describe('discount approval', () => {
  it('defaults: over 20 % or over 50.00 taken off', () => {
    expect(DEFAULT_DISCOUNT_LIMIT).toEqual({ maxPercentBp: 2000, maxAmountMinor: 5000 });
    expect(isOverLimit({ kind: 'percent', bp: 2000 }, 100, DEFAULT_DISCOUNT_LIMIT)).toBe(false);
    expect(isOverLimit({ kind: 'percent', bp: 2001 }, 100, DEFAULT_DISCOUNT_LIMIT)).toBe(true);
    expect(isOverLimit({ kind: 'amount', minor: 5000 }, 5000, DEFAULT_DISCOUNT_LIMIT)).toBe(false);
    expect(isOverLimit({ kind: 'percent', bp: 1000 }, 5001, DEFAULT_DISCOUNT_LIMIT)).toBe(true);
  });

  it('a line discount over the limit is APPROVAL_REQUIRED and saves nothing; with a manager it is saved and journalled', async () => {
    const h = await startHost({ trainingMode: true });
    const cart = await cartWithRice(h);
    const line = cart.lines[1]?.lineId ?? '';
    const big = { kind: 'percent', bp: 2500 } as const;
    const refused = await h.dispatch('cart.setLineDiscount', { lineId: line, discount: big });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      detail: { permission: 'discount.overLimit', maxPercentBp: 2000, maxAmountMinor: 5000 },
    });
    const unchanged = await h.dispatch('cart.get', {});
    expect(unchanged.ok && unchanged.value.lines[1]?.discount).toBeNull();
    const small = await h.dispatch('cart.setLineDiscount', {
      lineId: line,
      discount: { kind: 'percent', bp: 2000 },
    });
    expect(small.ok).toBe(true);
    const ok = await h.dispatch('cart.setLineDiscount', { lineId: line, discount: big, approval: MANAGER });
    expect(ok.ok && ok.value.lines[1]?.lineDiscountMinor).toBe(998);
    const off = await h.dispatch('cart.setLineDiscount', { lineId: line, discount: null });
    expect(off.ok).toBe(true);
    const db = openDatabase(path.join(h.dataDir, 'pos.sqlite'));
    const rows = db.prepare(`SELECT body FROM journal WHERE kind = 'cart.discount-approved'`).all() as {
      body: string;
    }[];
    db.close();
    expect(rows.map((r) => JSON.parse(r.body) as unknown)).toEqual([
      {
        lineId: line,
        discount: big,
        discountMinor: 998,
        currency: 'CNY',
        approvedBy: { operatorId: 'training-manager', code: '900', name: TRAINING_MANAGER.name },
      },
    ]);
  });

  it('an order discount taking more than the amount limit off needs approval; a wrong PIN is refused and counted', async () => {
    const h = await startHost({ trainingMode: true });
    await cartWithRice(h, 10); // 399.00 of rice + a cola
    const pct = { kind: 'percent', bp: 1500 } as const; // under 20 %, but ~60.37 off
    const refused = await h.dispatch('cart.setOrderDiscount', { discount: pct });
    expect(refused.ok ? null : refused.error.code).toBe('APPROVAL_REQUIRED');
    const wrong = await h.dispatch('cart.setOrderDiscount', {
      discount: pct,
      approval: { operatorCode: '900', pin: '9999' },
    });
    expect(wrong.ok ? null : wrong.error.code).toBe('APPROVAL_DENIED');
    const ok = await h.dispatch('cart.setOrderDiscount', { discount: pct, approval: MANAGER });
    expect(ok.ok && ok.value.totals.orderDiscountMinor).toBeGreaterThan(5000);
  });

  it('takes its limits from config.json discountApproval', async () => {
    const dataDir = tempDir();
    await (await startHost({ dataDir, trainingMode: true })).close();
    const file = path.join(dataDir, 'config.json');
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify({ ...config, discountApproval: { maxPercentBp: 500 } }));
    const h = await startHost({ dataDir });
    const cart = await cartWithRice(h);
    const r = await h.dispatch('cart.setLineDiscount', {
      lineId: cart.lines[0]?.lineId ?? '',
      discount: { kind: 'percent', bp: 1000 },
    });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'APPROVAL_REQUIRED', detail: { maxPercentBp: 500 } });
  });
});
