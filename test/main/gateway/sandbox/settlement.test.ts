// The day's settlement, heartbeats, the card key and sale uploads.
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CardKeySchema,
  HeartbeatSchema,
  PaymentSchema,
  SaleReceiptSchema,
  SettlementSchema,
} from '../../../../main/gateway/protocol/schemas';
import { PUBLIC_TEST_BDKS } from '../../../../main/gateway/sandbox/server';
import { authorizeBody, idem, micropayOn, ref, startHarness, T02, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ businessTimeZone: 'UTC' });
});
afterAll(() => h.gw.close());

const authorize = async (amountMinor: number, capture = true) =>
  PaymentSchema.parse(
    (await h.call('POST', '/v1/payments/authorize', authorizeBody({ amountMinor, capture }), { key: idem() }))
      .json,
  );
const micropay = (amountMinor: number) => micropayOn(h, amountMinor);

describe('settlement', () => {
  it('lists the day’s final payments of this terminal with totals', async () => {
    h.clock.at = Date.parse('2026-03-10T23:00:00Z');
    const sale = await authorize(1000);
    await authorize(151); // declined: listed, not counted
    await authorize(700, false); // authorization only: not settled, not listed
    const voided = await authorize(300);
    await h.call('POST', `/v1/payments/${voided.paymentId}/void`, { reason: 'x' }, { key: idem() });
    await h.call(
      'POST',
      `/v1/payments/${sale.paymentId}/refunds`,
      { reference: ref('rf'), amountMinor: 250, reason: 'x' },
      { key: idem() },
    );
    await micropay(500);
    await micropay(204); // still user paying: not final, not listed
    const reversed = await micropay(800);
    await h.call('POST', `/v1/qr/orders/${reversed.reference}/reverse`, undefined, { key: idem() });
    await h.call('POST', '/v1/payments/authorize', authorizeBody({ amountMinor: 999 }), {
      key: idem(),
      creds: T02,
    });
    h.clock.at = Date.parse('2026-03-11T00:30:00Z');
    await authorize(4000); // the next business day

    const r = await h.call('GET', '/v1/settlements/2026-03-10');
    const s = SettlementSchema.parse(r.json);
    expect(s.terminalId).toBe('T01');
    expect(s.payments.map((p) => `${p.kind}:${p.status}:${p.amountMinor}`)).toEqual([
      'card:approved:1000',
      'card:declined:151',
      'card:voided:300',
      'qr:success:500',
      'qr:reversed:800',
    ]);
    expect(s.totals).toEqual({ count: 5, approvedMinor: 2300, refundedMinor: 1050, netMinor: 1250 });
    const next = SettlementSchema.parse((await h.call('GET', '/v1/settlements/2026-03-11')).json);
    expect(next.totals).toEqual({ count: 1, approvedMinor: 4000, refundedMinor: 0, netMinor: 4000 });
  });

  it('refuses a malformed date', async () => {
    expect((await h.call('GET', '/v1/settlements/2026-13-45')).status).toBe(400);
  });
});

describe('heartbeat, card key, sale upload', () => {
  it('records the terminal’s pending counts and returns the server time', async () => {
    const r = await h.call('POST', '/v1/terminals/heartbeat', {
      appVersion: '0.1.0',
      pendingCount: 3,
      pendingMinor: 4500,
      oldestPendingAt: '2026-03-11T00:00:00.000Z',
    });
    expect(HeartbeatSchema.parse(r.json)).toEqual({
      serverTime: h.clock.now().toISOString(),
      terminalStatus: 'active',
    });
    expect(h.gw.ledger.heartbeat('T01')).toMatchObject({ pendingCount: 3, pendingMinor: 4500 });
  });

  it('serves the card key with kid = base64url(SHA-256(SPKI DER))', async () => {
    const key = CardKeySchema.parse((await h.call('GET', '/v1/keys/card-encryption')).json);
    const der = createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(key.kid).toBe(createHash('sha256').update(der).digest('base64url'));
    expect(key).toEqual(h.gw.cardKey);
  });

  it('stores an uploaded sale once, however often it is sent', async () => {
    const sale = {
      saleId: 'sale-1',
      receiptNo: 'R-0001',
      completedAt: '2026-03-11T00:10:00.000Z',
      currency: 'USD',
      totalMinor: 1000,
      training: false,
      tenders: [{ kind: 'cash', amountMinor: 1000, reference: null }],
    };
    const first = SaleReceiptSchema.parse(
      (await h.call('POST', '/v1/sales', sale, { key: 'sale:sale-1' })).json,
    );
    h.clock.advance(1000);
    const second = SaleReceiptSchema.parse(
      (await h.call('POST', '/v1/sales', sale, { key: 'sale:sale-1b' })).json,
    );
    expect(second.receivedAt).toBe(first.receivedAt);
    expect(h.gw.ledger.sales('T01')).toHaveLength(1);
  });

  it('defaults to the public test BDKs of the shared vectors', () => {
    const vectors = JSON.parse(readFileSync('/work/shared/vectors/dukpt-public.json', 'utf8')) as {
      tdes: { bdk: string };
      aes128: { bdk: string };
    };
    expect(PUBLIC_TEST_BDKS).toEqual({ tdes: vectors.tdes.bdk, aes128: vectors.aes128.bdk });
  });
});
