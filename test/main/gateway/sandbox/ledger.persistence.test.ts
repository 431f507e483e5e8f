// A file-backed ledger survives a restart: payments, idempotency records (a retry after the restart still
// replays) and the card key pair; the private key file is owner-only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIVATE_KEY_FILE } from '../../../../main/gateway/sandbox/keys';
import { LEDGER_FILE } from '../../../../main/gateway/sandbox/ledger';
import { LEDGER_VERSION, migrateLedger } from '../../../../main/gateway/sandbox/ledger-schema';
import { PaymentSchema, QrOrderSchema, RefundSchema } from '../../../../main/gateway/protocol/schemas';
import { openDatabase } from '../../../../main/store/db';
import { authorizeBody, envelopeCard, idem, PAN, ref, startHarness, tempDir } from './harness';

describe('file-backed ledger', () => {
  it('keeps payments, idempotency records and the key pair across a restart', async () => {
    const dataDir = tempDir();
    const first = await startHarness({ dataDir, cardPrivateKeyPem: undefined });
    const key = idem();
    const reference = ref();
    const body = authorizeBody({ reference, card: envelopeCard(first.gw.cardKey, reference, PAN) });
    const original = await first.call('POST', '/v1/payments/authorize', body, { key });
    expect(original.status).toBe(200);
    const qr = await first.call(
      'POST',
      '/v1/qr/micropay',
      {
        reference: ref('qr'),
        amountMinor: 1204,
        currency: 'USD',
        scheme: 'wechat',
        authCode: '134567890123456789',
        subject: 'x',
      },
      { key: idem() },
    );
    const cardKey = first.gw.cardKey;
    await first.gw.close();

    expect(fs.statSync(path.join(dataDir, PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dataDir, LEDGER_FILE))).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, LEDGER_FILE)).includes(Buffer.from(PAN))).toBe(false);

    const second = await startHarness({ dataDir, cardPrivateKeyPem: undefined });
    try {
      expect(second.gw.cardKey).toEqual(cardKey);
      const replay = await second.call('POST', '/v1/payments/authorize', body, { key });
      expect(replay.text).toBe(original.text);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      const found = await second.call('GET', `/v1/payments?reference=${reference}`);
      expect(PaymentSchema.parse(found.json)).toEqual(PaymentSchema.parse(original.json));
      expect(second.gw.ledger.payments()).toHaveLength(1);
      const order = QrOrderSchema.parse(qr.json);
      const queried = await second.call('GET', `/v1/qr/orders?reference=${order.reference}`);
      expect(QrOrderSchema.parse(queried.json).status).toBe('user_paying');
    } finally {
      await second.gw.close();
    }
  });

  it('remembers nonces across a restart (a captured request cannot be replayed after one)', async () => {
    const dataDir = tempDir();
    const hb = { appVersion: '1', pendingCount: 0, pendingMinor: 0, oldestPendingAt: null };
    const a = await startHarness({ dataDir });
    const nonce = 'persisted-nonce-0123456789';
    expect((await a.call('POST', '/v1/terminals/heartbeat', hb, { nonce })).status).toBe(200);
    await a.gw.close();
    const b = await startHarness({ dataDir });
    try {
      expect((await b.call('POST', '/v1/terminals/heartbeat', hb, { nonce })).status).toBe(401);
    } finally {
      await b.gw.close();
    }
  });

  it('upgrades a version-1 ledger in place: its refunds are kept (as card refunds) and QR orders refundable', async () => {
    const dataDir = tempDir();
    const db = openDatabase(path.join(dataDir, LEDGER_FILE));
    migrateLedger(db, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const at = '2026-03-10T08:00:00.000Z';
    db.prepare(
      `INSERT INTO payments (payment_id, terminal_id, reference, status, authorized_minor, amount_minor, currency,
         captured, auth_code, response_code, message, brand, bin, last4, entry_mode, sale_ref, stored_offline,
         refunded_minor, created_at)
       VALUES ('pay_old', 'T01', 'old-payment-01', 'approved', 1000, 1000, 'USD', 1, '123456', '00', 'approved',
         'visa', '411111', '1111', 'swipe', NULL, 0, 300, ?)`,
    ).run(at);
    db.prepare(
      `INSERT INTO refunds (refund_id, payment_id, terminal_id, reference, status, amount_minor, reason, message,
         created_at)
       VALUES ('rf_old', 'pay_old', 'T01', 'old-refund-01', 'succeeded', 300, 'x', 'refunded', ?)`,
    ).run(at);
    db.prepare(
      `INSERT INTO qr_orders (order_id, terminal_id, reference, scheme, status, outcome, amount_minor, currency,
         subject, sale_ref, message, query_count, created_at, paid_at, reversed_at)
       VALUES ('qr_old', 'T01', 'old-qr-order-01', 'wechat', 'success', 'success', 700, 'USD', 'x', NULL, 'paid',
         0, ?, ?, NULL)`,
    ).run(at, at);
    db.close();

    const h = await startHarness({ dataDir });
    try {
      const found = await h.call('GET', '/v1/refunds?reference=old-refund-01');
      expect(RefundSchema.parse(found.json)).toMatchObject({
        refundId: 'rf_old',
        paymentId: 'pay_old',
        status: 'succeeded',
      });
      expect(h.gw.ledger.refunds('T01')).toEqual([
        expect.objectContaining({ refundId: 'rf_old', kind: 'card' }),
      ]);
      expect(h.gw.ledger.qrOrderByReference('T01', 'old-qr-order-01')?.refundedMinor).toBe(0);
      const r = await h.call(
        'POST',
        '/v1/qr/orders/old-qr-order-01/refunds',
        { reference: ref('qrf'), amountMinor: 700, reason: 'x' },
        { key: idem() },
      );
      expect(RefundSchema.parse(r.json)).toMatchObject({ status: 'succeeded', paymentId: 'qr_old' });
    } finally {
      await h.gw.close();
    }
    const reopened = openDatabase(path.join(dataDir, LEDGER_FILE));
    try {
      expect(reopened.pragma('user_version', { simple: true })).toBe(LEDGER_VERSION);
      expect(LEDGER_VERSION).toBeGreaterThanOrEqual(2);
    } finally {
      reopened.close();
    }
  });
});
