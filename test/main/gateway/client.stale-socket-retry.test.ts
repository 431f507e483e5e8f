// A reset on a reused keep-alive socket after the request went out is retried once on a fresh connection. If
// that retry cannot connect, the outcome is `unknown`, never `unreachable` ("provably not sent"): the first
// request may have been executed by the gateway, and an unreachable card attempt can be cancelled and paid in
// cash. Only an answer from the retry replaces "unknown" (gateway-client.ts).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../main/config/config';
import { startSandboxGateway } from '../../../main/gateway/sandbox/server';
import { createHost } from '../../../main/host';
import { call, cartOf, failure, SECRET } from '../payments/fixtures';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

describe('a card payment whose answer was lost on a dying keep-alive socket', () => {
  it('a card payment the gateway approved is never turned back into a cancellable attempt (no cash on top)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-review-'));
    const gateway = await startSandboxGateway({
      dataDir: null,
      terminals: [{ terminalId: 'T01', secret: SECRET }],
      currency: 'CNY',
    });
    // A loopback proxy: once the authorize's answer comes back from the gateway, the link goes down for good
    // (the listener closes, the open connection is cut before the answer reaches the till).
    const sockets = new Set<net.Socket>();
    let cut = false;
    const proxy = net.createServer((client) => {
      sockets.add(client);
      client.on('error', () => undefined);
      const up = net.connect(gateway.port, '127.0.0.1');
      sockets.add(up);
      up.on('error', () => client.destroy());
      up.on('close', () => client.destroy());
      client.on('close', () => up.destroy());
      let isAuthorize = false;
      client.on('data', (d) => {
        if (d.toString('latin1').includes('POST /v1/payments/authorize')) isAuthorize = true;
        up.write(d);
      });
      up.on('data', (d) => {
        if (isAuthorize) {
          cut = true;
          proxy.close();
          client.destroy();
          return;
        }
        client.write(d);
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    fs.writeFileSync(path.join(dataDir, 'terminal-secret'), SECRET.toString('hex'), { mode: 0o600 });
    fs.writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({
        ...DEFAULT_CONFIG,
        gateway: { url: proxyUrl, terminalSecretFile: 'terminal-secret' },
      }),
    );
    const host = await createHost({
      dataDir,
      log: () => undefined,
      paymentTuning: {
        backoff: { baseMs: 5, maxMs: 40 },
        breaker: { threshold: 5, baseCooldownMs: 20, maxCooldownMs: 80 },
        clientTimeoutMs: 1_000,
        idleMs: 30,
      },
    });
    closers.push(async () => {
      await host.close();
      for (const so of sockets) so.destroy();
      proxy.close();
      await gateway.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const cart = await cartOf(host);
    const a = await call(host, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
    // The swipe: the gateway approves and commits, the answer is lost, the retry cannot connect.
    await host.dispatch('payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
    expect(cut).toBe(true);
    expect(gateway.ledger.payments('T01')).toHaveLength(1); // the card WAS charged
    // It must be looked up before anything else: the cart stays locked, no cash sale on top of the charge.
    const cash = await failure(host, 'sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: cart.totals.totalMinor,
    }).catch(() => ({ code: 'CASH_SALE_WENT_THROUGH' }));
    const after = await call(host, 'payment.get', { attemptId: a.attemptId });
    expect({ cash: cash.code, state: after.state }).toEqual({ cash: 'CART_LOCKED', state: 'unknown' });
  });
});
