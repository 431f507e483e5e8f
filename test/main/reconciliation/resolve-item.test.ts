// Resolving a day's differences through the host's recon.resolve: each action on a class it fits, a pairing
// that does not fit, a matched item and an already resolved one refused, a refused approval changing nothing,
// the journal entries, the day becoming reconciled with its last difference (journalled once), and a re-run
// of reconcile keeping every resolution.
import { describe, expect, it } from 'vitest';
import type { ReconItemView, ResolutionAction } from '../../../main/api/contract/reconciliation';
import {
  APPROVAL,
  cardSale,
  reconciliationOf,
  refOf,
  settlementRow as row,
  today,
} from '../../support/recon-shop';
import { call, failure, openShop } from '../payments/fixtures';

describe('resolving the differences of a day', () => {
  it(
    'resolves each difference with a fitting action, journalled, until the day is reconciled',
    { timeout: 60_000 },
    async () => {
      const shop = await openShop();
      const h = shop.host;
      const [matched, over, cash, lost] = [
        await cardSale(shop),
        await cardSale(shop),
        await cardSale(shop),
        await cardSale(shop),
      ];
      const day = today();
      // A second connection to the host's store puts a disagreeing settlement in and reconciles the day.
      const { db, recon } = reconciliationOf(shop);
      try {
        recon.importRows({
          ...{ day, source: 'gateway', fileName: 's.json', sha256: 'a'.repeat(64), importedBy: null },
          rows: [
            row(refOf(matched), matched.totals.totalMinor, 1),
            row(refOf(over), over.totals.totalMinor + 100, 2),
            row('not-a-till-payment-1', 700, 3),
            { ...row(null, 30, 4), kind: 'fee' },
          ],
        });
        recon.reconcile(day);
        const first = await call(h, 'recon.day', { day });
        expect(first).toMatchObject({ reconciled: false, open: 5, resolved: 0 });
        const item = (cls: string, ref?: string): ReconItemView => {
          const i = first.items.find((x) => x.class === cls && (ref === undefined || x.reference === ref));
          if (!i) throw new Error(`no ${cls} item`);
          return i;
        };
        const resolve = (i: ReconItemView, action: ResolutionAction, approval = APPROVAL) =>
          ({ itemId: i.id, action, note: `${action} for ${i.class}`, approval }) as const;
        const journal = (kind: string) =>
          db.prepare(`SELECT seq, ref, body FROM journal WHERE kind = ? ORDER BY seq`).all(kind) as {
            seq: number;
            ref: string;
            body: string;
          }[];

        // Refused before any PIN is checked: a pairing that does not fit, a matched item, no such item.
        expect(
          await failure(h, 'recon.resolve', resolve(item('charged_no_sale'), 'accept_fee')),
        ).toMatchObject({
          code: 'RESOLUTION_NOT_ALLOWED',
          detail: { reason: 'action', class: 'charged_no_sale' },
        });
        expect(
          await failure(h, 'recon.resolve', resolve(item('matched', refOf(matched)), 'write_off')),
        ).toMatchObject({ code: 'RESOLUTION_NOT_ALLOWED', detail: { reason: 'matched' } });
        expect(
          (await failure(h, 'recon.resolve', { ...resolve(item('fee'), 'accept_fee'), itemId: 'nope' })).code,
        ).toBe('NOT_FOUND');
        // A wrong PIN: refused, nothing resolved.
        const wrong = { operatorCode: '900', pin: '0000' };
        expect((await failure(h, 'recon.resolve', resolve(item('fee'), 'accept_fee', wrong))).code).toBe(
          'APPROVAL_DENIED',
        );
        expect(await call(h, 'recon.day', { day })).toMatchObject({ open: 5, resolved: 0 });
        expect(journal('recon.resolved')).toEqual([]);

        const plan: [ReconItemView, ResolutionAction][] = [
          [item('charged_no_sale'), 'refund_online'],
          [item('fee'), 'accept_fee'],
          [item('sale_no_charge', refOf(cash)), 'settled_in_cash'],
          [item('amount_mismatch', refOf(over)), 'write_off'],
        ];
        for (const [i, action] of plan) {
          const v = await call(h, 'recon.resolve', resolve(i, action));
          expect(v.items.find((x) => x.id === i.id)?.state).toBe('resolved');
          expect(v.reconciled).toBe(false);
        }
        expect(await failure(h, 'recon.resolve', resolve(item('fee'), 'accept_fee'))).toMatchObject({
          code: 'RESOLUTION_NOT_ALLOWED',
          detail: { reason: 'resolved' },
        });

        // A re-run of reconcile keeps the four resolutions; the last difference is still open.
        const again = recon.reconcile(day);
        expect(again).toMatchObject({ reconciled: false, open: 1, resolved: 4 });
        for (const [i] of plan) expect(again.items.find((x) => x.id === i.id)?.state).toBe('resolved');
        expect(journal('recon.day-reconciled')).toEqual([]);

        // An open item gets a new id with each re-run (recon-items.ts): the screen resolves what it last read.
        const open = again.items.find((x) => x.state === 'open' && x.class !== 'matched');
        expect(open).toMatchObject({ class: 'sale_no_charge', reference: refOf(lost) });
        if (!open) throw new Error('no open item');
        const last = await call(h, 'recon.resolve', resolve(open, 'escalate_acquirer'));
        expect(last).toMatchObject({ reconciled: true, open: 0, resolved: 5 });
        expect(recon.reconcile(day)).toMatchObject({ reconciled: true, open: 0, resolved: 5 });

        const entries = journal('recon.resolved');
        expect(entries.map((e) => (JSON.parse(e.body) as { action: string }).action)).toEqual([
          ...plan.map(([, a]) => a),
          'escalate_acquirer',
        ]);
        const over1 = item('amount_mismatch', refOf(over));
        expect(JSON.parse(entries[3]?.body ?? '{}')).toMatchObject({
          ...{ day, itemId: over1.id, class: 'amount_mismatch', reference: refOf(over) },
          ...{ localMinor: over.totals.totalMinor, settledMinor: over.totals.totalMinor + 100 },
          ...{ note: 'write_off for amount_mismatch', approvedBy: { code: '900' } },
        });
        const reconciled = journal('recon.day-reconciled');
        expect(reconciled).toHaveLength(1);
        expect(reconciled[0]).toMatchObject({ ref: day });
        expect(reconciled[0]?.seq).toBeGreaterThan(entries[4]?.seq ?? Infinity);
        // Each resolution row names its journal entry.
        const rows = db
          .prepare(
            `SELECT item_id AS itemId, action, journal_seq AS seq FROM recon_resolutions ORDER BY journal_seq`,
          )
          .all();
        expect(rows).toEqual(
          entries.map((e) => ({
            itemId: e.ref,
            action: (JSON.parse(e.body) as { action: string }).action,
            seq: e.seq,
          })),
        );
      } finally {
        db.close();
      }
    },
  );
});
