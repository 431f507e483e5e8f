// Reconciling a day against a real store whose sales were made through the till (card, QR, a card refund,
// an offline stored payment declined when forwarded) and a sandbox gateway over loopback: the gateway's own
// settlement matches everything but the declined forward; constructed settlement rows then produce every
// other class; a wallet's rows without a reference match by amount and time.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SaleView } from '../../../main/api/contract';
import type { ReconClass } from '../../../main/api/contract/reconciliation';
import type { SettlementRow } from '../../../main/reconciliation/settlement-row';
import {
  cardSale,
  fetchSettlement,
  reconciliationOf as reconciliation,
  refOf,
  refundFirstLine,
  today,
} from '../../support/recon-shop';
import { addStaffOnFile } from '../../support/signed-in-till';
import { call, cartOf, openShop, payOffline, until, type Shop } from '../payments/fixtures';

const WECHAT = '134567890123456789';

interface Day {
  shop: Shop;
  card: SaleView;
  qr: SaleView;
  refunded: SaleView;
  declinedRef: string;
  refundMinor: number;
}

async function dayOfSales(): Promise<Day> {
  const shop = await openShop();
  const h = shop.host;
  const card = await cardSale(shop);
  const qrCart = await cartOf(h);
  const q = await call(h, 'payment.startQr', {
    cartId: qrCart.cartId,
    cartVersion: qrCart.version,
    code: WECHAT,
  });
  if (!q.sale) throw new Error('no QR sale');
  const refunded = await cardSale(shop);
  const refund = await refundFirstLine(shop, refunded);
  expect(refund.state).toBe('completed');
  const { result } = await payOffline(shop, 'stolen');
  expect(result.outcome).toBe('stored');
  await shop.restartGateway();
  await until(
    async () =>
      (await call(h, 'payment.get', { attemptId: result.payment.attemptId })).state === 'forward_declined',
    'the declined forward',
    10_000,
  );
  return {
    shop,
    card,
    qr: q.sale,
    refunded,
    declinedRef: result.payment.attemptId,
    refundMinor: refund.amountMinor,
  };
}

const classes = (items: readonly { class: ReconClass; reference: string | null }[]) =>
  Object.fromEntries(items.map((i) => [`${i.class}:${i.reference}`, true]));

describe('reconciling a day', () => {
  it(
    'matches the gateway settlement and classes every kind of difference from constructed rows',
    { timeout: 60_000 },
    async () => {
      const d = await dayOfSales();
      const { db, recon } = reconciliation(d.shop);
      try {
        const day = today();
        const fetched = await fetchSettlement(d.shop, recon, day);
        expect(fetched).toMatchObject({ kind: 'fetched', imported: { kind: 'imported' } });
        const view = recon.reconcile(day);
        const notMatched = view.items.filter((i) => i.class !== 'matched');
        expect(notMatched.map((i) => [i.class, i.reference])).toEqual([
          ['declined_after_forward', d.declinedRef],
        ]);
        const seen = classes(view.items);
        for (const s of [d.card, d.qr, d.refunded]) expect(seen[`matched:${refOf(s)}`]).toBe(true);
        const refundItem = view.items.find((i) => i.reference === refOf(d.refunded) && i.refundId !== null);
        expect(refundItem).toMatchObject({
          class: 'matched',
          localMinor: d.refundMinor,
          settledMinor: d.refundMinor,
        });
        expect(view.totals.refundedMinor).toBe(d.refundMinor);
        // The same answer again is no new import.
        expect(await fetchSettlement(d.shop, recon, day)).toMatchObject({ imported: { kind: 'unchanged' } });

        // Now a settlement that disagrees: replaces the fetched one's rows.
        const rows = (await import('../../../main/reconciliation/settlement-store'))
          .createSettlementStore(db, {
            now: () => new Date(),
            newId: randomUUID,
          })
          .rowsOf(day);
        const charge = (ref: string): SettlementRow => {
          const r = rows.find((x) => x.kind === 'charge' && x.reference === ref);
          if (!r) throw new Error(`no row for ${ref}`);
          return r;
        };
        const changed: SettlementRow[] = [
          { ...charge(refOf(d.card)), amountMinor: charge(refOf(d.card)).amountMinor + 100 },
          charge(refOf(d.qr)),
          { ...charge(refOf(d.qr)), kind: 'refund', status: 'REFUND', line: 90 },
          charge(refOf(d.refunded)),
          charge(d.declinedRef),
          { ...charge(refOf(d.card)), reference: 'not-a-till-payment-1', providerId: 'gw-x', line: 91 },
          {
            ...charge(refOf(d.card)),
            kind: 'fee',
            reference: null,
            providerId: 'fee-1',
            amountMinor: 30,
            line: 92,
          },
        ];
        const dropped = await cardSale(d.shop);
        expect(
          recon.importRows({
            day,
            source: 'gateway',
            fileName: 'x.json',
            sha256: 'b'.repeat(64),
            rows: changed,
            importedBy: null,
          }),
        ).toMatchObject({ kind: 'imported' });
        const after = recon.reconcile(day);
        const got = after.items.map((i) => [i.class, i.reference, i.localMinor, i.settledMinor]);
        const cardMinor = d.card.totals.totalMinor;
        expect(got).toEqual(
          expect.arrayContaining([
            ['amount_mismatch', refOf(d.card), cardMinor, cardMinor + 100],
            ['matched', refOf(d.qr), d.qr.totals.totalMinor, d.qr.totals.totalMinor],
            ['status_mismatch', refOf(d.qr), 0, d.qr.totals.totalMinor],
            ['matched', refOf(d.refunded), d.refunded.totals.totalMinor, d.refunded.totals.totalMinor],
            ['refund_one_side', refOf(d.refunded), d.refundMinor, 0],
            ['declined_after_forward', d.declinedRef, expect.any(Number), 0],
            ['charged_no_sale', 'not-a-till-payment-1', 0, cardMinor],
            ['sale_no_charge', refOf(dropped), dropped.totals.totalMinor, 0],
            ['fee', null, 0, 30],
          ]),
        );
        expect(after.items).toHaveLength(9);
        expect(after.totals).toEqual({
          chargedMinor: cardMinor + 100 + d.qr.totals.totalMinor + d.refunded.totals.totalMinor + cardMinor,
          refundedMinor: d.qr.totals.totalMinor,
          feeMinor: 30,
        });
        // The breakdown: the day in all, local against settled.
        const all = after.breakdown.find((b) => b.by === 'day');
        expect(all?.localMinor).toBe(
          cardMinor +
            d.qr.totals.totalMinor +
            d.refunded.totals.totalMinor +
            dropped.totals.totalMinor +
            // the declined forward's sale is a local card tender too
            (after.items.find((i) => i.class === 'declined_after_forward')?.localMinor ?? 0) -
            d.refundMinor,
        );
        expect(after.breakdown.find((b) => b.by === 'tender' && b.key === 'qr')).toMatchObject({
          localMinor: d.qr.totals.totalMinor,
          settledMinor: 0,
        });
      } finally {
        db.close();
      }
    },
  );

  it('matches a wallet file without references by amount and time', { timeout: 30_000 }, async () => {
    const shop = await openShop();
    const a = await cardSale(shop);
    const b = await cardSale(shop);
    const { db, recon } = reconciliation(shop);
    try {
      const day = today();
      const at = new Date().toISOString();
      const row = (s: SaleView, line: number, minutes: number): SettlementRow => ({
        line,
        source: 'wechat',
        kind: 'charge',
        reference: null,
        providerId: `wx-${line}`,
        refundId: null,
        tender: 'card',
        brand: 'visa',
        amountMinor: s.totals.totalMinor,
        feeMinor: 0,
        at: new Date(Date.parse(at) + minutes * 60_000).toISOString(),
        status: 'SUCCESS',
        terminalId: null,
      });
      // Same amounts: the first row lands on the nearer payment in time; one row is out of the window.
      recon.importRows({
        day,
        source: 'wechat',
        fileName: 'w.csv',
        sha256: 'c'.repeat(64),
        rows: [row(a, 1, 1), row(b, 2, 45)],
        importedBy: null,
      });
      const items = recon.reconcile(day).items.map((i) => [i.class, i.reference]);
      expect(items).toEqual(
        expect.arrayContaining([
          ['matched', expect.stringMatching(/./)],
          ['charged_no_sale', null],
          ['sale_no_charge', expect.stringMatching(/./)],
        ]),
      );
      expect(items).toHaveLength(3);
    } finally {
      db.close();
    }
  });

  it('names the cashier of the day by code and name in the breakdown', { timeout: 30_000 }, async () => {
    const shop = await openShop();
    const wang = { code: '101', name: '王芳', role: 'cashier', pin: '5829' } as const;
    addStaffOnFile(shop.dataDir, [wang]);
    const signed = await call(shop.host, 'session.signIn', { operatorCode: wang.code, pin: wang.pin });
    const sale = await cardSale(shop);
    const { db, recon } = reconciliation(shop);
    try {
      const day = today();
      expect((await fetchSettlement(shop, recon, day)).kind).toBe('fetched');
      const view = recon.reconcile(day);
      const minor = sale.totals.totalMinor;
      expect(view.breakdown.filter((b) => b.by === 'cashier')).toEqual([
        { by: 'cashier', key: signed.operatorId, label: '101 王芳', localMinor: minor, settledMinor: minor },
      ]);
      expect(view.breakdown.find((b) => b.by === 'day')?.label).toBeNull();
      expect(recon.view(day).breakdown.find((b) => b.by === 'cashier')?.label).toBe('101 王芳');
    } finally {
      db.close();
    }
  });
});
