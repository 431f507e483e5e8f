// How the client classifies what happened on the wire, against raw HTTP servers that misbehave on purpose:
// that classification decides between "declined", "try offline" and "look it up" — a wrong one double-charges.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGatewayClient } from '../../../main/payments/gateway-client';
import type { SaleUpload } from '../../../main/payments/protocol/schemas';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

async function server(handler: http.RequestListener): Promise<string> {
  const s = http.createServer(handler);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  closers.push(() => {
    s.closeAllConnections();
    s.close();
  });
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

const client = (baseUrl: string, timeoutMs = 500) => {
  const c = createGatewayClient({
    baseUrl,
    credentials: { terminalId: 'T01', secret: Buffer.alloc(32, 1) },
    now: () => new Date(),
    timeoutMs,
  });
  closers.push(() => c.close());
  return c;
};

const SALE: SaleUpload = {
  saleId: 's1',
  receiptNo: 'T01-000001',
  completedAt: '2026-11-25T10:00:00.000Z',
  currency: 'CNY',
  totalMinor: 100,
  training: true,
  tenders: [{ kind: 'cash', amountMinor: 100, reference: null }],
};

describe('gateway client outcomes', () => {
  it('nothing listening: unreachable (provably not sent)', async () => {
    const port = await new Promise<number>((r) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => r(p));
      });
    });
    expect((await client(`http://127.0.0.1:${port}`).uploadSale(SALE, 'sale:s1')).kind).toBe('unreachable');
  });

  it('connected but no answer in time: unknown', async () => {
    const url = await server(() => undefined);
    expect(await client(url, 100).uploadSale(SALE, 'sale:s1')).toMatchObject({ kind: 'unknown' });
  });

  it('a 5xx on a money-moving call is unknown, never a decline', async () => {
    const url = await server((_q, res) =>
      res.writeHead(500).end('{"error":{"code":"internal","message":"x"}}'),
    );
    expect((await client(url).uploadSale(SALE, 'sale:s1')).kind).toBe('unknown');
  });

  it('a 409 idempotency conflict is unknown (something was done under that key)', async () => {
    const url = await server((_q, res) =>
      res.writeHead(409).end('{"error":{"code":"idempotency_conflict","message":"other body"}}'),
    );
    expect((await client(url).uploadSale(SALE, 'sale:s1')).kind).toBe('unknown');
  });

  it('a 4xx with a protocol error is rejected: definitely not done', async () => {
    const url = await server((_q, res) =>
      res.writeHead(400).end('{"error":{"code":"invalid_request","message":"bad"}}'),
    );
    expect(await client(url).uploadSale(SALE, 'sale:s1')).toMatchObject({
      kind: 'rejected',
      code: 'invalid_request',
    });
  });

  it('a 200 whose body is not the protocol is unknown, not success', async () => {
    const url = await server((_q, res) => res.writeHead(200).end('{"hello":1}'));
    expect((await client(url).uploadSale(SALE, 'sale:s1')).kind).toBe('unknown');
  });

  it('the connection cut mid-answer is unknown', async () => {
    const url = await server((_q, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"saleId":');
      setTimeout(() => res.destroy(), 10);
    });
    expect((await client(url).uploadSale(SALE, 'sale:s1')).kind).toBe('unknown');
  });

  it('signs every request and sends the idempotency key', async () => {
    let headers: http.IncomingHttpHeaders = {};
    const url = await server((q, res) => {
      headers = q.headers;
      res.writeHead(200).end(JSON.stringify({ saleId: 's1', receivedAt: '2026-11-25T10:00:00.000Z' }));
    });
    expect(await client(url).uploadSale(SALE, 'sale:s1')).toMatchObject({
      kind: 'ok',
      value: { saleId: 's1' },
    });
    expect(headers['idempotency-key']).toBe('sale:s1');
    expect(headers['authorization']).toMatch(/^CPOS1-HMAC-SHA256 Signature=[0-9a-f]{64}$/);
    expect(headers['x-terminal-id']).toBe('T01');
  });
});
