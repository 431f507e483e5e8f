// A file-backed ledger survives a restart: payments, idempotency records (a retry after the restart still
// replays) and the card key pair; the private key file is owner-only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIVATE_KEY_FILE } from '../../../main/gateway-sandbox/keys';
import { LEDGER_FILE } from '../../../main/gateway-sandbox/ledger';
import { PaymentSchema, QrOrderSchema } from '../../../main/payments/protocol/schemas';
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
});
