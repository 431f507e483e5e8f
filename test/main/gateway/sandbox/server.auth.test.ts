// Signing, replay protection and request hygiene: every refusal happens before anything executes, with the
// protocol's error code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayErrorSchema, HeartbeatSchema } from '../../../../main/gateway/protocol/schemas';
import { HEADERS, sha256Hex } from '../../../../main/gateway/protocol/signing';
import { authorizeBody, idem, startHarness, T01, type Harness, type Reply } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.gw.close());

const codeOf = (r: Reply): string => GatewayErrorSchema.parse(r.json).error.code;
const messageOf = (r: Reply): string => GatewayErrorSchema.parse(r.json).error.message;
const heartbeat = { appVersion: '0.1.0', pendingCount: 0, pendingMinor: 0, oldestPendingAt: null };

describe('request signing', () => {
  it('accepts a correctly signed request', async () => {
    const r = await h.call('POST', '/v1/terminals/heartbeat', heartbeat);
    expect(r.status).toBe(200);
  });

  it('refuses an unknown terminal', async () => {
    const r = await h.call('POST', '/v1/terminals/heartbeat', heartbeat, {
      creds: { terminalId: 'T99', secret: new Uint8Array(32) },
    });
    expect([r.status, codeOf(r)]).toEqual([401, 'unauthenticated']);
  });

  it('refuses a signature made with the wrong secret', async () => {
    const r = await h.call('POST', '/v1/terminals/heartbeat', heartbeat, {
      creds: { terminalId: 'T01', secret: new Uint8Array(32).fill(7) },
    });
    expect([r.status, codeOf(r)]).toEqual([401, 'unauthenticated']);
    expect(messageOf(r)).toBe('bad signature');
  });

  it('refuses missing signature headers', async () => {
    const r = await h.call('POST', '/v1/terminals/heartbeat', heartbeat, {
      mutate: (hd) => {
        hd[HEADERS.authorization] = '';
      },
    });
    expect([r.status, codeOf(r)]).toEqual([401, 'unauthenticated']);
  });

  it('refuses a tampered body (hash mismatch) and a tampered hash (signature mismatch)', async () => {
    const other = JSON.stringify({ ...heartbeat, pendingCount: 1 });
    const swapped = await h.call('POST', '/v1/terminals/heartbeat', heartbeat, { sendInstead: other });
    expect([swapped.status, codeOf(swapped)]).toEqual([401, 'unauthenticated']);
    expect(messageOf(swapped)).toContain('x-content-sha256');
    const rehashed = await h.call('POST', '/v1/terminals/heartbeat', heartbeat, {
      sendInstead: other,
      mutate: (hd) => {
        hd[HEADERS.bodyHash] = sha256Hex(other);
      },
    });
    expect([rehashed.status, messageOf(rehashed)]).toEqual([401, 'bad signature']);
  });

  it('refuses a tampered Idempotency-Key (it is part of the signed text)', async () => {
    const r = await h.call('POST', '/v1/payments/authorize', authorizeBody({}), {
      key: idem(),
      mutate: (hd) => {
        hd[HEADERS.idempotencyKey] = 'another-key';
      },
    });
    expect([r.status, codeOf(r)]).toEqual([401, 'unauthenticated']);
    expect(h.gw.ledger.payments()).toHaveLength(0);
  });

  it('refuses a timestamp outside ±5 minutes', async () => {
    const r = await h.call('POST', '/v1/terminals/heartbeat', heartbeat, {
      signAt: new Date(h.clock.at - 5 * 60_000 - 1000),
    });
    expect([r.status, codeOf(r)]).toEqual([401, 'stale_timestamp']);
    const future = await h.call('POST', '/v1/terminals/heartbeat', heartbeat, {
      signAt: new Date(h.clock.at + 6 * 60_000),
    });
    expect(codeOf(future)).toBe('stale_timestamp');
  });

  it('refuses a replayed nonce', async () => {
    const nonce = 'nonce-0123456789abcdef';
    expect((await h.call('POST', '/v1/terminals/heartbeat', heartbeat, { nonce })).status).toBe(200);
    const again = await h.call('POST', '/v1/terminals/heartbeat', heartbeat, { nonce });
    expect([again.status, codeOf(again)]).toEqual([401, 'replayed_nonce']);
  });
});

describe('request hygiene', () => {
  it('answers 413 invalid_request for a body over 64 KiB, without executing', async () => {
    const big = JSON.stringify({ ...heartbeat, appVersion: 'x'.repeat(70 * 1024) });
    const r = await h.call('POST', '/v1/terminals/heartbeat', undefined, { raw: big });
    expect([r.status, codeOf(r)]).toEqual([413, 'invalid_request']);
  });

  it('answers 400 invalid_request for garbage JSON', async () => {
    const r = await h.call('POST', '/v1/payments/authorize', undefined, {
      raw: '{"reference":',
      key: idem(),
    });
    expect([r.status, codeOf(r)]).toEqual([400, 'invalid_request']);
  });

  it('names the failing schema paths', async () => {
    const body = { ...authorizeBody({}), amountMinor: -5, currency: 'usd' };
    const r = await h.call('POST', '/v1/payments/authorize', body, { key: idem() });
    expect([r.status, codeOf(r)]).toEqual([400, 'invalid_request']);
    const msg = GatewayErrorSchema.parse(r.json).error.message;
    expect(msg).toContain('amountMinor');
    expect(msg).toContain('currency');
  });

  it('answers 404 for an unknown route and 405 for a wrong method', async () => {
    const r = await h.call('GET', '/v1/nothing-here');
    expect([r.status, codeOf(r)]).toEqual([404, 'not_found']);
    const m = await h.call('DELETE', '/v1/terminals/heartbeat');
    expect([m.status, codeOf(m)]).toEqual([405, 'invalid_request']);
  });

  it('refuses money-moving routes without an Idempotency-Key', async () => {
    const r = await h.call('POST', '/v1/payments/authorize', authorizeBody({}));
    expect([r.status, codeOf(r)]).toEqual([400, 'idempotency_key_required']);
    expect(h.gw.ledger.payments()).toHaveLength(0);
  });
});

describe('suspended terminals', () => {
  it('may send heartbeats (told suspended) but moves no money (403 terminal_suspended)', async () => {
    const s = await startHarness({ terminals: [{ ...T01, suspended: true }] });
    try {
      const hb = await s.call('POST', '/v1/terminals/heartbeat', heartbeat);
      expect(HeartbeatSchema.parse(hb.json).terminalStatus).toBe('suspended');
      const r = await s.call('POST', '/v1/payments/authorize', authorizeBody({}), { key: idem() });
      expect([r.status, codeOf(r)]).toEqual([403, 'terminal_suspended']);
    } finally {
      await s.gw.close();
    }
  });
});
