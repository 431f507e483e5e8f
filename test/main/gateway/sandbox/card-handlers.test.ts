// The sandbox issuer's rules, the card lifecycle (capture, void, refund) and lookups, with real encrypted
// cards: TDES and AES DUKPT from the public test BDKs, and envelopes sealed to the gateway's key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GatewayErrorSchema,
  PaymentSchema,
  RefundSchema,
  type Payment,
} from '../../../../main/gateway/protocol/schemas';
import {
  authorizeBody,
  dukptCard,
  envelopeCard,
  idem,
  PAN,
  ref,
  startHarness,
  T02,
  type Harness,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.gw.close());

async function authorize(p: Parameters<typeof authorizeBody>[0]): Promise<Payment> {
  const r = await h.call('POST', '/v1/payments/authorize', authorizeBody(p), { key: idem() });
  expect(r.status).toBe(200);
  return PaymentSchema.parse(r.json);
}

async function errorOf(method: string, path: string, body: unknown): Promise<[number, string]> {
  const r = await h.call(method, path, body, { key: idem() });
  return [r.status, GatewayErrorSchema.parse(r.json).error.code];
}

describe('authorize: test-card rules', () => {
  it('approves an ordinary card with a 6-digit auth code and keeps only brand/BIN/last four', async () => {
    const p = await authorize({ amountMinor: 1250 });
    expect(p).toMatchObject({
      status: 'approved',
      responseCode: '00',
      captured: true,
      brand: 'visa',
      last4: '1111',
    });
    expect(p.authCode).toMatch(/^\d{6}$/);
    const dump = JSON.stringify(h.gw.ledger.payments());
    expect(dump).not.toContain(PAN);
  });

  it.each([
    [151, 'declined', '51'],
    [205, 'declined', '05'],
    [301, 'referral', '01'],
    [1_000_001, 'declined', '61'],
    [1_000_000, 'approved', '00'],
  ])('amount %i -> %s %s', async (amountMinor, status, code) => {
    const p = await authorize({ amountMinor });
    expect([p.status, p.responseCode]).toEqual([status, code]);
    expect(p.authCode === null).toBe(status !== 'approved');
    expect(p.captured).toBe(status === 'approved');
  });

  it.each([
    ['4000000000000002', true, '05'],
    ['4000000000000069', true, '54'],
    ['4000000000009979', true, '43'],
    ['4000000000000119', true, '57'],
    ['4000000000000119', false, '00'],
    ['4111111111111112', true, '14'],
  ])('PAN %s (capture %s) -> %s', async (pan, capture, code) => {
    const p = await authorize({ pan, capture });
    expect(p.responseCode).toBe(code);
  });

  it('declines an expired card 54 (valid through the end of its month)', async () => {
    h.clock.at = Date.parse('2026-03-31T23:59:00Z');
    expect((await authorize({ expiry: '2603' })).responseCode).toBe('00');
    h.clock.at = Date.parse('2026-04-01T00:00:00Z');
    expect((await authorize({ expiry: '2603' })).responseCode).toBe('54');
  });

  it('reads AES-128 DUKPT and envelope cards', async () => {
    expect((await authorize({ card: dukptCard(PAN, '3012', 'aes128') })).status).toBe('approved');
    const reference = ref();
    const card = envelopeCard(h.gw.cardKey, reference, PAN);
    expect((await authorize({ reference, card })).status).toBe('approved');
  });

  it('refuses with card_unreadable: last four mismatch, envelope for another reference, wrong scheme', async () => {
    const body = authorizeBody({});
    const mismatched = { ...body, cardFacts: { ...body.cardFacts, last4: '9999' } };
    expect(await errorOf('POST', '/v1/payments/authorize', mismatched)).toEqual([422, 'card_unreadable']);
    const card = envelopeCard(h.gw.cardKey, ref(), PAN);
    expect(await errorOf('POST', '/v1/payments/authorize', authorizeBody({ card }))).toEqual([
      422,
      'card_unreadable',
    ]);
    const wrongScheme = { ...dukptCard(PAN), scheme: 'aes128' as const };
    expect(await errorOf('POST', '/v1/payments/authorize', authorizeBody({ card: wrongScheme }))).toEqual([
      422,
      'card_unreadable',
    ]);
  });

  it('stored-offline forwards: approved before the deadline, deadline_passed after, online_only without capture', async () => {
    const now = h.clock.now();
    const storedAt = new Date(now.getTime() - 3_600_000).toISOString();
    const inTime = { storedAt, deadline: new Date(now.getTime() + 60_000).toISOString() };
    const forwarded = await authorize({ storedOffline: inTime });
    expect(forwarded.status).toBe('approved');
    expect(h.gw.ledger.paymentByReference('T01', forwarded.reference)?.storedOffline).toBe(true);
    const late = { storedAt, deadline: new Date(now.getTime() - 1).toISOString() };
    expect(await errorOf('POST', '/v1/payments/authorize', authorizeBody({ storedOffline: late }))).toEqual([
      422,
      'deadline_passed',
    ]);
    expect(
      await errorOf(
        'POST',
        '/v1/payments/authorize',
        authorizeBody({ storedOffline: inTime, capture: false }),
      ),
    ).toEqual([422, 'online_only']);
  });
});

describe('capture, void, refund, lookup', () => {
  it('captures an authorization once, for at most the authorized amount', async () => {
    const p = await authorize({ capture: false, amountMinor: 5000 });
    expect(p.captured).toBe(false);
    const path = `/v1/payments/${p.paymentId}/capture`;
    expect(await errorOf('POST', path, { amountMinor: 5001 })).toEqual([400, 'invalid_request']);
    const r = await h.call('POST', path, { amountMinor: 4200 }, { key: idem() });
    expect(PaymentSchema.parse(r.json)).toMatchObject({
      captured: true,
      amountMinor: 4200,
      status: 'approved',
    });
    expect(await errorOf('POST', path, { amountMinor: 100 })).toEqual([400, 'invalid_request']);
  });

  it('will not capture a declined payment; another terminal cannot see it at all', async () => {
    const p = await authorize({ amountMinor: 151, capture: false });
    expect(await errorOf('POST', `/v1/payments/${p.paymentId}/capture`, { amountMinor: 1 })).toEqual([
      400,
      'invalid_request',
    ]);
    const other = await h.call('GET', `/v1/payments?reference=${p.reference}`, undefined, { creds: T02 });
    expect(other.status).toBe(404);
  });

  it('voids an approved payment (again: unchanged); not a declined one', async () => {
    const p = await authorize({});
    const path = `/v1/payments/${p.paymentId}/void`;
    const v = await h.call('POST', path, { reason: 'customer changed mind' }, { key: idem() });
    expect(PaymentSchema.parse(v.json).status).toBe('voided');
    const again = await h.call('POST', path, { reason: 'again' }, { key: idem() });
    expect(PaymentSchema.parse(again.json).status).toBe('voided');
    const d = await authorize({ amountMinor: 205 });
    expect(await errorOf('POST', `/v1/payments/${d.paymentId}/void`, { reason: 'x' })).toEqual([
      400,
      'invalid_request',
    ]);
  });

  it('refunds captured payments up to the amount, cumulatively; more fails', async () => {
    const p = await authorize({ amountMinor: 1000 });
    const path = `/v1/payments/${p.paymentId}/refunds`;
    const refund = async (amountMinor: number) =>
      RefundSchema.parse(
        (await h.call('POST', path, { reference: ref('rf'), amountMinor, reason: 'return' }, { key: idem() }))
          .json,
      );
    expect((await refund(600)).status).toBe('succeeded');
    const tooMuch = await refund(401);
    expect(tooMuch.status).toBe('failed');
    expect(tooMuch.message).toContain('400');
    expect((await refund(400)).status).toBe('succeeded');
    const after = await h.call('GET', `/v1/payments?reference=${p.reference}`);
    expect(PaymentSchema.parse(after.json)).toMatchObject({ status: 'refunded', refundedMinor: 1000 });
    expect((await refund(1)).status).toBe('failed');
  });

  it('fails a refund of an uncaptured authorization', async () => {
    const p = await authorize({ capture: false });
    const r = await h.call(
      'POST',
      `/v1/payments/${p.paymentId}/refunds`,
      { reference: ref('rf'), amountMinor: 1, reason: 'x' },
      { key: idem() },
    );
    expect(RefundSchema.parse(r.json).status).toBe('failed');
  });

  it('looks a payment up by reference; 404 when there is none', async () => {
    const p = await authorize({});
    const r = await h.call('GET', `/v1/payments?reference=${encodeURIComponent(p.reference)}`);
    expect(PaymentSchema.parse(r.json)).toEqual(p);
    const none = await h.call('GET', '/v1/payments?reference=never-sent-0001');
    expect([none.status, GatewayErrorSchema.parse(none.json).error.code]).toEqual([404, 'not_found']);
  });
});
