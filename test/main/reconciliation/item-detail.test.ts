// recon.item through the host: everything known about one difference (the sale with its cashier and tenders,
// the attempt and its journalled history, the refunds, the settlement rows of the current import, the
// resolution as journalled), RECON_ITEM_NOT_FOUND for an unknown id, and every statement reading it (and the
// day's items with their resolutions) planned through indexes only.
import { describe, expect, it } from 'vitest';
import type { ReconItemView } from '../../../main/api/contract/reconciliation';
import { openDatabase } from '../../../main/store/db';
import { recordStatements } from '../../support/query-plans';
import {
  APPROVAL,
  cardSale,
  expectIndexedOnly,
  reconciliationOf,
  refOf,
  refundFirstLine,
  settlementRow as row,
  storeFile,
  today,
} from '../../support/recon-shop';
import { call, failure, openShop, type Shop } from '../payments/fixtures';

/** two card sales (one refunded) and a settlement that disagrees: one fen more, an unknown charge */
async function disagreeingDay(shop: Shop) {
  const [over, refunded] = [await cardSale(shop), await cardSale(shop)];
  const refund = await refundFirstLine(shop, refunded);
  const day = today();
  const file = storeFile(shop);
  const { db, recon } = reconciliationOf(shop);
  recon.importRows({
    ...{ day, source: 'gateway', fileName: 's.json', sha256: 'b'.repeat(64), importedBy: null },
    rows: [
      row(refOf(over), over.totals.totalMinor + 1, 1),
      row(refOf(refunded), refunded.totals.totalMinor, 2),
      row('not-a-till-payment', 900, 3),
    ],
  });
  recon.reconcile(day);
  return { over, refunded, refund, day, db, file, recon };
}

const itemOf = (items: readonly ReconItemView[], cls: string, ref: string): ReconItemView => {
  const i = items.find((x) => x.class === cls && x.reference === ref);
  if (!i) throw new Error(`no ${cls} ${ref}: ${items.map((x) => `${x.class} ${x.reference}`).join(', ')}`);
  return i;
};

describe('recon.item: everything known about one difference', () => {
  it('gives the sale, the attempt history, the refunds, the settlement rows and the resolution', async () => {
    const shop = await openShop();
    const h = shop.host;
    const { over, refunded, refund, day, db } = await disagreeingDay(shop);
    try {
      const items = (await call(h, 'recon.day', { day })).items;
      const mismatch = itemOf(items, 'amount_mismatch', refOf(over));
      expect(mismatch.resolution).toBeNull();

      const d = await call(h, 'recon.item', { itemId: mismatch.id });
      expect(d.day).toBe(day);
      expect(d.item).toMatchObject({
        id: mismatch.id,
        class: 'amount_mismatch',
        state: 'open',
        resolution: null,
      });
      expect(d.sale).toMatchObject({
        saleId: over.saleId,
        receiptNo: over.receiptNo,
        totalMinor: over.totals.totalMinor,
        status: 'completed',
        tenders: [{ kind: 'card', amountMinor: over.totals.totalMinor, reference: refOf(over) }],
      });
      expect(d.attempt).toMatchObject({ attemptId: refOf(over), kind: 'card', state: 'approved' });
      // created, the journalled approval (as the payments capability wrote it), the state now
      expect(d.attempt?.history.map((s) => [s.event, s.state])).toEqual([
        ['created', null],
        ['payment.approved', 'approved'],
        ['current', 'approved'],
      ]);
      const [created, ...later] = d.attempt?.history.map((s) => s.at) ?? [];
      for (const at of later) expect(at >= (created ?? '')).toBe(true);
      expect(d.refunds).toEqual([]);
      expect(d.settlement).toEqual([
        expect.objectContaining({ source: 'gateway', line: 1, providerId: 'gw-1', reference: refOf(over) }),
      ]);
      expect(d.settlement[0]?.amountMinor).toBe(over.totals.totalMinor + 1);

      // the refund done here and not reported: its refund listed under the payment it refunded
      const oneSide = itemOf(items, 'refund_one_side', refOf(refunded));
      const r = await call(h, 'recon.item', { itemId: oneSide.id });
      expect(r.refunds).toEqual([
        expect.objectContaining({
          refundId: refund.refundId,
          state: 'completed',
          amountMinor: refund.amountMinor,
        }),
      ]);
      expect(r.sale?.saleId).toBe(refunded.saleId);
      expect(r.settlement.map((s) => s.line)).toEqual([2]);

      // money taken with no sale here: no sale, no attempt, the row found by its provider id too
      const unknown = itemOf(items, 'charged_no_sale', 'not-a-till-payment');
      const u = await call(h, 'recon.item', { itemId: unknown.id });
      expect(u).toMatchObject({ sale: null, attempt: null, refunds: [] });
      expect(u.settlement).toEqual([expect.objectContaining({ line: 3, amountMinor: 900 })]);

      // resolved: the resolution as journalled, on the day's item and on its detail
      await call(h, 'recon.resolve', {
        ...{ itemId: mismatch.id, action: 'write_off', note: 'one fen, not worth chasing' },
        approval: APPROVAL,
      });
      const after = itemOf((await call(h, 'recon.day', { day })).items, 'amount_mismatch', refOf(over));
      const journalled = db
        .prepare(`SELECT body FROM journal WHERE kind = 'recon.resolved' AND ref = ?`)
        .pluck()
        .get(mismatch.id) as string;
      const by = (
        JSON.parse(journalled) as { approvedBy: { operatorId: string; code: string; name: string } }
      ).approvedBy;
      expect(after.resolution).toEqual({
        action: 'write_off',
        note: 'one fen, not worth chasing',
        by: { id: by.operatorId, code: '900', name: by.name },
        at: expect.any(String),
      });
      expect((await call(h, 'recon.item', { itemId: mismatch.id })).item.resolution).toEqual(
        after.resolution,
      );
      expect(after.resolution?.at).toBe(
        db.prepare(`SELECT at FROM journal WHERE kind = 'recon.resolved'`).pluck().get(),
      );
    } finally {
      db.close();
    }
  });

  it('refuses an unknown item', async () => {
    const shop = await openShop();
    expect(await failure(shop.host, 'recon.item', { itemId: 'no-such-item' })).toMatchObject({
      code: 'RECON_ITEM_NOT_FOUND',
      detail: { itemId: 'no-such-item' },
    });
  });

  it('reads an item and the day with resolutions through indexes only', async () => {
    const shop = await openShop();
    const { over, day, db, file } = await disagreeingDay(shop);
    db.close();
    const planner = openDatabase(file, { readonly: true });
    const own = openDatabase(file);
    const recorder = recordStatements(file, new WeakSet([planner]));
    try {
      const { recon } = reconciliationOf(shop, own);
      const mismatch = itemOf(recon.view(day).items, 'amount_mismatch', refOf(over));
      expect(recon.item(mismatch.id).attempt?.history).toHaveLength(3);
      const tables = [
        'journal',
        'payment_attempts',
        'settlement_rows',
        'recon_resolutions',
        'refunds',
        'sales',
      ];
      expectIndexedOnly(recorder, planner, tables, true);
    } finally {
      recorder.stop();
      own.close();
      planner.close();
    }
  });
});
