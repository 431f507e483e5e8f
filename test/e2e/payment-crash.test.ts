// Kill -9 the POS host at random points of card payments, many rounds, against a sandbox gateway with its own
// SQLite ledger (running in this test process, so it survives the kills like a real gateway would):
// - during the online authorization and the sale commit that follows it;
// - while the gateway is down (stored offline) and while the sync worker forwards and uploads afterwards.
// After every restart the till is brought back to rest the way a manager would (unknown payments looked up,
// unswiped attempts cancelled, sync allowed to finish). Then, over all rounds: every sale exists exactly once
// locally and once in the gateway's ledger, every card tender has exactly one approved gateway payment, and
// no cart was charged twice. Every other online round also kills the till while a manager refunds part of
// that sale to the card: each refund ends up paid back exactly once at the gateway, or not at all.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CartView } from '../../main/api/contract';
import { verifyJournal } from '../../main/audit/journal';
import { DEMO } from '../../main/catalog/demo';
import { connectBridge, type BridgeClient } from '../support/bridge-client';
import { valueOf } from '../support/result';
import { startWebHostProcess, type WebHostProcess } from '../support/web-till';
import { tillGateway } from '../support/till-gateway';

const ROUNDS = Number(process.env.PAYMENT_CRASH_ROUNDS ?? 10);
const SECRET = Buffer.alloc(32, 9);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-paycrash-'));
const gwDir = path.join(dir, 'gateway');
fs.mkdirSync(gwDir);
const dataDir = path.join(dir, 'till');
fs.mkdirSync(dataDir);
let web: WebHostProcess | null = null;
const gw = tillGateway({ dataDir: gwDir, secret: SECRET });

afterAll(async () => {
  await web?.kill('SIGKILL');
  await gw.down();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function startTill(): Promise<BridgeClient> {
  web = await startWebHostProcess(dataDir);
  return connectBridge(web.url);
}

/** What a manager does after a restart: settle unknowns, cancel attempts that never got a card, let sync finish. */
const seenAfterRestart = new Map<string, number>();
/** Refunds asked for before a kill (the till may or may not have written them). */
const refundsAsked: string[] = [];

/** Settles refunds left unknown by a kill: each is looked up (and resent if the gateway never saw it). */
async function refundsAtRest(c: BridgeClient): Promise<boolean> {
  let open = 0;
  for (const refundId of refundsAsked) {
    const r = await c.call('refund.get', { refundId });
    if (!r.ok) continue; // never written: the kill came first
    const refund = r.value;
    if (refund.state === 'unknown') {
      seenAfterRestart.set('refund unknown', (seenAfterRestart.get('refund unknown') ?? 0) + 1);
      await c.call('refund.resolve', { refundId });
    }
    const now = valueOf(await c.call('refund.get', { refundId }));
    if (now.state === 'unknown' || now.state === 'sending') open++;
  }
  return open === 0;
}

async function bringToRest(c: BridgeClient): Promise<void> {
  const deadline = Date.now() + 20_000;
  let first = true;
  for (;;) {
    const open = valueOf(await c.call('payment.recovery', {}));
    if (first) for (const p of open) seenAfterRestart.set(p.state, (seenAfterRestart.get(p.state) ?? 0) + 1);
    first = false;
    const status = valueOf(await c.call('status.get', {}));
    for (const p of open.filter((x) => x.state === 'unknown'))
      await c.call('payment.resolve', { attemptId: p.attemptId });
    const moving = open.filter((x) =>
      ['unknown', 'stored', 'forwarding', 'forward_unknown'].includes(x.state),
    );
    // An attempt created before the kill but never swiped blocks the cart: cancel it (nothing was sent).
    const blocked = await c.call('cart.scan', { code: DEMO.water.barcode });
    if (!blocked.ok && blocked.error.code === 'CART_LOCKED') {
      const id = String(blocked.error.detail?.['attemptId'] ?? '');
      const p = valueOf(await c.call('payment.get', { attemptId: id }));
      if (p.state === 'created') await c.call('payment.cancel', { attemptId: id });
    } else if (blocked.ok) {
      await c.call('cart.clear', {});
    }
    const refundsSettled = await refundsAtRest(c);
    if (moving.length === 0 && status.payments.uploadsPending === 0 && refundsSettled) return;
    if (Date.now() > deadline) throw new Error(`not at rest: ${JSON.stringify(moving.map((m) => m.state))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('SIGKILL during card payments and sync, many rounds', () => {
  it(
    `${ROUNDS} rounds: every sale once locally and once at the gateway, no cart charged twice`,
    { timeout: 300_000 },
    async () => {
      await gw.up();
      gw.configureTill(dataDir);
      let c = await startTill();
      const kills: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const offline = round % 3 === 2;
        if (offline) await gw.down();
        await c.call('cart.clear', {});
        let cart: CartView | null = null;
        for (const code of [DEMO.cola.barcode, DEMO.milk.barcode])
          cart = valueOf(await c.call('cart.scan', { code }));
        if (!cart) throw new Error('no cart');
        const attempt = valueOf(
          await c.call('payment.startCard', {
            cartId: cart.cartId,
            cartVersion: cart.version,
            ...(offline ? { customerContact: '13800000000' } : {}),
          }),
        );
        // Kill at a random moment: before, during or after the authorization and the sale commit.
        const swipe = c
          .call('payment.trainingSwipe', { attemptId: attempt.attemptId, testCard: 'visa' })
          .catch(() => null);
        const delay = Math.floor(Math.random() * 40);
        await new Promise((r) => setTimeout(r, delay));
        await web?.kill('SIGKILL');
        await swipe;
        kills.push(`${offline ? 'offline' : 'online'} swipe +${delay} ms`);
        c.close();
        if (offline) {
          // Restart with the gateway back, and kill again while the sync worker forwards and uploads.
          await gw.up();
          c = await startTill();
          const d2 = Math.floor(Math.random() * 60);
          await new Promise((r) => setTimeout(r, d2));
          await web?.kill('SIGKILL');
          kills.push(`sync +${d2} ms`);
          c.close();
        }
        c = await startTill();
        await bringToRest(c);

        // Every other online round: refund one cola to the card, and kill the till while it does.
        const saleId = valueOf(await c.call('payment.get', { attemptId: attempt.attemptId })).saleId;
        if (!offline && round % 2 === 0 && saleId !== null) {
          const refundId = randomUUID();
          refundsAsked.push(refundId);
          const refund = c
            .call('refund.issue', {
              refundId,
              saleId,
              lines: [{ lineNo: 1, qtyMilli: 1000 }],
              reason: 'defective',
              approval: { operatorCode: '900', pin: '1234' },
            })
            .catch(() => null);
          // The manager's PIN check (scrypt) comes first, then the refund row, then the request: spread the
          // kills over all of it.
          const d3 = Math.floor(Math.random() * 150);
          await new Promise((r) => setTimeout(r, d3));
          await web?.kill('SIGKILL');
          await refund;
          kills.push(`refund +${d3} ms`);
          c.close();
          c = await startTill();
          await bringToRest(c);
        }
      }
      await web?.kill('SIGTERM');
      web = null;
      c.close();
      console.log(`payment crash rounds: ${ROUNDS}; kills: ${kills.join(', ')}`);
      console.log(`found after restarts: ${JSON.stringify(Object.fromEntries(seenAfterRestart))}`);

      // The invariants, over everything the rounds left behind.
      const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
      try {
        expect(verifyJournal(db).ok).toBe(true);
        const sales = db.prepare('SELECT id, cart_id FROM sales').all() as { id: string; cart_id: string }[];
        expect(new Set(sales.map((s) => s.cart_id)).size).toBe(sales.length);
        const tenders = db
          .prepare(
            `SELECT t.sale_id, t.kind, t.attempt_id, a.state FROM tenders t LEFT JOIN payment_attempts a ON a.id = t.attempt_id`,
          )
          .all() as { sale_id: string; kind: string; attempt_id: string | null; state: string | null }[];
        expect(tenders.length).toBe(sales.length);
        const gateway = await gw.up();
        const approved = gateway.ledger.payments('T01').filter((p) => p.status === 'approved');
        const refs = approved.map((p) => p.reference);
        expect(new Set(refs).size).toBe(refs.length);
        // Every card tender is one approved gateway payment (online or forwarded), and vice versa.
        const cardTenders = tenders.filter((t) => t.kind === 'card');
        expect(cardTenders.every((t) => t.state === 'approved' || t.state === 'forward_approved')).toBe(true);
        expect(cardTenders.map((t) => t.attempt_id).sort()).toEqual([...refs].sort());
        // No cart charged twice: approved payments map to distinct carts.
        const cartOf = db.prepare('SELECT cart_id FROM payment_attempts WHERE id = ?');
        const charged = refs.map((r) => (cartOf.get(r) as { cart_id: string }).cart_id);
        expect(new Set(charged).size).toBe(charged.length);
        // Every sale was uploaded exactly once.
        const uploaded = gateway.ledger.sales('T01').map((s) => s.saleId);
        expect(new Set(uploaded).size).toBe(uploaded.length);
        expect([...uploaded].sort()).toEqual(sales.map((s) => s.id).sort());
        expect(sales.length).toBeGreaterThan(0);
        // Refunds: each completed one paid back exactly once at the gateway, each other one not at all.
        const localRefunds = db.prepare('SELECT id, state FROM refunds').all() as {
          id: string;
          state: string;
        }[];
        expect(localRefunds.every((r) => r.state === 'completed' || r.state === 'failed')).toBe(true);
        const paidBack = gateway.ledger
          .refunds('T01')
          .filter((r) => r.status === 'succeeded')
          .map((r) => r.reference);
        expect(new Set(paidBack).size).toBe(paidBack.length);
        expect([...paidBack].sort()).toEqual(
          localRefunds
            .filter((r) => r.state === 'completed')
            .map((r) => r.id)
            .sort(),
        );
        expect(localRefunds.every((r) => refundsAsked.includes(r.id))).toBe(true);
        console.log(
          `refunds asked during kills: ${refundsAsked.length}, written: ${localRefunds.length}, paid back once: ${paidBack.length}`,
        );
        console.log(
          `sales: ${sales.length}, card tenders: ${cardTenders.length}, gateway payments approved: ${refs.length}`,
        );
      } finally {
        db.close();
      }
    },
  );
});
