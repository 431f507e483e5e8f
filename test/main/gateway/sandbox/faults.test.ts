// Fault injection: each kind does what a POS must survive, and the ledger shows what really happened (a
// reset after the commit leaves exactly one payment, which the lookup finds).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PaymentSchema } from '../../../../main/gateway/protocol/schemas';
import { authorizeBody, idem, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.gw.close());
beforeEach(() => h.gw.clearFaults());

const authorizePath = '/v1/payments/authorize';
const countOf = (reference: string): number =>
  h.gw.ledger.payments().filter((p) => p.reference === reference).length;

const admin = (method: string, path: string, body?: unknown, token = 'admin-secret') =>
  fetch(`${h.gw.url}${path}`, {
    method,
    headers: { 'x-admin-token': token, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('faults', () => {
  it('status: answers the 5xx without executing', async () => {
    h.gw.setFaults([{ route: 'authorize', kind: 'status', status: 503, times: 1 }]);
    const body = authorizeBody({});
    const key = idem();
    const r = await h.call('POST', authorizePath, body, { key });
    expect(r.status).toBe(503);
    expect(countOf(body.reference)).toBe(0);
    const retry = await h.call('POST', authorizePath, body, { key });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('reset-before-commit: the connection dies and nothing is executed', async () => {
    h.gw.setFaults([{ kind: 'reset-before-commit', times: 1 }]);
    const body = authorizeBody({});
    await expect(h.call('POST', authorizePath, body, { key: idem() })).rejects.toThrow();
    expect(countOf(body.reference)).toBe(0);
  });

  it('reset-after-commit: charged but never answered; the lookup finds exactly one payment and a retry replays it', async () => {
    h.gw.setFaults([{ route: 'authorize', kind: 'reset-after-commit', times: 1 }]);
    const body = authorizeBody({});
    const key = idem();
    await expect(h.call('POST', authorizePath, body, { key })).rejects.toThrow();
    expect(countOf(body.reference)).toBe(1);
    const found = await h.call('GET', `/v1/payments?reference=${body.reference}`);
    const payment = PaymentSchema.parse(found.json);
    expect(payment.status).toBe('approved');
    const retry = await h.call('POST', authorizePath, body, { key });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(PaymentSchema.parse(retry.json)).toEqual(payment);
    expect(countOf(body.reference)).toBe(1);
  });

  it('drop-response: commits, then never answers until the client gives up', async () => {
    h.gw.setFaults([{ route: 'authorize', kind: 'drop-response', times: 1 }]);
    const body = authorizeBody({});
    const started = Date.now();
    await expect(h.call('POST', authorizePath, body, { key: idem(), timeoutMs: 300 })).rejects.toThrow(
      /abort|timeout/i,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(countOf(body.reference)).toBe(1);
  });

  it('slow-body: the answer arrives complete but spread over ms', async () => {
    h.gw.setFaults([{ route: 'authorize', kind: 'slow-body', ms: 300, times: 1 }]);
    const started = Date.now();
    const r = await h.call('POST', authorizePath, authorizeBody({}), { key: idem() });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(PaymentSchema.parse(r.json).status).toBe('approved');
  });

  it('latency: delays, then executes normally; only the named route is affected', async () => {
    h.gw.setFaults([{ route: 'authorize', kind: 'latency', ms: 200 }]);
    let started = Date.now();
    expect((await h.call('GET', '/v1/keys/card-encryption')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(200);
    started = Date.now();
    expect((await h.call('POST', authorizePath, authorizeBody({}), { key: idem() })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('times: a rule stops after so many requests', async () => {
    h.gw.setFaults([{ kind: 'status', status: 502, times: 2 }]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await h.call('GET', '/v1/keys/card-encryption')).status);
    expect(statuses).toEqual([502, 502, 200]);
  });
});

describe('admin endpoint', () => {
  it('sets, lists and clears rules with the token; counts requests and ledger rows', async () => {
    expect((await admin('POST', '/admin/faults', { rules: [{ kind: 'status', status: 500 }] })).status).toBe(
      200,
    );
    expect((await h.call('GET', '/v1/keys/card-encryption')).status).toBe(500);
    expect((await admin('DELETE', '/admin/faults')).status).toBe(200);
    expect((await h.call('GET', '/v1/keys/card-encryption')).status).toBe(200);
    const stats = (await (await admin('GET', '/admin/stats')).json()) as {
      requests: { total: number };
      ledger: { payments: Record<string, number> };
    };
    expect(stats.requests.total).toBeGreaterThan(0);
    expect(stats.ledger.payments.approved).toBeGreaterThan(0);
  });

  it('refuses a wrong token (401) and bad rules (400)', async () => {
    expect((await admin('GET', '/admin/stats', undefined, 'nope')).status).toBe(401);
    expect((await admin('POST', '/admin/faults', { rules: [{ kind: 'explode' }] })).status).toBe(400);
  });

  it('does not exist without an admin token', async () => {
    const plain = await startHarness({ adminToken: undefined });
    try {
      const r = await fetch(`${plain.gw.url}/admin/stats`, { headers: { 'x-admin-token': 'admin-secret' } });
      expect(r.status).toBe(404);
    } finally {
      await plain.gw.close();
    }
  });
});
