// What keeps a Z from closing the day, and only that: shifts not closed, online payments in doubt, refunds in
// doubt; offline payments waiting to be forwarded do not block (they are shown as exposure). Each is read
// through its partial index, as are the day's fingerprint and the offline exposure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeStore } from '../../../bench/support/large-store';
import { openDatabase, type Database } from '../../../main/store/db';
import { zBlockers } from '../../../main/reports/z-blockers';
import { offlineExposure } from '../../../main/reports/offline-exposure';
import { recordStatements, fullScans } from '../../support/query-plans';
import { dayFingerprint } from '../../../main/reports/fingerprint';
import { ATTEMPT_STATES } from '../../../main/payments/attempts/states';

let dir = '';
let db: Database;
let saleId = '';
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-zblock-'));
  await generateLargeStore({ dataDir: dir, sales: 200, salesPerDay: 200, salesPerTransaction: 100 });
  db = openDatabase(path.join(dir, 'pos.sqlite'));
  saleId = db.prepare('SELECT id FROM sales LIMIT 1').pluck().get() as string;
}, 240_000);
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-12-06T09:00:00.000Z';
/** One attempt in each state (card, offline where the state is an offline one), 1.00 more each. */
function attemptsInEveryState(): void {
  const cartId = db.prepare('SELECT cart_id FROM payment_attempts LIMIT 1').pluck().get() as string;
  const add =
    db.prepare(`INSERT INTO payment_attempts (id, kind, mode, state, cart_id, cart_version, amount_minor,
      currency, idempotency_key, acknowledged_at, created_at, updated_at)
    VALUES (?, 'card', ?, ?, ?, 1, ?, 'CNY', ?, ?, ?, ?)`);
  ATTEMPT_STATES.forEach((state, i) => {
    const offline = [
      'stored',
      'forwarding',
      'forward_unknown',
      'forward_approved',
      'forward_declined',
      'expired',
    ];
    // only one attempt per cart may be moving money (payment_attempts_one_active): each its own cart id
    const cart = ['created', 'authorizing', 'unknown', 'user_paying', 'reversing'].includes(state)
      ? db
          .prepare(
            `INSERT INTO carts (id, status, version, body, opened_at, updated_at) VALUES (?, 'completed', 1, '', ?, ?) RETURNING id`,
          )
          .pluck()
          .get(`blk-cart-${state}`, AT, AT)
      : cartId;
    const mode = offline.includes(state) ? 'offline' : 'online';
    add.run(`blk-${state}`, mode, state, cart, (i + 1) * 100, `blk-key-${state}`, null, AT, AT);
  });
  // an acknowledged decline is no longer exposure
  add.run('blk-ack', 'offline', 'forward_declined', cartId, 7700, 'blk-key-ack', AT, AT, AT);
}

describe('the Z blockers', () => {
  it('names the payments in doubt and the refunds in doubt, not the offline ones', () => {
    expect(zBlockers(db)).toEqual([]);
    attemptsInEveryState();
    db.prepare(
      `INSERT INTO refunds (id, refund_no, sale_id, state, tender_kind, amount_minor, tax_minor, currency,
        reason, training, approved_by, created_at, updated_at)
      VALUES ('blk-refund', 'T01-R999999', ?, 'unknown', 'cash', 450, 0, 'CNY', 'defective', 0, '{}', ?, ?)`,
    ).run(saleId, AT, AT);
    const blockers = zBlockers(db);
    expect(
      blockers
        .filter((b) => b.kind === 'payment-unknown')
        .map((b) => b.kind === 'payment-unknown' && b.state)
        .sort(),
    ).toEqual(['authorizing', 'reversing', 'unknown', 'user_paying']);
    expect(blockers.filter((b) => b.kind === 'refund-unknown')).toEqual([
      { kind: 'refund-unknown', refundId: 'blk-refund', amountMinor: 450 },
    ]);
  });

  it('shows offline payments still stored or declined unacknowledged as exposure', () => {
    const amount = (s: string): number => (ATTEMPT_STATES.indexOf(s as never) + 1) * 100;
    expect(offlineExposure(db)).toEqual({
      stored: { count: 3, amountMinor: amount('stored') + amount('forwarding') + amount('forward_unknown') },
      declinedAfterForwarding: { count: 1, amountMinor: amount('forward_declined') },
    });
  });

  it('reads every statement through an index', () => {
    const recorder = recordStatements(path.join(dir, 'pos.sqlite'), new WeakSet());
    try {
      zBlockers(db);
      dayFingerprint(db, 1);
      offlineExposure(db);
    } finally {
      recorder.stop();
    }
    const statements = recorder.statements().filter((s) => s.ran);
    expect(statements.length).toBeGreaterThanOrEqual(5);
    // The live shifts are walked through shifts_one_live: partial (state <> 'closed'), so it holds at most one
    // shift per drawer, never the closed ones of the history.
    const live = (detail: string): boolean => /USING INDEX shifts_one_live$/.test(detail);
    for (const s of statements) {
      expect(
        fullScans(db, s.sql).filter((scan) => !live(scan.detail)),
        s.sql,
      ).toEqual([]);
    }
  });
});
