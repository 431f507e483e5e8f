// Refunds end to end through the host: the refund decision, the manager's approval, the gateway (a sandbox on
// loopback with its own ledger) for card and QR money, the journal, the slip and drawer jobs, and exactly-once
// when the gateway's answer is lost. Card and QR refunds are online-only: offline, nothing is written.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PaymentResultView, SaleView } from '../../../main/api/contract';
import { verifyJournal } from '../../../main/audit/journal';
import { DEMO } from '../../../main/catalog/demo';
import { createHost } from '../../../main/host';
import type { Host } from '../../../main/host-types';
import {
  call,
  cartOf,
  diskFullFor,
  failure,
  openShop,
  payOffline,
  refusal,
  until,
  type Shop,
} from '../payments/fixtures';

const APPROVAL = { operatorCode: '900', pin: '1234' };
const WECHAT = '134567890123456789';

async function cashSale(h: Host, codes: readonly string[]): Promise<SaleView> {
  const cart = await cartOf(h, codes);
  return call(h, 'sale.tenderCash', {
    cartId: cart.cartId,
    cartVersion: cart.version,
    tenderedMinor: cart.totals.totalMinor,
  });
}

async function cardSale(h: Host, codes?: readonly string[]): Promise<SaleView> {
  const cart = await cartOf(h, codes);
  const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
  const r = await call(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
  if (!r.sale) throw new Error('no sale');
  return r.sale;
}

const qtyOf = (sale: SaleView, i: number): number => {
  const l = sale.lines[i];
  if (!l) throw new Error(`sale ${sale.receiptNo} has no line ${i + 1}`);
  return l.qtyMilli;
};
const saleOf = (r: PaymentResultView): SaleView => {
  if (!r.sale) throw new Error(`payment ${r.payment.attemptId} made no sale`);
  return r.sale;
};

const rows = <T>(shop: Shop, sql: string, ...args: unknown[]): T[] => {
  const db = new Database(path.join(shop.dataDir, 'pos.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
};

describe('cash refunds', () => {
  it('pays back part of a line from the drawer, journals it with the approver, and queues drawer + slip', async () => {
    const shop = await openShop();
    const h = shop.host;
    // cola x3 + water
    const sale = await cashSale(h, [
      DEMO.cola.barcode,
      DEMO.cola.barcode,
      DEMO.cola.barcode,
      DEMO.water.barcode,
    ]);
    const cola = sale.lines.findIndex((l) => l.sku === sale.lines[0]?.sku) + 1;
    const colaLine = sale.lines[cola - 1];
    if (!colaLine) throw new Error('no cola line');
    expect(colaLine.qtyMilli).toBe(3000);

    const before = await call(h, 'refund.prepare', { saleId: sale.saleId });
    expect(before).toMatchObject({
      receiptNo: sale.receiptNo,
      tender: { kind: 'cash' },
      onlineOnly: false,
      blocked: null,
      remainingMinor: sale.totals.totalMinor,
      refunds: [],
    });

    const refundId = randomUUID();
    const input = {
      refundId,
      saleId: sale.saleId,
      lines: [{ lineNo: cola, qtyMilli: 2000 }],
      reason: 'defective' as const,
      approval: APPROVAL,
    };
    const refund = await call(h, 'refund.issue', input);
    const twoColas = Math.round((colaLine.totalMinor * 2) / 3);
    expect(refund).toMatchObject({
      state: 'completed',
      tenderKind: 'cash',
      amountMinor: twoColas,
      receiptNo: sale.receiptNo,
      reason: 'defective' as const,
      lines: [{ lineNo: cola, qtyMilli: 2000, amountMinor: twoColas }],
    });
    expect(refund.refundNo).toMatch(/^T01-R\d{6}$/);

    // A retry of the same refund (a lost answer, a double click) is that refund, not a second one.
    expect(await call(h, 'refund.issue', input)).toEqual(refund);

    const after = await call(h, 'refund.prepare', { saleId: sale.saleId });
    expect(after.lines[cola - 1]).toMatchObject({ refundedQtyMilli: 2000, remainingQtyMilli: 1000 });
    expect(after.remainingMinor).toBe(sale.totals.totalMinor - twoColas);
    expect(after.refunds.map((r) => r.refundId)).toEqual([refundId]);
    // Two more colas are more than is left.
    const over = await failure(h, 'refund.issue', { ...input, refundId: randomUUID() });
    expect(over.code).toBe('REFUND_NOT_ALLOWED');
    expect(over.detail).toMatchObject({ remainingQtyMilli: 1000 });

    expect(rows(shop, `SELECT count(*) AS n FROM refunds`)).toEqual([{ n: 1 }]);
    const jobs = rows<{ kind: string; refund_id: string | null }>(
      shop,
      `SELECT kind, refund_id FROM print_jobs WHERE id > (SELECT max(id) FROM print_jobs WHERE kind = 'receipt') ORDER BY id`,
    );
    expect(jobs).toEqual([
      { kind: 'drawer', refund_id: null },
      { kind: 'refund', refund_id: refundId },
    ]);
    const entry = rows<{ body: string }>(shop, `SELECT body FROM journal WHERE kind = 'refund.completed'`);
    expect(entry).toHaveLength(1);
    expect(JSON.parse(entry[0]?.body ?? '{}')).toMatchObject({
      refundId,
      amountMinor: twoColas,
      approvedBy: { code: '900' },
      receiptNo: sale.receiptNo,
    });
    const db = new Database(path.join(shop.dataDir, 'pos.sqlite'), { readonly: true });
    expect(verifyJournal(db).ok).toBe(true);
    db.close();
    // The slip prints on the (training) emulated printer.
    await until(
      () =>
        rows<{ state: string }>(shop, `SELECT state FROM print_jobs WHERE refund_id = ?`, refundId)[0]
          ?.state === 'printed',
      'the refund slip printed',
    );
  });

  it('a wrong PIN refunds nothing; a refused refund costs no PIN attempt', async () => {
    const shop = await openShop();
    const h = shop.host;
    const sale = await cashSale(h, [DEMO.water.barcode]);
    const base = {
      saleId: sale.saleId,
      lines: [{ lineNo: 1, qtyMilli: 1000 }],
      reason: 'not_wanted' as const,
    };
    const denied = await failure(h, 'refund.issue', {
      ...base,
      refundId: randomUUID(),
      approval: { operatorCode: '900', pin: '0000' },
    });
    expect(denied.code).toBe('APPROVAL_DENIED');
    expect(rows(shop, `SELECT count(*) AS n FROM refunds`)).toEqual([{ n: 0 }]);
    const tooMuch = await failure(h, 'refund.issue', {
      ...base,
      lines: [{ lineNo: 1, qtyMilli: 2000 }],
      refundId: randomUUID(),
      approval: { operatorCode: '900', pin: '0000' },
    });
    expect(tooMuch.code).toBe('REFUND_NOT_ALLOWED');
    expect(rows(shop, `SELECT count(*) AS n FROM journal WHERE kind = 'staff.approval-refused'`)).toEqual([
      { n: 1 },
    ]);
    // Malformed requests never reach the service.
    expect((await failure(h, 'refund.issue', { ...base, refundId: 'x', approval: APPROVAL })).code).toBe(
      'INVALID_PAYLOAD',
    );
    expect(
      (
        await refusal(h, 'refund.issue', {
          ...base,
          reason: 'because',
          refundId: randomUUID(),
          approval: APPROVAL,
        })
      ).code,
    ).toBe('INVALID_PAYLOAD');
  });
  it('an unknown sale, and a refund id already used for another sale, are refused before any PIN check', async () => {
    const shop = await openShop();
    const h = shop.host;
    const a = await cashSale(h, [DEMO.water.barcode]);
    const b = await cashSale(h, [DEMO.cola.barcode]);
    const refundId = randomUUID();
    const req = {
      refundId,
      lines: [{ lineNo: 1, qtyMilli: 1000 }],
      reason: 'other' as const,
      approval: APPROVAL,
    };
    expect((await failure(h, 'refund.issue', { ...req, saleId: 'no-such-sale' })).code).toBe('NOT_FOUND');
    expect((await failure(h, 'refund.prepare', { saleId: 'no-such-sale' })).code).toBe('NOT_FOUND');
    expect((await call(h, 'refund.issue', { ...req, saleId: a.saleId })).state).toBe('completed');
    const reused = await failure(h, 'refund.issue', { ...req, saleId: b.saleId });
    expect(reused).toMatchObject({ code: 'REFUND_NOT_ALLOWED', detail: { refundId } });
    expect(rows(shop, `SELECT sale_id FROM refunds`)).toEqual([{ sale_id: a.saleId }]);
    expect((await failure(h, 'refund.get', { refundId: 'nope' })).code).toBe('NOT_FOUND');
  });
  // Training sales never reach a live till: a store that holds them does not start live (main/training/),
  // and leaving training archives them. refund-target.ts still refuses the mix (its own unit test).
  it('a training store with its sales does not start as a live till, so its sales cannot be refunded live', async () => {
    const shop = await openShop();
    const sale = await cashSale(shop.host, [DEMO.water.barcode]);
    expect(sale.training).toBe(true);
    await shop.host.close();
    const file = path.join(shop.dataDir, 'config.json');
    const { gateway: _sandbox, ...config } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<
      string,
      unknown
    >;
    fs.writeFileSync(file, JSON.stringify({ ...config, trainingMode: false }));
    await expect(createHost({ dataDir: shop.dataDir, log: () => undefined })).rejects.toMatchObject({
      code: 'TRAINING_STORE_NOT_LEFT',
    });
  });
});

describe('card and QR refunds (online only)', () => {
  it('refunds a card sale in two parts through the gateway; the ledger holds both, then nothing is left', async () => {
    const shop = await openShop();
    const h = shop.host;
    const sale = await cardSale(h);
    const prep = await call(h, 'refund.prepare', { saleId: sale.saleId });
    expect(prep).toMatchObject({
      onlineOnly: true,
      blocked: null,
      tender: { kind: 'card', brand: 'visa', last4: '0010' },
    });

    const first = await call(h, 'refund.issue', {
      refundId: randomUUID(),
      saleId: sale.saleId,
      lines: [{ lineNo: 1, qtyMilli: qtyOf(sale, 0) }],
      reason: 'wrong_item' as const,
      approval: APPROVAL,
    });
    expect(first).toMatchObject({ state: 'completed', tenderKind: 'card', brand: 'visa', last4: '0010' });
    const second = await call(h, 'refund.issue', {
      refundId: randomUUID(),
      saleId: sale.saleId,
      lines: [{ lineNo: 2, qtyMilli: qtyOf(sale, 1) }],
      reason: 'wrong_item' as const,
      approval: APPROVAL,
    });
    expect(first.amountMinor + second.amountMinor).toBe(sale.totals.totalMinor);

    const ledger = shop.gateway.ledger.refunds('T01');
    expect(ledger.map((r) => [r.reference, r.status, r.amountMinor])).toEqual([
      [first.refundId, 'succeeded', first.amountMinor],
      [second.refundId, 'succeeded', second.amountMinor],
    ]);
    expect(shop.gateway.ledger.payments('T01')[0]).toMatchObject({
      status: 'refunded',
      refundedMinor: sale.totals.totalMinor,
    });
    const done = await call(h, 'refund.prepare', { saleId: sale.saleId });
    expect(done.blocked?.code).toBe('REFUND_NOT_ALLOWED');
    // No card data anywhere in what the refund keeps.
    expect(rows(shop, `SELECT request_body FROM refunds WHERE request_body IS NOT NULL`)).toEqual([]);
  });

  it('offline: says so before anyone asks, and an attempt writes nothing and sends nothing', async () => {
    const shop = await openShop();
    const h = shop.host;
    const sale = await cardSale(h);
    await shop.stopGateway();
    const req = {
      saleId: sale.saleId,
      lines: [{ lineNo: 1, qtyMilli: qtyOf(sale, 0) }],
      reason: 'not_wanted' as const,
      approval: APPROVAL,
    };
    // The first try finds the gateway gone: either the send could not connect (provably not sent, recorded as
    // failed) or the heartbeat already opened the breaker (refused before anything is written).
    const first = await failure(h, 'refund.issue', { ...req, refundId: randomUUID() });
    expect(['GATEWAY_UNREACHABLE', 'ONLINE_ONLY']).toContain(first.code);
    await until(async () => (await call(h, 'status.get', {})).gateway.state === 'offline', 'offline');
    const prep = await call(h, 'refund.prepare', { saleId: sale.saleId });
    expect(prep.blocked?.code).toBe('ONLINE_ONLY');
    expect(prep.lines[0]?.remainingQtyMilli).toBe(qtyOf(sale, 0)); // the failed one holds nothing
    const refundId = randomUUID();
    expect((await failure(h, 'refund.issue', { ...req, refundId })).code).toBe('ONLINE_ONLY');
    expect(rows(shop, `SELECT state FROM refunds`)).toEqual(
      first.code === 'GATEWAY_UNREACHABLE' ? [{ state: 'failed' }] : [],
    );

    // Back online: the same refund goes through once.
    await shop.restartGateway();
    await until(async () => (await call(h, 'status.get', {})).gateway.state === 'online', 'online', 10_000);
    expect((await call(h, 'refund.issue', { ...req, refundId })).state).toBe('completed');
    expect(shop.gateway.ledger.refunds('T01')).toHaveLength(1);
  });

  it('a card payment still stored offline cannot be refunded until it has been forwarded', async () => {
    const shop = await openShop();
    const h = shop.host;
    const { cart, result: r } = await payOffline(shop, 'visa');
    expect(r.outcome).toBe('stored');
    const a = r.payment;
    const sold = saleOf(r);
    const prep = await call(h, 'refund.prepare', { saleId: sold.saleId });
    expect(prep.blocked).toMatchObject({ code: 'ONLINE_ONLY', detail: { paymentState: 'stored' } });
    await shop.restartGateway();
    await until(
      async () => (await call(h, 'payment.get', { attemptId: a.attemptId })).state === 'forward_approved',
      'forwarded',
      10_000,
    );
    const refund = await call(h, 'refund.issue', {
      refundId: randomUUID(),
      saleId: sold.saleId,
      lines: sold.lines.map((l, i) => ({ lineNo: i + 1, qtyMilli: l.qtyMilli })),
      reason: 'other' as const,
      approval: APPROVAL,
    });
    expect(refund).toMatchObject({ state: 'completed', amountMinor: cart.totals.totalMinor });
  });

  it('a QR sale is refunded to the wallet it was paid from', async () => {
    const shop = await openShop();
    const h = shop.host;
    const cart = await cartOf(h);
    const r = await call(h, 'payment.startQr', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      code: WECHAT,
    });
    expect(r.outcome).toBe('approved');
    const sold = saleOf(r);
    const refund = await call(h, 'refund.issue', {
      refundId: randomUUID(),
      saleId: sold.saleId,
      lines: [{ lineNo: 1, qtyMilli: qtyOf(sold, 0) }],
      reason: 'price_error' as const,
      approval: APPROVAL,
    });
    expect(refund).toMatchObject({ state: 'completed', tenderKind: 'qr', brand: 'wechat' });
    expect(shop.gateway.ledger.refunds('T01').map((x) => x.reference)).toEqual([refund.refundId]);
  });
});

describe('refunds exactly once when the answer is lost', () => {
  for (const kind of ['reset-after-commit', 'reset-before-commit'] as const) {
    it(`${kind}: unknown, the goods stay held, and the lookup settles it with one refund at the gateway`, async () => {
      const shop = await openShop();
      const h = shop.host;
      const sale = await cardSale(h);
      // Twice: the client retries a reset once on a fresh connection (a stale keep-alive socket).
      shop.gateway.setFaults([{ route: 'refund', kind, times: 2 }]);
      const refundId = randomUUID();
      const req = {
        refundId,
        saleId: sale.saleId,
        lines: [{ lineNo: 1, qtyMilli: qtyOf(sale, 0) }],
        reason: 'defective' as const,
        approval: APPROVAL,
      };
      const lost = await failure(h, 'refund.issue', req);
      expect(lost).toMatchObject({ code: 'REFUND_UNKNOWN', detail: { refundId } });
      expect((await call(h, 'refund.get', { refundId })).state).toBe('unknown');
      // The manager sees it: listed as open, and counted in the status bar's alerts.
      expect((await call(h, 'refund.open', {})).map((r) => r.refundId)).toEqual([refundId]);
      await until(async () => (await call(h, 'status.get', {})).payments.needsManager === 1, 'the alert');
      // The goods are held by the unknown refund: a second refund of them is refused (once the breaker, tripped
      // by the silence, lets requests through again).
      expect((await call(h, 'refund.prepare', { saleId: sale.saleId })).lines[0]?.remainingQtyMilli).toBe(0);
      let again = '';
      await until(
        async () =>
          (again = (await failure(h, 'refund.issue', { ...req, refundId: randomUUID() })).code) !==
          'ONLINE_ONLY',
        'the breaker closed',
      );
      expect(again).toBe('REFUND_NOT_ALLOWED');

      const settled = await call(h, 'refund.resolve', { refundId });
      expect(settled.state).toBe('completed');
      expect(await call(h, 'refund.open', {})).toEqual([]);
      await until(async () => (await call(h, 'status.get', {})).payments.needsManager === 0, 'no alert');
      const ledger = shop.gateway.ledger.refunds('T01');
      expect(ledger).toHaveLength(1);
      expect(ledger[0]).toMatchObject({ reference: refundId, status: 'succeeded' });
      // A retry of the original call now returns the settled refund.
      expect((await call(h, 'refund.issue', req)).state).toBe('completed');
      expect(shop.gateway.ledger.refunds('T01')).toHaveLength(1);
    });
  }

  it('a yes from the gateway that cannot be written (a full disk) is looked up again while the till runs', async () => {
    const shop = await openShop();
    const h = shop.host;
    const sale = await cardSale(h);
    // Another connection makes the completing write fail, as a full disk would.
    const diskBack = diskFullFor(shop, "BEFORE UPDATE OF state ON refunds WHEN NEW.state = 'completed'");
    const refundId = randomUUID();
    const lost = await failure(h, 'refund.issue', {
      refundId,
      saleId: sale.saleId,
      lines: [{ lineNo: 1, qtyMilli: qtyOf(sale, 0) }],
      reason: 'defective' as const,
      approval: APPROVAL,
    });
    expect(lost.code).not.toBe('REFUND_REFUSED');
    expect(shop.gateway.ledger.refunds('T01')).toHaveLength(1); // the gateway paid it back
    expect((await call(h, 'refund.get', { refundId })).state).toBe('sending');
    diskBack();
    // The background resolver (every 5 s) finds it, looks it up and completes it: once.
    await until(
      async () => (await call(h, 'refund.get', { refundId })).state === 'completed',
      'completed',
      15_000,
    );
    expect(shop.gateway.ledger.refunds('T01')).toHaveLength(1);
  }, 20_000);

  it('a refund in flight when the app stops is looked up at the next start and completed once', async () => {
    const shop = await openShop();
    const sale = await cardSale(shop.host);
    // The gateway commits, then the answer never comes back before the app goes away.
    shop.gateway.setFaults([{ route: 'refund', kind: 'latency', ms: 1_500, times: 1 }]);
    const refundId = randomUUID();
    const pending = shop.host.dispatch('refund.issue', {
      refundId,
      saleId: sale.saleId,
      lines: [{ lineNo: 1, qtyMilli: qtyOf(sale, 0) }],
      reason: 'defective' as const,
      approval: APPROVAL,
    });
    await until(() => rows(shop, `SELECT id FROM refunds WHERE state = 'sending'`).length === 1, 'sending');
    await shop.host.close();
    await pending.catch(() => undefined);
    await until(() => shop.gateway.ledger.refunds('T01').length === 1, 'the gateway committed', 5_000);

    const again = await createHost({ dataDir: shop.dataDir, log: () => undefined });
    try {
      await until(
        async () => (await call(again, 'refund.get', { refundId })).state === 'completed',
        'the refund settled after restart',
      );
      expect(shop.gateway.ledger.refunds('T01')).toHaveLength(1);
      const entries = rows<{ kind: string }>(
        shop,
        `SELECT kind FROM journal WHERE ref = ? ORDER BY seq`,
        refundId,
      );
      expect(entries.map((e) => e.kind)).toEqual(['refund.started', 'refund.completed']);
    } finally {
      await again.close();
    }
  });
});
