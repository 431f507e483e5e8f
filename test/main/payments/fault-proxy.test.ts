// The network between the till and the gateway breaks below HTTP (a loopback TCP proxy): answers dropped
// after the gateway committed, connections reset, the network partitioned. Sales go on (online, unknown,
// offline) under a random sequence of faults; when the network heals and the till settles, every sale is
// there once locally and once at the gateway, and every card tender is exactly one approved gateway payment.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../main/api/contract';
import { DEMO } from '../../../main/catalog/demo';
import { DEFAULT_CONFIG } from '../../../main/config/config';
import { startSandboxGateway, type SandboxGateway } from '../../../main/gateway/sandbox/server';
import { createHost } from '../../../main/host';
import type { Host } from '../../../main/host-types';
import { startFaultProxy, type FaultProxy, type ProxyMode } from '../../support/fault-proxy';
import { call, cartOf, SECRET, until } from './fixtures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(): Promise<{ host: Host; gateway: SandboxGateway; proxy: FaultProxy; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-proxy-'));
  const gateway = await startSandboxGateway({
    dataDir: null,
    terminals: [{ terminalId: 'T01', secret: SECRET }],
    currency: 'CNY',
  });
  const proxy = await startFaultProxy({ host: '127.0.0.1', port: gateway.port });
  fs.writeFileSync(path.join(dataDir, 'terminal-secret'), SECRET.toString('hex'), { mode: 0o600 }); // a secret others can read stops the start
  fs.writeFileSync(
    path.join(dataDir, 'config.json'),
    JSON.stringify({ ...DEFAULT_CONFIG, gateway: { url: proxy.url, terminalSecretFile: 'terminal-secret' } }),
  );
  const host = await createHost({
    dataDir,
    log: () => undefined,
    paymentTuning: {
      backoff: { baseMs: 5, maxMs: 40 },
      breaker: { threshold: 2, baseCooldownMs: 20, maxCooldownMs: 80 },
      clientTimeoutMs: 150,
      idleMs: 30,
    },
  });
  cleanups.push(async () => {
    await host.close();
    await proxy.close();
    await gateway.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { host, gateway, proxy, dataDir };
}

describe('network faults below HTTP', () => {
  it(
    'dropped answers, resets and a partition over 24 sales: still exactly once on both sides',
    { timeout: 60_000 },
    async () => {
      const { host: h, gateway, proxy, dataDir } = await setup();
      const modes: ProxyMode[] = ['pass', 'drop-responses', 'reset', 'partition'];
      const outcomes = new Map<string, number>();
      for (let i = 0; i < 24; i++) {
        proxy.mode = modes[Math.floor(Math.random() * modes.length)] ?? 'pass';
        await call(h, 'cart.clear', {}).catch(() => undefined);
        const cart = await cartOf(h, [DEMO.cola.barcode, DEMO.water.barcode]);
        const a = await call(h, 'payment.startCard', {
          cartId: cart.cartId,
          cartVersion: cart.version,
          customerContact: '13800000000',
        });
        const r = await h.dispatch('payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
        const key = r.ok ? r.value.outcome : r.error.code;
        outcomes.set(`${proxy.mode}:${key}`, (outcomes.get(`${proxy.mode}:${key}`) ?? 0) + 1);
        // An unknown payment keeps its cart locked: the cashier waits for it (resolved below), and the next
        // customer's sale starts only once it is settled, as at a real counter.
        if (r.ok && r.value.outcome === 'unknown') {
          proxy.mode = 'pass';
          await until(async () => {
            const p = await call(h, 'payment.resolve', { attemptId: a.attemptId }).catch(() => null);
            return p !== null && p.outcome !== 'unknown';
          }, 'the unknown payment to settle');
        } else if (!r.ok && (await call(h, 'payment.get', { attemptId: a.attemptId })).state === 'created') {
          await call(h, 'payment.cancel', { attemptId: a.attemptId });
        }
      }
      proxy.mode = 'pass';
      await until(
        async () => {
          const s = await call(h, 'status.get', {});
          const open = (await call(h, 'payment.recovery', {})).filter(
            (p: PaymentView) => p.state !== 'forward_declined',
          );
          return s.payments.pendingCount === 0 && s.payments.uploadsPending === 0 && open.length === 0;
        },
        'the till to settle',
        30_000,
      );
      console.log(`fault proxy outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);

      const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
      try {
        const sales = db.prepare('SELECT id FROM sales').all() as { id: string }[];
        const cardTenders = db.prepare(`SELECT t.attempt_id FROM tenders t WHERE t.kind = 'card'`).all() as {
          attempt_id: string;
        }[];
        const approved = gateway.ledger.payments('T01').filter((p) => p.status === 'approved');
        expect(new Set(approved.map((p) => p.reference)).size).toBe(approved.length);
        expect(cardTenders.map((t) => t.attempt_id).sort()).toEqual(approved.map((p) => p.reference).sort());
        const uploaded = gateway.ledger.sales('T01').map((s) => s.saleId);
        expect([...uploaded].sort()).toEqual(sales.map((s) => s.id).sort());
        expect(sales.length).toBeGreaterThan(0);
      } finally {
        db.close();
      }
    },
  );
});
