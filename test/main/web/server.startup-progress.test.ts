// The web host listens before the app is ready: while the backup before an update runs it serves the progress
// page (which reloads itself) and refuses the bridge; once the host is there, the app.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ok, type Result } from '../../../main/api/result';
import type { Host } from '../../../main/host-types';
import { typedDispatch } from '../../../main/ipc/dispatcher';
import { startWebHost, type WebApp, type WebHost } from '../../../main/web/server';

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-static-'));
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>pos</title>');
const answerNull = async (): Promise<Result<unknown>> => ok(null);
const host: Host = {
  dispatch: typedDispatch(answerNull),
  dispatchUntyped: answerNull,
  subscribe: () => () => undefined,
  close: async () => undefined,
};
let web: WebHost | null = null;
afterAll(async () => {
  await web?.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const get = (port: number): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', headers: { cookie: 'pos_session=T0KEN' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });

const bridgeOpens = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge`, {
      headers: { cookie: 'pos_session=T0KEN', origin: `http://127.0.0.1:${port}` },
    });
    ws.on('open', () => {
      ws.close();
      resolve(true);
    });
    ws.on('error', () => resolve(false));
  });

it('serves the progress page while starting, then the app', async () => {
  let state: WebApp = { starting: null };
  web = await startWebHost(() => state, { port: 0, staticDir, dataDir: staticDir, token: 'T0KEN' });
  const before = await get(web.port);
  expect(before.status).toBe(503);
  expect(before.body).toContain('data-percent="0"');
  state = { starting: { step: 'backup', done: 30, total: 40 } };
  const during = await get(web.port);
  expect(during.body).toContain('data-percent="75"');
  expect(during.body).toContain('<meta http-equiv="refresh" content="1">');
  expect(await bridgeOpens(web.port)).toBe(false);
  state = { host };
  expect(await get(web.port)).toEqual({ status: 200, body: '<!doctype html><title>pos</title>' });
  expect(await bridgeOpens(web.port)).toBe(true);
});
