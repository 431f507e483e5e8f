// Issue 4 (10): draining 10,000 stored offline card payments into the sandbox gateway over loopback, through
// the real sync worker (outbox claim + forward handler + attempt state machine + group commit, SQLite with
// synchronous=FULL), against a plain HTTP client sending the same signed requests at the same concurrency in
// the same run, to the same gateway process. Target: the worker reaches at least 0.7 of the plain throughput.
// Also: what the gateway client adds to one authorization round trip (p50), against the same plain request.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { IdTechHidReader, type EncryptedSwipe } from '../native/card/idtech';
import { IdTechMsrEmulator } from '../native/emulators/idtech-msr';
import { createAttemptRepo } from '../main/payments/attempts/attempt-repo';
import { readFromEncryptedSwipe } from '../main/payments/card/card-reads';
import { trainingTracks } from '../main/payments/card/training-cards';
import { createGatewayClient } from '../main/gateway/client';
import { createForwardHandler } from '../main/payments/offline/forward-handler';
import type { AuthorizeRequest } from '../main/gateway/protocol/schemas';
import { signRequest } from '../main/gateway/protocol/signing';
import { openStore } from '../main/store/open-store';
import { createCircuitBreaker } from '../main/gateway/circuit-breaker';
import { enqueueOutbox } from '../main/outbox/enqueue';
import { createOutboxRepo } from '../main/outbox/outbox-repo';
import { createOutboxWorker } from '../main/sync/outbox-worker';
import { saleUploadHandler } from '../main/sync/sale-upload-handler';
import { percentile, type BenchReport } from './lib';
import { startGatewayProcess } from '../test/support/gateway-process';

const N = Number(process.env.DRAIN_N ?? 10_000);
const CONCURRENCY = 8;

async function startGateway(dir: string): Promise<{ url: string; secret: Buffer; child: ChildProcess }> {
  const gw = await startGatewayProcess(dir, ['--terminal', 'T01', '--currency', 'CNY']);
  const secret = Buffer.from(fs.readFileSync(gw.secretFile, 'utf8').trim(), 'hex');
  return { url: gw.url, secret, child: gw.child };
}

/** One real encrypted swipe (TDES DUKPT), reused as the card data of every payment. */
function cardRead(): ReturnType<typeof readFromEncryptedSwipe> {
  const emulator = new IdTechMsrEmulator({
    bdk: '0123456789ABCDEFFEDCBA9876543210',
    initialKsn: 'FFFF9876543210E00000',
    variant: 'data',
    mask: { showExpiry: true },
  });
  const reader = new IdTechHidReader(emulator);
  let got: EncryptedSwipe | null = null;
  reader.on('swipe', (s) => (got = s));
  emulator.swipe(trainingTracks('visa'));
  reader.close();
  if (!got) throw new Error('no swipe');
  return readFromEncryptedSwipe(got, { variant: 'data' });
}

function body(reference: string, read: ReturnType<typeof cardRead>, at: Date): AuthorizeRequest {
  return {
    reference,
    amountMinor: 1_000 + (reference.length % 7),
    currency: 'CNY',
    capture: true,
    entryMode: read.entryMode,
    card: read.data,
    cardFacts: read.facts,
    storedOffline: {
      storedAt: at.toISOString(),
      deadline: new Date(at.getTime() + 86_400_000).toISOString(),
    },
  };
}

/** The baseline: the same signed POSTs, keep-alive, CONCURRENCY at a time, no database. */
async function plainDrain(
  url: string,
  secret: Buffer,
  bodies: AuthorizeRequest[],
  agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY }),
  keepAgent = false,
): Promise<number> {
  const u = new URL(url);
  let next = 0;
  const one = (b: AuthorizeRequest): Promise<void> =>
    new Promise((resolve, reject) => {
      const text = JSON.stringify(b);
      const headers = signRequest(
        { terminalId: 'T01', secret },
        {
          method: 'POST',
          path: '/v1/payments/authorize',
          body: text,
          idempotencyKey: `pay:${b.reference}`,
          now: new Date(),
        },
      );
      const req = http.request(
        {
          agent,
          host: u.hostname,
          port: u.port,
          method: 'POST',
          path: '/v1/payments/authorize',
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const b = bodies[next++];
        if (b) await one(b);
      }
    }),
  );
  const ms = performance.now() - t0;
  if (!keepAgent) agent.destroy();
  return (bodies.length / ms) * 1000;
}

export default async function run(): Promise<BenchReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-drain-'));
  const gwDir = path.join(dir, 'gw');
  fs.mkdirSync(gwDir);
  const gw = await startGateway(gwDir);
  const read = cardRead();
  const now = new Date();
  const { db } = await openStore({
    dataDir: path.join(dir, 'till'),
    now: () => new Date(),
    log: () => undefined,
  });
  try {
    // N stored payments, written as the till writes them (attempt 'stored' + outbox row), in one transaction.
    const at = now.toISOString();
    const insCart = db.prepare(
      `INSERT INTO carts (id, status, version, body, opened_at, updated_at) VALUES (?, 'completed', 1, '{}', ?, ?)`,
    );
    const insAttempt =
      db.prepare(`INSERT INTO payment_attempts (id, kind, mode, state, cart_id, cart_version, amount_minor, currency,
        idempotency_key, entry_mode, brand, bin, last4, expiry, request_body, stored_at, forward_deadline, created_at, updated_at)
      VALUES (?, 'card', 'offline', 'stored', ?, 1, ?, 'CNY', ?, 'swipe', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < N; i++) {
        const id = `w-${String(i).padStart(8, '0')}-stored`;
        const b = body(id, read, now);
        insCart.run(`cart-${id}`, at, at);
        insAttempt.run(
          id,
          `cart-${id}`,
          b.amountMinor,
          `pay:${id}`,
          read.facts.brand,
          read.facts.bin,
          read.facts.last4,
          read.facts.expiry,
          JSON.stringify(b),
          at,
          b.storedOffline?.deadline,
          at,
          at,
        );
        enqueueOutbox(db, {
          kind: 'payment.forward',
          key: `pay:${id}`,
          ref: id,
          body: { attemptId: id },
          at,
        });
      }
    })();

    const baseline = await plainDrain(
      gw.url,
      gw.secret,
      Array.from({ length: N }, (_, i) => body(`b-${String(i).padStart(8, '0')}-plain`, read, now)),
    );

    const attempts = createAttemptRepo(db, { now: () => new Date() });
    const client = createGatewayClient({
      baseUrl: gw.url,
      credentials: { terminalId: 'T01', secret: gw.secret },
      now: () => new Date(),
      maxSockets: CONCURRENCY,
    });
    const worker = createOutboxWorker({
      repo: createOutboxRepo(db),
      runInTransaction: (fn) => db.transaction(fn).immediate(),
      // Only forwards are queued here; the sale upload handler is registered as the till registers it.
      handlers: {
        'payment.forward': createForwardHandler({ db, attempts, now: () => new Date() }),
        'sale.upload': saleUploadHandler,
      },
      gateway: () => client,
      breaker: createCircuitBreaker({ now: Date.now }),
      probe: async () => true,
      now: () => new Date(),
      log: () => undefined,
      concurrency: CONCURRENCY,
      idleMs: 50,
    });
    const t0 = performance.now();
    worker.start();
    await worker.idle();
    const ms = performance.now() - t0;
    await worker.stop();
    const done = (
      db.prepare(`SELECT count(*) AS n FROM payment_attempts WHERE state = 'forward_approved'`).get() as {
        n: number;
      }
    ).n;
    if (done !== N) throw new Error(`drain finished with ${done} of ${N} approved`);
    const drained = (N / ms) * 1000;

    // The client's own cost on one authorization round trip: the same request, sequential, p50.
    const rounds = 200;
    // Both sides keep their connection alive, as the app's client does.
    const single = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const plainRt: number[] = [];
    const clientRt: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const a = body(`rt-plain-${String(i).padStart(6, '0')}`, read, now);
      const t1 = performance.now();
      await plainDrain(gw.url, gw.secret, [a], single, true);
      plainRt.push(performance.now() - t1);
      const b = body(`rt-client-${String(i).padStart(6, '0')}`, read, now);
      const t2 = performance.now();
      const r = await client.authorize(b, `pay:${b.reference}`);
      clientRt.push(performance.now() - t2);
      if (r.kind !== 'ok') throw new Error(`authorize: ${r.kind}`);
    }
    client.close();
    single.destroy();
    const p50p = percentile(plainRt, 50);
    const p50c = percentile(clientRt, 50);
    return {
      name: `payment drain: ${N} stored offline payments, concurrency ${CONCURRENCY}, sandbox gateway in its own process`,
      rows: [
        {
          metric: 'sync worker throughput',
          value: drained,
          unit: 'payments/s',
          baseline: { name: 'plain signed HTTP client', value: baseline },
          target: '>= 0.7x plain',
          pass: drained >= 0.7 * baseline,
        },
        {
          metric: 'authorize round trip p50 (gateway client)',
          value: p50c,
          unit: 'ms',
          baseline: { name: 'plain signed request p50', value: p50p },
        },
        { metric: 'time the client adds (p50 difference)', value: p50c - p50p, unit: 'ms' },
      ],
    };
  } finally {
    db.close();
    gw.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
