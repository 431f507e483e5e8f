// Migration 003 on a database that already has sales: the table and its "due" index appear, and no old sale
// is queued (an upgrade must not print the shop's whole history).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/store/db';
import type { Database } from '../../../../main/store/db';
import { migrate } from '../../../../main/store/migrate';
import { migrations } from '../../../../main/store/migrations/index';
import { migrationSuite } from '../../../support/migrations';

migrationSuite(3);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

it('003 adds print_jobs to a v2 database with sales, queueing none of them', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-m003-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'pos.sqlite');
  const db: Database = openDatabase(file);
  cleanups.push(() => db.close());
  const opts = { file, backupDir: path.join(dir, 'backups'), now: () => new Date('2026-01-02T03:04:05Z') };
  await migrate(db, { ...opts, migrations: migrations.slice(0, 2) });
  const at = '2026-01-01T00:00:00.000Z';
  db.prepare(
    `INSERT INTO carts (id, status, version, body, opened_at, updated_at) VALUES ('c1', 'completed', 1, '{}', ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO sales (id, receipt_no, cart_id, cart_version, status, training, terminal_id, currency, pricing_mode,
       tax_rounding, gross_minor, line_discount_minor, order_discount_minor, tax_minor, total_minor, completed_at)
     VALUES ('s1', 'T01-000001', 'c1', 1, 'completed', 0, 'T01', 'CNY', 'inclusive', 'line', 300, 0, 0, 35, 300, ?)`,
  ).run(at);

  const result = await migrate(db, { ...opts, migrations: migrations.slice(0, 3) });
  expect(result.to).toBe(3);
  expect(db.prepare('SELECT count(*) n FROM print_jobs').get()).toEqual({ n: 0 });
  const due = db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT id FROM print_jobs
      WHERE state IN ('queued', 'printing', 'waiting', 'interrupted') ORDER BY id LIMIT 1`,
    )
    .all() as { detail: string }[];
  expect(due.map((r) => r.detail).join(' ')).toContain('print_jobs_due');
});
