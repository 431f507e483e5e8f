// Exactly-once: a retried money-moving request replays the first answer byte for byte and never executes
// twice; the same key for a different request is a conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayErrorSchema, PaymentSchema } from '../../../../main/gateway/protocol/schemas';
import { authorizeBody, idem, ref, startHarness, T02, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.gw.close());

describe('idempotency', () => {
  it('replays the first response byte for byte and executes once', async () => {
    const key = idem();
    const body = authorizeBody({});
    const first = await h.call('POST', '/v1/payments/authorize', body, { key });
    expect(first.status).toBe(200);
    h.clock.advance(30_000); // a later retry: a new nonce and timestamp, the same key and body
    const again = await h.call('POST', '/v1/payments/authorize', body, { key });
    expect(again.status).toBe(first.status);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(PaymentSchema.parse(again.json).reference).toBe(body.reference);
    expect(h.gw.ledger.payments('T01').filter((p) => p.reference === body.reference)).toHaveLength(1);
  });

  it('replays a business error too (it was an answer), without executing again', async () => {
    const key = idem();
    const path = '/v1/payments/pay_doesnotexist/capture';
    const first = await h.call('POST', path, { amountMinor: 100 }, { key });
    const again = await h.call('POST', path, { amountMinor: 100 }, { key });
    expect(first.status).toBe(404);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers 409 idempotency_conflict for the same key with a different body or path', async () => {
    const key = idem();
    const body = authorizeBody({});
    expect((await h.call('POST', '/v1/payments/authorize', body, { key })).status).toBe(200);
    const changed = await h.call('POST', '/v1/payments/authorize', { ...body, amountMinor: 999 }, { key });
    expect(changed.status).toBe(409);
    expect(GatewayErrorSchema.parse(changed.json).error.code).toBe('idempotency_conflict');
    const otherRoute = await h.call('POST', '/v1/qr/orders/x/reverse', undefined, { key });
    expect(otherRoute.status).toBe(400); // 'x' is not a valid reference: validation comes first
    expect(h.gw.ledger.payments('T01').filter((p) => p.reference === body.reference)).toHaveLength(1);
  });

  it('scopes keys to the terminal', async () => {
    const key = idem();
    const a = await h.call('POST', '/v1/payments/authorize', authorizeBody({}), { key });
    const b = await h.call('POST', '/v1/payments/authorize', authorizeBody({}), { key, creds: T02 });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a second payment with a used reference under a new key (409)', async () => {
    const reference = ref();
    expect(
      (await h.call('POST', '/v1/payments/authorize', authorizeBody({ reference }), { key: idem() })).status,
    ).toBe(200);
    const dup = await h.call('POST', '/v1/payments/authorize', authorizeBody({ reference }), { key: idem() });
    expect(dup.status).toBe(409);
    expect(GatewayErrorSchema.parse(dup.json).error.message).toContain('already used');
  });

  it('does not store an answer for a request that failed validation', async () => {
    const key = idem();
    const bad = await h.call('POST', '/v1/payments/authorize', { nonsense: true }, { key });
    expect(bad.status).toBe(400);
    const good = await h.call('POST', '/v1/payments/authorize', authorizeBody({}), { key });
    expect(good.status).toBe(200);
  });
});
