// Card payments end to end through the host: the emulated encrypting reader, the real HID driver, the gateway
// client, a sandbox gateway over loopback with its own ledger, and the sale written with the approval.
// Exactly-once is checked on both sides: the local sales and the gateway ledger.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PaymentResultView } from '../../../../main/api/contract';
import { verifyJournal } from '../../../../main/audit/journal';
import { DEMO } from '../../../../main/catalog/demo';
import { call, cartOf, diskFullFor, failure, openShop, payOffline, until } from '../fixtures';

const APPROVAL = { operatorCode: '900', pin: '1234' };

describe('card payments online', () => {
  it('an approved swipe completes the sale in the same transaction; the gateway holds one payment', async () => {
    const shop = await openShop();
    const h = shop.host;
    const cart = await cartOf(h);
    const attempt = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    expect(attempt).toMatchObject({ state: 'created', amountMinor: cart.totals.totalMinor });
    // A second card payment for the cart is refused while this one exists.
    expect(
      (
        await failure(h, 'payment.startQr', {
          cartId: cart.cartId,
          cartVersion: cart.version,
          code: '134567890123456789',
        })
      ).code,
    ).toBe('CART_LOCKED');

    const r = await call(h, 'payment.trainingSwipe', { attemptId: attempt.attemptId, testCard: 'visa' });
    expect(r.outcome).toBe('approved');
    expect(r.payment).toMatchObject({ state: 'approved', brand: 'visa', last4: '0010', mode: 'online' });
    expect(r.sale?.tenders).toEqual([
      expect.objectContaining({ kind: 'card', brand: 'visa', last4: '0010', reference: attempt.attemptId }),
    ]);
    expect(r.sale?.tenders[0]?.authCode).toMatch(/^\d{6}$/);
    const ledger = shop.gateway.ledger.payments('T01');
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ reference: attempt.attemptId, status: 'approved', last4: '0010' });

    // The sale upload reaches the gateway's ledger exactly once.
    await until(() => shop.gateway.ledger.sales('T01').length === 1, 'the sale upload');
    expect(shop.gateway.ledger.sales('T01')[0]?.saleId).toBe(r.sale?.saleId);
  });

  it('a decline ends the attempt and frees the cart: cash then completes the sale', async () => {
    const shop = await openShop();
    const h = shop.host;
    const cart = await cartOf(h);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const r = await call(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'decline' });
    expect(r).toMatchObject({
      outcome: 'declined',
      sale: null,
      payment: { state: 'declined', responseCode: '05' },
    });
    const sale = await call(h, 'sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: cart.totals.totalMinor,
    });
    expect(sale.tenders[0]?.kind).toBe('cash');
  });

  it('a payment still waiting for its card is abandoned when the cashier goes on with the cart', async () => {
    const shop = await openShop();
    const h = shop.host;
    const cart = await cartOf(h);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const more = await call(h, 'cart.scan', { code: DEMO.milk.barcode });
    expect(more.lines).toHaveLength(cart.lines.length + 1);
    expect((await call(h, 'payment.get', { attemptId: a.attemptId })).state).toBe('cancelled');
    // Its late swipe changes nothing: nothing is charged for a cancelled attempt.
    expect(
      (await failure(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' })).code,
    ).toBe('PAYMENT_STATE_CHANGED');
    expect(shop.gateway.ledger.payments('T01')).toHaveLength(0);
  });

  it('a bad read is CARD_UNREADABLE and the attempt waits for another swipe', async () => {
    const shop = await openShop();
    const h = shop.host;
    const cart = await cartOf(h);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    expect(
      (await failure(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'bad-read' })).code,
    ).toBe('CARD_UNREADABLE');
    expect((await call(h, 'payment.get', { attemptId: a.attemptId })).state).toBe('created');
    expect(
      (await call(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'unionpay' })).outcome,
    ).toBe('approved');
  });

  it('charged but the answer was lost: UNKNOWN, no second attempt, then the lookup finds it — charged once', async () => {
    const shop = await openShop();
    const h = shop.host;
    const cart = await cartOf(h);
    // Twice: the client retries once on a fresh connection when a kept-alive one was reset.
    shop.gateway.setFaults([{ route: 'authorize', kind: 'reset-after-commit', times: 2 }]);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const r = await call(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
    expect(r).toMatchObject({ outcome: 'unknown', sale: null, payment: { state: 'unknown' } });
    expect(shop.gateway.ledger.payments('T01')).toHaveLength(1); // the gateway did charge
    // While the outcome is unknown the money may have moved: no second attempt, no edit, no cash, no clear.
    expect(
      (await failure(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version })).code,
    ).toBe('CART_LOCKED');
    expect((await failure(h, 'cart.scan', { code: DEMO.milk.barcode })).code).toBe('CART_LOCKED');
    expect((await failure(h, 'cart.clear', {})).code).toBe('CART_LOCKED');
    expect(
      (
        await failure(h, 'sale.tenderCash', {
          cartId: cart.cartId,
          cartVersion: cart.version,
          tenderedMinor: 10_000,
        })
      ).code,
    ).toBe('CART_LOCKED');
    expect((await call(h, 'payment.recovery', {})).map((p) => [p.attemptId, p.state])).toContainEqual([
      a.attemptId,
      'unknown',
    ]);

    const resolved = await call(h, 'payment.resolve', { attemptId: a.attemptId });
    expect(resolved.outcome).toBe('approved');
    expect(resolved.sale?.totals.totalMinor).toBe(cart.totals.totalMinor);
    expect(shop.gateway.ledger.payments('T01')).toHaveLength(1);
    expect(await localSales(shop.dataDir)).toBe(1);
  });

  it('the request never reached the ledger (reset before commit): the lookup says so and the same request is resent once', async () => {
    const shop = await openShop();
    const h = shop.host;
    const cart = await cartOf(h);
    shop.gateway.setFaults([{ route: 'authorize', kind: 'reset-before-commit', times: 2 }]);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const r = await call(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
    expect(r.outcome).toBe('unknown');
    expect(shop.gateway.ledger.payments('T01')).toHaveLength(0);
    const resolved = await call(h, 'payment.resolve', { attemptId: a.attemptId });
    expect(resolved.outcome).toBe('approved');
    expect(shop.gateway.ledger.payments('T01')).toHaveLength(1);
  });

  it('a 5xx on authorize is unknown (never "declined"): the background resolver settles it', async () => {
    const shop = await openShop();
    const h = shop.host;
    const cart = await cartOf(h);
    shop.gateway.setFaults([{ route: 'authorize', kind: 'status', status: 503, times: 1 }]);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    const r = await call(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
    expect(r.outcome).toBe('unknown');
    const settled = await call(h, 'payment.resolve', { attemptId: a.attemptId });
    expect(settled.outcome).toBe('approved');
    expect(shop.gateway.ledger.payments('T01')).toHaveLength(1);
  });
});

describe('an approval the till could not write', () => {
  it('(a full disk at the sale commit) is looked up while the till runs and becomes the sale once', async () => {
    const shop = await openShop();
    const h = shop.host;
    const cart = await cartOf(h);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    // Another connection makes the sale's insert fail, as a full disk would, after the gateway approved.
    const diskBack = diskFullFor(shop, 'BEFORE INSERT ON sales');
    const r = await h.dispatch('payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
    expect(r.ok).toBe(false);
    expect(shop.gateway.ledger.payments('T01')).toHaveLength(1); // charged
    expect((await call(h, 'payment.get', { attemptId: a.attemptId })).state).toBe('authorizing');
    diskBack();
    // The background resolver (every 5 s) makes it unknown, looks it up, and writes the sale: once.
    await until(
      async () => (await call(h, 'payment.get', { attemptId: a.attemptId })).state === 'approved',
      'approved after the lookup',
      15_000,
    );
    const sale = await call(h, 'sale.last', {});
    expect(sale?.tenders[0]).toMatchObject({ kind: 'card', reference: a.attemptId });
    expect(shop.gateway.ledger.payments('T01')).toHaveLength(1);
  }, 20_000);
});

describe('store-and-forward', () => {
  it('gateway down: stored within limits with the customer contact, forwarded when it is back, status bar follows', async () => {
    const shop = await openShop();
    const h = shop.host;
    await shop.stopGateway();
    const cart = await cartOf(h);
    const a = await call(h, 'payment.startCard', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      customerContact: '+86 138 0000 0000',
    });
    const r: PaymentResultView = await call(h, 'payment.trainingSwipe', {
      attemptId: a.attemptId,
      testCard: 'visa',
    });
    expect(r).toMatchObject({ outcome: 'stored', payment: { state: 'stored', mode: 'offline' } });
    expect(r.sale?.tenders[0]).toMatchObject({ kind: 'card', storedOffline: true, last4: '0010' });
    const s1 = await call(h, 'status.get', {});
    expect(s1.payments).toMatchObject({ pendingCount: 1, pendingMinor: cart.totals.totalMinor });
    expect(Date.parse(s1.payments.nextDeadline ?? '') - Date.parse(s1.payments.oldestPendingAt ?? '')).toBe(
      24 * 3_600_000,
    );
    await until(async () => (await call(h, 'status.get', {})).gateway.state === 'offline', 'offline status');

    // Over the per-payment cap (200.00): refused, and a manager may override (journalled).
    const one = await cartOf(h, [DEMO.milk.barcode]);
    const big = await call(h, 'cart.setQuantity', { lineId: one.lines[0]?.lineId ?? '', qtyMilli: 100_000 });
    expect(big.totals.totalMinor).toBeGreaterThan(20_000);
    const b = await call(h, 'payment.startCard', {
      cartId: big.cartId,
      cartVersion: big.version,
      customerContact: 'a@b.cn',
    });
    const refused = await failure(h, 'payment.trainingSwipe', { attemptId: b.attemptId, testCard: 'visa' });
    expect(refused).toMatchObject({
      code: 'OFFLINE_LIMIT',
      detail: { limit: 'perPayment', overridable: true },
    });
    await call(h, 'payment.cancel', { attemptId: b.attemptId });
    const o = await call(h, 'payment.startCard', {
      cartId: big.cartId,
      cartVersion: big.version,
      customerContact: 'a@b.cn',
      override: APPROVAL,
    });
    expect(
      (await call(h, 'payment.trainingSwipe', { attemptId: o.attemptId, testCard: 'unionpay' })).outcome,
    ).toBe('stored');

    await shop.restartGateway();
    await until(
      async () => (await call(h, 'status.get', {})).payments.pendingCount === 0,
      'the forward',
      10_000,
    );
    expect((await call(h, 'status.get', {})).gateway.state).toBe('online');
    expect((await call(h, 'payment.get', { attemptId: a.attemptId })).state).toBe('forward_approved');
    const ledger = shop.gateway.ledger.payments('T01');
    expect(ledger.map((p) => p.reference).sort()).toEqual([a.attemptId, o.attemptId].sort());
    await until(() => shop.gateway.ledger.sales('T01').length === 2, 'both sale uploads');

    await shop.host.close();
    const db = new Database(path.join(shop.dataDir, 'pos.sqlite'), { readonly: true });
    try {
      const kinds = db.prepare('SELECT kind, body FROM journal ORDER BY seq').all() as {
        kind: string;
        body: string;
      }[];
      const override = kinds.find((k) => k.kind === 'payment.stored-offline' && k.body.includes('override'));
      expect(override?.body).toContain('"code":"900"');
      expect(kinds.filter((k) => k.kind === 'payment.forward-approved')).toHaveLength(2);
      // Card ciphertext is gone once the outcome is known.
      expect(
        db.prepare('SELECT count(*) AS n FROM payment_attempts WHERE request_body IS NOT NULL').get(),
      ).toEqual({ n: 0 });
      expect(verifyJournal(db).ok).toBe(true);
    } finally {
      db.close();
    }
  });

  it('a decline after forwarding is a manager alert until acknowledged with a PIN', async () => {
    const shop = await openShop();
    const h = shop.host;
    const { result } = await payOffline(shop, 'stolen');
    expect(result.outcome).toBe('stored');
    const a = result.payment;
    await shop.restartGateway();
    await until(
      async () => (await call(h, 'payment.get', { attemptId: a.attemptId })).state === 'forward_declined',
      'the declined forward',
      10_000,
    );
    expect((await call(h, 'status.get', {})).payments.needsManager).toBe(1);
    expect((await call(h, 'payment.recovery', {})).map((p) => p.attemptId)).toContain(a.attemptId);
    expect(
      (
        await failure(h, 'payment.acknowledge', {
          attemptId: a.attemptId,
          approval: { operatorCode: '900', pin: '0000' },
        })
      ).code,
    ).toBe('APPROVAL_DENIED');
    await call(h, 'payment.acknowledge', { attemptId: a.attemptId, approval: APPROVAL });
    expect((await call(h, 'status.get', {})).payments.needsManager).toBe(0);
  });

  it('offline: the contact is asked for and the same attempt goes on; wedge entry and QR are refused with clear codes', async () => {
    // A wedge reader is configured, so its swipe reaches the offline policy (issue 12: otherwise refused first).
    const shop = await openShop({ config: { cardReader: { kind: 'keyboard-wedge' } } });
    const h = shop.host;
    await shop.stopGateway();
    const cart = await cartOf(h);
    const a = await call(h, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    expect(
      (await failure(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' })).code,
    ).toBe('CONTACT_REQUIRED');
    // The contact is given: the same attempt goes on (nothing was charged under it), a bad contact is refused.
    expect(
      (
        await failure(h, 'payment.startCard', {
          cartId: cart.cartId,
          cartVersion: cart.version,
          customerContact: 'x',
        })
      ).code,
    ).toBe('CONTACT_REQUIRED');
    const again = await call(h, 'payment.startCard', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      customerContact: '13800000000',
    });
    expect(again.attemptId).toBe(a.attemptId);
    await until(async () => (await call(h, 'status.get', {})).gateway.state === 'offline', 'offline status');
    // Keyboard-wedge entry is not allowed offline by default (no reader cryptogram).
    const wedge = await failure(h, 'payment.wedgeSwipe', {
      attemptId: a.attemptId,
      tracks: ';4761739001010010=30121010000000000000?',
    });
    expect(wedge).toMatchObject({
      code: 'OFFLINE_LIMIT',
      detail: { limit: 'entryMode', overridable: false },
    });
    const stored = await call(h, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
    expect(stored.outcome).toBe('stored');
    const next = await cartOf(h);
    expect(
      (
        await failure(h, 'payment.startQr', {
          cartId: next.cartId,
          cartVersion: next.version,
          code: '134567890123456789',
        })
      ).code,
    ).toBe('ONLINE_ONLY');
  });
});

async function localSales(dataDir: string): Promise<number> {
  const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
