// The web host's perimeter: loopback only, per-run token -> cookie, Host/Origin checks, static path safety,
// and the bridge framing. Uses a small fake Host: the service graph itself is tested elsewhere.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Host } from '../../../main/host-types';
import { typedDispatch } from '../../../main/ipc/dispatcher';
import { startWebHost, type WebHost } from '../../../main/web/server';
import { ok, type Result } from '../../../main/api/result';

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-static-'));
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>pos</title>');
fs.writeFileSync(path.join(os.tmpdir(), 'pos-secret.txt'), 'secret');

const calls: { channel: string; payload: unknown }[] = [];
let emit: ((e: 'status', p: unknown) => void) | null = null;
const echo = async (channel: string, payload: unknown): Promise<Result<unknown>> => {
  calls.push({ channel, payload });
  return ok({ echoed: channel });
};
const fakeHost: Host = {
  dispatch: typedDispatch(echo),
  dispatchUntyped: echo,
  subscribe: (l) => {
    emit = (e, p) => l(e, p as never);
    return () => (emit = null);
  },
  close: async () => undefined,
};

let web: WebHost;
beforeAll(async () => {
  web = await startWebHost(
    { host: fakeHost },
    { port: 0, staticDir, dataDir: staticDir, token: 'T0KEN-abc' },
  );
});
afterAll(async () => web.close());

function get(
  p: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: web.port, path: p, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}
const cookie = 'pos_session=T0KEN-abc';

describe('web host perimeter', () => {
  it('listens on loopback only', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=T0KEN-abc$/);
  });

  it('refuses requests without the token', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    expect((await get('/', { cookie: 'pos_session=wrong' })).status).toBe(401);
  });

  it('exchanges the token for an HttpOnly SameSite=Strict cookie', async () => {
    const r = await get('/?token=T0KEN-abc');
    expect(r.status).toBe(303);
    expect(r.headers['set-cookie']?.[0]).toMatch(/pos_session=T0KEN-abc; HttpOnly; SameSite=Strict/);
  });

  it('serves the renderer with a strict CSP once authenticated', async () => {
    const r = await get('/', { cookie });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>pos</title>');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).toContain("object-src 'none'");
  });

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/', { cookie, host: 'evil.example:80' })).status).toBe(421);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../pos-secret.txt', '/%2e%2e/pos-secret.txt', '/..%2fpos-secret.txt', '/%00']) {
      const r = await get(p, { cookie });
      expect(r.body).not.toContain('secret');
      expect([400, 404]).toContain(r.status);
    }
  });
});

function connect(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/bridge`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}
const next = (ws: WebSocket): Promise<unknown> =>
  new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));

describe('web bridge', () => {
  it('refuses upgrades without the cookie or from another origin', async () => {
    const origin = `http://127.0.0.1:${web.port}`;
    await expect(connect({ origin })).rejects.toThrow();
    await expect(connect({ cookie, origin: 'http://evil.example' })).rejects.toThrow();
    await expect(connect({ cookie })).rejects.toThrow(); // no Origin at all
  });

  it('carries calls and pushed events', async () => {
    const ws = await connect({ cookie, origin: `http://127.0.0.1:${web.port}` });
    const answer = next(ws);
    ws.send(JSON.stringify({ id: 7, channel: 'cart.get', input: {} }));
    expect(await answer).toEqual({
      type: 'result',
      id: 7,
      result: { ok: true, value: { echoed: 'cart.get' } },
    });
    expect(calls.at(-1)).toEqual({ channel: 'cart.get', payload: {} });
    const ev = next(ws);
    emit?.('status', { trainingMode: true });
    expect(await ev).toEqual({ type: 'event', event: 'status', payload: { trainingMode: true } });
    ws.close();
  });

  it('answers malformed frames with a typed error and keeps the socket open', async () => {
    const ws = await connect({ cookie, origin: `http://localhost:${web.port}` });
    const before = calls.length;
    for (const frame of ['not json', '{"id":"x","channel":"cart.get"}', '{"id":1}', 'null', '[]']) {
      const answer = next(ws);
      ws.send(frame);
      const msg = (await answer) as { result: { ok: boolean; error: { code: string } } };
      expect(msg.result.ok).toBe(false);
      expect(msg.result.error.code).toBe('INVALID_PAYLOAD');
    }
    expect(calls.length).toBe(before);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });
});
