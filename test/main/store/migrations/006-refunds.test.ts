// Migration 006 (refunds): print jobs kept across the rebuild, a refund slip tied to its refund.
import { describe, expect, it } from 'vitest';
import {
  AT,
  insertCart,
  insertSale,
  migratedTo,
  migrateOn,
  migrationSuite,
} from '../../../support/migrations';

migrationSuite(6);

describe('006 refunds', () => {
  it('keeps print jobs across the rebuild and ties a refund slip to its refund', async () => {
    const db = await migratedTo(5);
    insertCart(db, 'c1', 'completed');
    insertSale(db, 's1', 'c1');
    db.prepare(
      `INSERT INTO print_jobs (kind, sale_id, copy, state, attempts, next_attempt_at, created_at, updated_at)
       VALUES ('receipt', 's1', 0, 'printed', 1, ?, ?, ?), ('drawer', NULL, 0, 'queued', 0, ?, ?, ?)`,
    ).run(AT, AT, AT, AT, AT, AT);
    await migrateOn(db, 6);
    expect(
      db.prepare('SELECT id, kind, sale_id, refund_id, state FROM print_jobs ORDER BY id').all(),
    ).toEqual([
      { id: 1, kind: 'receipt', sale_id: 's1', refund_id: null, state: 'printed' },
      { id: 2, kind: 'drawer', sale_id: null, refund_id: null, state: 'queued' },
    ]);
    const refund = db.prepare(
      `INSERT INTO refunds (id, refund_no, sale_id, state, tender_kind, attempt_id, amount_minor, tax_minor,
         currency, reason, training, approved_by, idempotency_key, request_body, created_at, updated_at)
       VALUES (?, ?, 's1', 'completed', 'cash', NULL, 100, 0, 'CNY', 'other', 0, '{}', NULL, NULL, ?, ?)`,
    );
    refund.run('r1', 'T1-R000001', AT, AT);
    // A refund slip needs its refund; a cash refund has no payment and no idempotency key.
    const job = db.prepare(
      `INSERT INTO print_jobs (kind, refund_id, state, next_attempt_at, created_at, updated_at)
       VALUES ('refund', ?, 'queued', ?, ?, ?)`,
    );
    job.run('r1', AT, AT, AT);
    expect(() => job.run('r-none', AT, AT, AT)).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO print_jobs (kind, state, next_attempt_at, created_at, updated_at) VALUES ('refund', 'queued', ?, ?, ?)`,
        )
        .run(AT, AT, AT),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO refunds (id, refund_no, sale_id, state, tender_kind, attempt_id, amount_minor, tax_minor,
             currency, reason, training, approved_by, idempotency_key, created_at, updated_at)
           VALUES ('r2', 'T1-R000002', 's1', 'sending', 'cash', NULL, 100, 0, 'CNY', 'other', 0, '{}', 'k', ?, ?)`,
        )
        .run(AT, AT),
    ).toThrow(/CHECK/);
    // Jobs keep their FIFO order past the rebuild: new ids follow the old ones.
    expect(db.prepare(`SELECT max(id) AS id FROM print_jobs`).get()).toEqual({ id: 3 });
  });
});
