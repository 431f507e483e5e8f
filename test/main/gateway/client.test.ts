// How the client classifies what happened on the wire, against raw HTTP servers that misbehave on purpose:
// that classification decides between "declined", "try offline" and "look it up" — a wrong one double-charges.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandboxGateway } from '../../../main/gateway/sandbox/server';
import { createGatewayClient } from '../../../main/gateway/client';
import type { SaleUpload } from '../../../main/gateway/protocol/schemas';
import { signResponse, type TerminalCredentials } from '../../../main/gateway/protocol/signing';
import { authorizeBody, sharedKeyPem } from './sandbox/harness';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

/**
 * A raw gateway whose complete answers are signed as the protocol asks (signing.ts): `writeHead` is held until
 * `end` gives the body to sign. An answer begun with `write` goes out unsigned (these are cut off anyway).
 */
function signing(handler: http.RequestListener): http.RequestListener {
  return (req, res) => {
    let status = 200;
    let headers: http.OutgoingHttpHeaders = {};
    const writeHead = res.writeHead.bind(res) as (s: number, h: http.OutgoingHttpHeaders) => void;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.writeHead = ((s: number, h?: http.OutgoingHttpHeaders) => {
      status = s;
      headers = h ?? {};
      return res;
    }) as typeof res.writeHead;
    res.write = ((chunk: string) => {
      if (!res.headersSent) writeHead(status, headers);
      return write(chunk);
    }) as typeof res.write;
    res.end = ((body?: string) => {
      if (!res.headersSent) {
        const nonce = String(req.headers['x-nonce']);
        const r = { method: req.method ?? '', path: req.url ?? '', nonce, status, body: body ?? '' };
        writeHead(status, { ...headers, ...signResponse(CREDENTIALS.secret, r) });
      }
      return end(body);
    }) as typeof res.end;
    handler(req, res);
  };
}

async function server(handler: http.RequestListener, sign = true): Promise<string> {
  const s = http.createServer(sign ? signing(handler) : handler);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  closers.push(() => {
    s.closeAllConnections();
    s.close();
  });
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

const CREDENTIALS: TerminalCredentials = { terminalId: 'T01', secret: Buffer.alloc(32, 1) };

const client = (baseUrl: string, timeoutMs = 500) => {
  const c = createGatewayClient({
    baseUrl,
    credentials: CREDENTIALS,
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

  it('an answer without a signature is unknown, whatever it says (an approval, a refusal)', async () => {
    const ok = JSON.stringify({ saleId: 's1', receivedAt: '2026-11-25T10:00:00.000Z' });
    const approving = await server((_q, res) => res.writeHead(200).end(ok), false);
    expect(await client(approving).uploadSale(SALE, 'sale:s1')).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('x-response-signature') as unknown,
    });
    const refusing = await server(
      (_q, res) => res.writeHead(400).end('{"error":{"code":"invalid_request","message":"bad"}}'),
      false,
    );
    expect((await client(refusing).uploadSale(SALE, 'sale:s1')).kind).toBe('unknown');
  });

  it('an answer signed for another request (another nonce) or with another status is unknown', async () => {
    const ok = JSON.stringify({ saleId: 's1', receivedAt: '2026-11-25T10:00:00.000Z' });
    const replaying = await server((q, res) => {
      const r = {
        method: q.method ?? '',
        path: q.url ?? '',
        nonce: 'an-earlier-request-nonce',
        status: 200,
        body: ok,
      };
      res.writeHead(200, signResponse(CREDENTIALS.secret, r)).end(ok);
    }, false);
    expect((await client(replaying).uploadSale(SALE, 'sale:s1')).kind).toBe('unknown');
    const restatused = await server((q, res) => {
      const r = {
        method: q.method ?? '',
        path: q.url ?? '',
        nonce: String(q.headers['x-nonce']),
        status: 400,
        body: ok,
      };
      res.writeHead(200, signResponse(CREDENTIALS.secret, r)).end(ok);
    }, false);
    expect((await client(restatused).uploadSale(SALE, 'sale:s1')).kind).toBe('unknown');
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

describe('refunds of QR orders and refund lookup', () => {
  const REFUND = {
    refundId: 'rf_1',
    paymentId: 'qr_1',
    reference: 'refund-ref-0001',
    status: 'succeeded',
    amountMinor: 100,
    message: 'refunded',
    createdAt: '2026-11-25T10:00:00.000Z',
  };

  it('lookupRefund: a 404 not_found is ok(null) (never done); the found refund is ok', async () => {
    let seen = '';
    const url = await server((q, res) => {
      seen = q.url ?? '';
      if (q.url?.endsWith('=refund-ref-0001')) res.writeHead(200).end(JSON.stringify(REFUND));
      else res.writeHead(404).end('{"error":{"code":"not_found","message":"no refund"}}');
    });
    const c = client(url);
    expect(await c.lookupRefund('never-seen-0001')).toEqual({ kind: 'ok', value: null });
    expect(seen).toBe('/v1/refunds?reference=never-seen-0001');
    expect(await c.lookupRefund('refund-ref-0001')).toEqual({ kind: 'ok', value: REFUND });
  });

  it('lookupRefund: a 404 without a protocol body (a proxy, a wrong URL) is unknown, not "never done"', async () => {
    const url = await server((_q, res) => res.writeHead(404).end('<html>not here</html>'));
    expect((await client(url).lookupRefund('never-seen-0001')).kind).toBe('unknown');
  });

  it('refundQr: posts to the order and sends the key; a 404 is rejected, a 5xx unknown, never null', async () => {
    let got: { url?: string; key?: string | string[]; body: string } = { body: '' };
    let status = 200;
    const url = await server((q, res) => {
      let body = '';
      q.on('data', (c: Buffer) => (body += c.toString()));
      q.on('end', () => {
        got = { url: q.url, key: q.headers['idempotency-key'], body };
        if (status === 200) res.writeHead(200).end(JSON.stringify(REFUND));
        else if (status === 404)
          res.writeHead(404).end('{"error":{"code":"not_found","message":"no order"}}');
        else res.writeHead(503).end('{"error":{"code":"internal","message":"x"}}');
      });
    });
    const c = client(url);
    const body = { reference: 'refund-ref-0001', amountMinor: 100, reason: 'return' };
    expect(await c.refundQr('qr-order-ref-01', body, 'rq-key-1')).toEqual({ kind: 'ok', value: REFUND });
    expect(got).toEqual({
      url: '/v1/qr/orders/qr-order-ref-01/refunds',
      key: 'rq-key-1',
      body: JSON.stringify(body),
    });
    status = 404;
    expect(await c.refundQr('qr-order-ref-01', body, 'rq-key-2')).toMatchObject({
      kind: 'rejected',
      status: 404,
      code: 'not_found',
    });
    status = 503;
    expect((await c.refundQr('qr-order-ref-01', body, 'rq-key-3')).kind).toBe('unknown');
  });

  it('against the sandbox: refunds a paid QR order and finds card and QR refunds by reference', async () => {
    const gw = await startSandboxGateway({
      dataDir: null,
      terminals: [CREDENTIALS],
      cardPrivateKeyPem: sharedKeyPem(),
    });
    closers.push(() => void gw.close());
    const c = client(gw.url, 5000);
    const tag = `${process.pid}-${Date.now()}`;
    const order = await c.micropay(
      {
        reference: `qr-order-${tag}`,
        amountMinor: 1000,
        currency: 'USD',
        scheme: 'wechat',
        authCode: '134567890123456789',
        subject: 'Tea',
      },
      `micropay-${tag}`,
    );
    expect(order).toMatchObject({ kind: 'ok', value: { status: 'success' } });
    const orderId = order.kind === 'ok' ? order.value.orderId : '';
    const body = { reference: `qr-refund-${tag}`, amountMinor: 400, reason: 'return' };
    const refunded = await c.refundQr(`qr-order-${tag}`, body, `refund-${tag}`);
    expect(refunded).toMatchObject({ kind: 'ok', value: { status: 'succeeded', paymentId: orderId } });
    // the same key and body again: the same answer, one refund
    expect(await c.refundQr(`qr-order-${tag}`, body, `refund-${tag}`)).toEqual(refunded);
    const tooMuch = await c.refundQr(
      `qr-order-${tag}`,
      { reference: `qr-refund2-${tag}`, amountMinor: 601, reason: 'return' },
      `refund2-${tag}`,
    );
    expect(tooMuch).toMatchObject({ kind: 'ok', value: { status: 'failed' } });
    expect(await c.lookupRefund(body.reference)).toEqual(refunded);
    expect(await c.lookupRefund(`qr-refund2-${tag}`)).toEqual(tooMuch);
    expect(await c.lookupRefund(`never-refunded-${tag}`)).toEqual({ kind: 'ok', value: null });
    expect(await c.refundQr(`no-such-order-${tag}`, body, `refund3-${tag}`)).toMatchObject({
      kind: 'rejected',
      code: 'not_found',
    });
    // a reused refund reference under a new key: a conflict, so the client cannot call it "not done"
    expect((await c.refundQr(`qr-order-${tag}`, body, `refund4-${tag}`)).kind).toBe('unknown');
    expect(gw.ledger.qrOrderByReference('T01', `qr-order-${tag}`)?.refundedMinor).toBe(400);

    const payment = await c.authorize(authorizeBody({ amountMinor: 900 }), `authorize-${tag}`);
    expect(payment).toMatchObject({ kind: 'ok', value: { status: 'approved' } });
    const paymentId = payment.kind === 'ok' ? payment.value.paymentId : '';
    const cardRefund = await c.refund(
      paymentId,
      { reference: `card-refund-${tag}`, amountMinor: 900, reason: 'return' },
      `card-refund-${tag}`,
    );
    expect(cardRefund).toMatchObject({ kind: 'ok', value: { status: 'succeeded', paymentId } });
    expect(await c.lookupRefund(`card-refund-${tag}`)).toEqual(cardRefund);
    expect(gw.ledger.refunds('T01').map((r) => [r.kind, r.status])).toEqual([
      ['qr', 'succeeded'],
      ['qr', 'failed'],
      ['card', 'succeeded'],
    ]);
  });
});

// A reset on a reused keep-alive socket after the request went out is retried once on a fresh connection; if
// that retry cannot connect, the outcome stays unknown: the first request may have been executed.
describe('stale keep-alive retry that cannot connect', () => {
  it('a request that reached the server on a reused socket is never reported unreachable', async () => {
    let received = 0;
    const s = http.createServer(
      signing((req, res) => {
        req.resume();
        req.on('end', () => {
          received++;
          if (received === 1) {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ saleId: 's1', receivedAt: '2026-11-25T10:00:00.000Z' }));
            return;
          }
          // The second request was received (and, at a real gateway, executed); then the gateway goes away:
          // no new connections, and this one is cut before the answer.
          s.close();
          req.socket.destroy();
        });
      }),
    );
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    closers.push(() => {
      s.closeAllConnections();
      s.close();
    });
    const c = createGatewayClient({
      baseUrl: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
      credentials: { terminalId: 'T01', secret: Buffer.alloc(32, 1) },
      now: () => new Date(),
      timeoutMs: 1_000,
    });
    closers.push(() => c.close());
    expect((await c.uploadSale(SALE, 'sale:s1')).kind).toBe('ok');
    const second = await c.uploadSale({ ...SALE, saleId: 's2' }, 'sale:s2');
    expect(received).toBe(2); // the server did get it
    expect(second.kind).toBe('unknown');
  });
});
