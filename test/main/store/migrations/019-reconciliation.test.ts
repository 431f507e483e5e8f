// Migration 019 (reconciliation): the settlement and reconciliation tables, one current import per day and
// source enforced by the store, and a payment's refunds found through an index.
import { describe, expect, it } from 'vitest';
import { migratedTo, migrationSuite } from '../../../support/migrations';

migrationSuite(19);

const plan = (db: Awaited<ReturnType<typeof migratedTo>>, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as { detail: string }[]).map((p) => p.detail).join('\n');

describe('019 reconciliation', () => {
  it('finds the refunds of a payment through refunds_attempt', async () => {
    const db = await migratedTo(19);
    expect(plan(db, `SELECT id FROM refunds WHERE attempt_id = ?`)).toMatch(
      /SEARCH refunds USING (COVERING )?INDEX refunds_attempt/,
    );
  });

  it('keeps at most one current import per day and source', async () => {
    const db = await migratedTo(19);
    const insert = db.prepare(
      `INSERT INTO settlement_imports (id, day, source, file_name, sha256, rows, charged_minor, refunded_minor,
         fee_minor, imported_at, imported_by, current)
       VALUES (?, '2025-01-02', 'wechat', 'a.csv', ?, 0, 0, 0, 0, '2025-01-02T00:00:00Z', NULL, ?)`,
    );
    insert.run('i1', 'aa', 1);
    insert.run('i0', 'bb', 0);
    expect(() => insert.run('i2', 'cc', 1)).toThrow(/UNIQUE/);
    expect(
      plan(db, `SELECT id FROM settlement_imports WHERE day = ? AND source = 'wechat' AND current = 1`),
    ).toMatch(/USING (COVERING )?INDEX settlement_imports_current/);
  });

  it('keeps one item per day and key', async () => {
    const db = await migratedTo(19);
    const insert = db.prepare(
      `INSERT INTO recon_items (id, day, item_key, class, reference, sale_id, attempt_id, refund_id, local_minor,
         settled_minor, details, state, updated_at)
       VALUES (?, '2025-01-02', 'matched:a1', 'matched', 'a1', NULL, NULL, NULL, 100, 100, '{}', 'open', 'x')`,
    );
    insert.run('r1');
    expect(() => insert.run('r2')).toThrow(/UNIQUE/);
  });
});
