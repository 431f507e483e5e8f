// A request line whose target the WHATWG URL parser rejects (e.g. `GET //[ HTTP/1.1`)
// must be answered with an error status by the web host, before or without authentication, and must never
// throw out of the 'request' / 'upgrade' listeners (an uncaught exception there kills the whole POS process).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../main/host-types';
import { typedDispatch } from '../../../main/ipc/dispatcher';
import { ok, type Result } from '../../../main/api/result';
import { startWebHost, type WebHost } from '../../../main/web/server';

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-static-review-'));
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>pos</title>');

const answerNull = async (): Promise<Result<unknown>> => ok(null);
const fakeHost: Host = {
  dispatch: typedDispatch(answerNull),
  dispatchUntyped: answerNull,
  subscribe: () => () => undefined,
  close: async () => undefined,
};

let web: WebHost;
const uncaught: unknown[] = [];
const onUncaught = (e: unknown): void => void uncaught.push(e);

beforeAll(async () => {
  web = await startWebHost(
    { host: fakeHost },
    { port: 0, staticDir, dataDir: staticDir, token: 'T0KEN-abc' },
  );
  process.prependListener('uncaughtException', onUncaught);
});
afterAll(async () => {
  process.removeListener('uncaughtException', onUncaught);
  // A listener that threw leaves its socket half-handled; do not let close() wait for it.
  await Promise.race([web.close(), new Promise((r) => setTimeout(r, 2000))]);
});

/** Sends one raw request and returns the status line (or '' when the server never answered). */
function raw(request: string, timeoutMs = 1500): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(web.port, '127.0.0.1', () => s.write(request));
    let buf = '';
    const done = (): void => {
      clearTimeout(timer);
      s.destroy();
      resolve(buf.split('\r\n')[0] ?? '');
    };
    const timer = setTimeout(done, timeoutMs);
    s.on('data', (d: Buffer) => (buf += d.toString()));
    s.on('close', done);
    s.on('error', done);
  });
}

describe('web host: malformed request targets', () => {
  it('answers an unparsable request target with an HTTP error instead of throwing (no token needed to try)', async () => {
    uncaught.length = 0;
    const host = `127.0.0.1:${web.port}`;
    const status = await raw(`GET //[ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(uncaught).toEqual([]);
    expect(status).toMatch(/^HTTP\/1\.1 4\d\d/);
  });

  it('answers an unparsable upgrade target with an HTTP error instead of throwing', async () => {
    uncaught.length = 0;
    const status = await raw(
      'GET //[ HTTP/1.1\r\nHost: evil.example\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(uncaught).toEqual([]);
    expect(status).toMatch(/^HTTP\/1\.1 4\d\d/);
  });
});
