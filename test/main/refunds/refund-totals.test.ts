// A completed refund adds itself to its business day's totals (refunds n/amount/tax and refund:<tender>) for
// the shift and cashier it was issued under, in the transaction that completes it; a live cash refund with no
// open shift is refused before anything is written; training refunds need no shift.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../../main/api/contract';
import { DEFAULT_DRAWER } from '../../../main/api/contract/shifts';
import { createHost } from '../../../main/host';
import type { Host } from '../../../main/host-types';
import { liveShopWithDemoGoods } from '../../support/live-store';
import { addStaffOnFile, readyToSell, rows, TEST_FLOAT } from '../../support/signed-in-till';
import { call, cartOf, failure, openShop } from '../payments/fixtures';

const MANAGER = { code: '500', name: '王经理', role: 'manager', pin: '604817' } as const;
const TRAINING_APPROVAL = { operatorCode: '900', pin: '1234' };

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

interface TotalRow {
  metric: string;
  shift_id: string;
  operator_id: string;
  n: number;
  amount_minor: number;
  tax_minor: number;
}
const refundTotals = (dataDir: string): TotalRow[] =>
  rows<TotalRow>(
    dataDir,
    `SELECT metric, shift_id, operator_id, n, amount_minor, tax_minor FROM day_totals
     WHERE metric = 'refunds' OR metric LIKE 'refund:%' ORDER BY metric`,
  );

async function cashSale(h: Host): Promise<SaleView> {
  const cart = await cartOf(h);
  return call(h, 'sale.tenderCash', {
    cartId: cart.cartId,
    cartVersion: cart.version,
    tenderedMinor: cart.totals.totalMinor,
  });
}

const firstLine = (sale: SaleView, refundId: string, approval: { operatorCode: string; pin: string }) => ({
  refundId,
  saleId: sale.saleId,
  lines: [{ lineNo: 1, qtyMilli: sale.lines[0]?.qtyMilli ?? 1000 }],
  reason: 'defective' as const,
  approval,
});

async function liveTill(): Promise<{ h: Host; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-refund-totals-'));
  await liveShopWithDemoGoods(dataDir);
  addStaffOnFile(dataDir, [MANAGER]);
  const h = await createHost({ dataDir, log: () => undefined });
  closers.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  closers.push(() => h.close());
  return { h, dataDir };
}

describe('refund totals', () => {
  it('live cash refund: carries the shift and cashier and adds refunds + refund:cash once, in its commit', async () => {
    const { h, dataDir } = await liveTill();
    await readyToSell(h);
    const shift = await call(h, 'shift.current', {});
    const cashier = await call(h, 'session.current', {});
    const sale = await cashSale(h);
    const refundId = randomUUID();
    const approval = { operatorCode: MANAGER.code, pin: MANAGER.pin };
    const refund = await call(h, 'refund.issue', firstLine(sale, refundId, approval));
    const [stored] = rows<{ shift_id: string | null; operator_id: string | null }>(
      dataDir,
      'SELECT shift_id, operator_id FROM refunds WHERE id = ?',
      refundId,
    );
    expect(stored).toEqual({ shift_id: shift?.shiftId, operator_id: cashier?.operatorId });
    const who = { shift_id: shift?.shiftId, operator_id: cashier?.operatorId };
    expect(refundTotals(dataDir)).toEqual([
      { metric: 'refund:cash', ...who, n: 1, amount_minor: refund.amountMinor, tax_minor: 0 },
      { metric: 'refunds', ...who, n: 1, amount_minor: refund.amountMinor, tax_minor: refund.taxMinor },
    ]);
    expect(refund.amountMinor).toBeGreaterThan(0);
    expect(refund.taxMinor).toBeGreaterThan(0);
    // a retry of the same refund settles it again and adds nothing
    await call(h, 'refund.issue', firstLine(sale, refundId, approval));
    expect(refundTotals(dataDir).map((r) => r.n)).toEqual([1, 1]);
  });

  it('live cash refund with no open shift: SHIFT_REQUIRED, before the PIN, and nothing written', async () => {
    const { h, dataDir } = await liveTill();
    await readyToSell(h);
    const sale = await cashSale(h);
    const closed = await call(h, 'shift.close', { drawerId: DEFAULT_DRAWER, counts: { ...TEST_FLOAT } });
    expect(closed.state).toBe('closed');
    const before = {
      refunds: rows(dataDir, 'SELECT * FROM refunds'),
      journal: rows(dataDir, 'SELECT seq FROM journal'),
      jobs: rows(dataDir, 'SELECT id FROM print_jobs'),
    };
    // A wrong PIN is never checked: the refusal comes first.
    const wrong = { operatorCode: MANAGER.code, pin: '000000' };
    const r = await failure(h, 'refund.issue', firstLine(sale, randomUUID(), wrong));
    expect(r.code).toBe('SHIFT_REQUIRED');
    expect({
      refunds: rows(dataDir, 'SELECT * FROM refunds'),
      journal: rows(dataDir, 'SELECT seq FROM journal'),
      jobs: rows(dataDir, 'SELECT id FROM print_jobs'),
    }).toEqual(before);
    expect(refundTotals(dataDir)).toEqual([]);
  });

  it('card refund whose answer is lost: nothing while unknown, once when the lookup settles it, as its issuer’s', async () => {
    const shop = await openShop({ tuning: { clientTimeoutMs: 10_000 } });
    const h = shop.host;
    const issuer = await call(h, 'session.signIn', TRAINING_APPROVAL);
    const cart = await cartOf(h);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const paid = await call(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
    if (!paid.sale) throw new Error('no card sale');
    shop.gateway.setFaults([{ route: 'refund', kind: 'reset-after-commit', times: 2 }]);
    const refundId = randomUUID();
    const req = firstLine(paid.sale, refundId, TRAINING_APPROVAL);
    expect((await failure(h, 'refund.issue', req)).code).toBe('REFUND_UNKNOWN');
    expect(refundTotals(shop.dataDir)).toEqual([]);
    await call(h, 'session.signOut', {}); // whoever is at the till when it settles, it stays the issuer's
    const settled = await call(h, 'refund.resolve', { refundId });
    expect(settled.state).toBe('completed');
    await call(h, 'refund.issue', req); // a retry returns it and adds nothing
    const who = { shift_id: '', operator_id: issuer.operatorId };
    expect(refundTotals(shop.dataDir)).toEqual([
      { metric: 'refund:card', ...who, n: 1, amount_minor: settled.amountMinor, tax_minor: 0 },
      { metric: 'refunds', ...who, n: 1, amount_minor: settled.amountMinor, tax_minor: settled.taxMinor },
    ]);
  });

  describe('training', () => {
    it('card and cash refunds need no shift and total per tender; nobody’s shift', async () => {
      const shop = await openShop({ tuning: { clientTimeoutMs: 10_000 } }); // a loaded machine is slow, not down
      const h = shop.host;
      const cart = await cartOf(h);
      const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
      const paid = await call(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
      if (!paid.sale) throw new Error('no card sale');
      const card = await call(h, 'refund.issue', firstLine(paid.sale, randomUUID(), TRAINING_APPROVAL));
      expect(card.state).toBe('completed');
      const cash = await call(
        h,
        'refund.issue',
        firstLine(await cashSale(h), randomUUID(), TRAINING_APPROVAL),
      );
      const nobody = { shift_id: '', operator_id: '' };
      expect(refundTotals(shop.dataDir)).toEqual([
        { metric: 'refund:card', ...nobody, n: 1, amount_minor: card.amountMinor, tax_minor: 0 },
        { metric: 'refund:cash', ...nobody, n: 1, amount_minor: cash.amountMinor, tax_minor: 0 },
        {
          metric: 'refunds',
          ...nobody,
          n: 2,
          amount_minor: card.amountMinor + cash.amountMinor,
          tax_minor: card.taxMinor + cash.taxMinor,
        },
      ]);
    });
  });
});
