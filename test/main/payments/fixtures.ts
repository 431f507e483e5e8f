// A host wired to a sandbox gateway on loopback (a real HTTP server with its own ledger), with fast sync
// timings, for the payment tests: the test keeps the sandbox handle to inject faults, cut it off and restart it.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Channel, Input, Output, CartView, PaymentResultView } from '../../../main/api/contract';
import type { Result } from '../../../main/api/result';
import { DEMO } from '../../../main/catalog/demo';
import { DEFAULT_CONFIG, type PosConfig } from '../../../main/config/config';
import { startSandboxGateway, type SandboxGateway } from '../../../main/gateway/sandbox/server';
import { createHost } from '../../../main/host';
import type { Host } from '../../../main/host-types';
import type { PaymentTuning } from '../../../main/payments/payments-runtime';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export const SECRET = Buffer.alloc(32, 7);

export interface Shop {
  readonly host: Host;
  readonly dataDir: string;
  gateway: SandboxGateway;
  /** the gateway's port, kept across restarts so the host's config stays right */
  readonly port: number;
  restartGateway(): Promise<void>;
  stopGateway(): Promise<void>;
}

export async function openShop(
  opts: { config?: Partial<PosConfig>; tuning?: Partial<PaymentTuning> } = {},
): Promise<Shop> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-pay-'));
  const gwDir = path.join(dataDir, 'gw');
  fs.mkdirSync(gwDir);
  const start = (port: number): Promise<SandboxGateway> =>
    startSandboxGateway({
      dataDir: gwDir,
      port,
      terminals: [{ terminalId: 'T01', secret: SECRET }],
      currency: 'CNY',
      adminToken: 'admin',
    });
  let gateway = await start(0);
  const port = gateway.port;
  fs.writeFileSync(path.join(dataDir, 'terminal-secret'), SECRET.toString('hex'), { mode: 0o600 });
  const config: PosConfig = {
    ...DEFAULT_CONFIG,
    gateway: { url: gateway.url, terminalSecretFile: 'terminal-secret' },
    ...opts.config,
  };
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(config, null, 2));
  const host = await createHost({
    dataDir,
    log: () => undefined,
    paymentTuning: {
      backoff: { baseMs: 5, maxMs: 50 },
      breaker: { threshold: 1, baseCooldownMs: 30, maxCooldownMs: 100 },
      qr: { pollEveryMs: 5, maxPolls: 6 },
      clientTimeoutMs: 1_000,
      idleMs: 50,
      ...opts.tuning,
    },
  });
  let up = true;
  const shop: Shop = {
    host,
    dataDir,
    get gateway() {
      return gateway;
    },
    set gateway(g) {
      gateway = g;
    },
    port,
    async restartGateway() {
      if (up) await gateway.close();
      gateway = await start(port);
      up = true;
    },
    async stopGateway() {
      if (up) await gateway.close();
      up = false;
      // Let the till's pooled keep-alive sockets see the close, as they do when a gateway has been down for
      // more than a moment. A request sent on one that has not (the same instant the gateway dies) may have
      // reached it: that is 'unknown', not 'unreachable' (test/main/gateway/client.stale-socket-retry.test.ts).
      // 250 ms, not less: on a loaded machine (CI runs Chromium suites beside this) the till's event loop can
      // take tens of ms to handle the sockets' close events.
      await new Promise((r) => setTimeout(r, 250));
    },
  };
  cleanups.push(async () => {
    await host.close();
    if (up) await gateway.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return shop;
}

export async function call<C extends Channel>(h: Host, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await h.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

type Failure = { code: string; detail?: Record<string, unknown> };

function failed(channel: string, r: Result<unknown>): Failure {
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return {
    code: r.error.code,
    ...(r.error.detail ? { detail: r.error.detail as Record<string, unknown> } : {}),
  };
}

export async function failure<C extends Channel>(h: Host, channel: C, input: Input<C>): Promise<Failure> {
  return failed(channel, await h.dispatch(channel, input));
}

/** A payload of the wrong type on purpose, sent as a transport would (the contract must refuse it). */
export async function refusal(h: Host, channel: string, payload: unknown): Promise<Failure> {
  return failed(channel, await h.dispatchUntyped(channel, payload));
}

/** A cart with a few demo items: total 2,050 fen unless `codes` says otherwise. */
export async function cartOf(
  h: Host,
  codes: readonly string[] = [DEMO.cola.barcode, DEMO.water.barcode],
): Promise<CartView> {
  let cart: CartView | null = null;
  for (const code of codes) cart = await call(h, 'cart.scan', { code });
  if (!cart) throw new Error('no cart');
  return cart;
}

export async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Makes the till's writes matching `when` fail as a full disk would (another connection adds a trigger), until
 * the returned function is called. `when` is a trigger's event clause, e.g. "BEFORE INSERT ON sales".
 */
export function diskFullFor(shop: Shop, when: string): () => void {
  const admin = new Database(path.join(shop.dataDir, 'pos.sqlite'));
  admin.exec(`CREATE TRIGGER disk_full ${when} BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
  return () => {
    admin.exec('DROP TRIGGER disk_full');
    admin.close();
  };
}

/**
 * A card payment of a fresh demo cart while the gateway is already down: the customer's contact is given up
 * front, the test card swiped; returns the cart and the answer (normally `stored`).
 */
export async function payOffline(
  shop: Shop,
  testCard: 'visa' | 'unionpay' | 'mastercard' | 'stolen' | 'decline' | 'expired',
  contact = '13800000000',
): Promise<{ cart: CartView; result: PaymentResultView }> {
  await shop.stopGateway();
  const cart = await cartOf(shop.host);
  const a = await call(shop.host, 'payment.startCard', {
    cartId: cart.cartId,
    cartVersion: cart.version,
    customerContact: contact,
  });
  const result = await call(shop.host, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard });
  return { cart, result };
}
