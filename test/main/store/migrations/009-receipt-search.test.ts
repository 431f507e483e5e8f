// Migration 009 (receipt-search): existing sales are put in the receipt number index, sales written after it
// get there through the trigger, and a receipt number cannot change under the index.
import path from 'node:path';
import { expect, it } from 'vitest';
import { createSaleHistory } from '../../../../main/sale/receipt-search';
import { openDatabase } from '../../../../main/store/db';
import { migrate } from '../../../../main/store/migrate';
import { migrations } from '../../../../main/store/migrations/index';
import { seedSales } from '../../../support/history-seed';
import { tempDir } from '../fixtures';
import { migrationSuite } from '../../../support/migrations';

migrationSuite(9);

it('indexes the sales already there, then every new sale, and refuses to change a receipt number', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'pos.sqlite');
  const db = openDatabase(file);
  try {
    const upTo = async (version: number) =>
      migrate(db, {
        file,
        backupDir: path.join(dir, 'backups'),
        now: () => new Date('2026-01-05T00:00:00Z'),
        migrations: migrations.slice(0, version),
      });
    await upTo(8);
    const seed = { startMs: Date.UTC(2026, 0, 1), spacingMs: 60_000, total: (i: number) => 100 * i };
    seedSales(db, { ...seed, count: 30, last4: (i) => (i === 12 ? '1234' : null) });
    expect(await upTo(9)).toMatchObject({ from: 8, to: 9 });

    const history = createSaleHistory(db, { timeZone: 'Asia/Shanghai' });
    expect(history({ query: '00012' }).map((r) => r.receiptNo)).toEqual(['T01-000012']);
    expect(history({ query: '2' }).map((r) => r.receiptNo)).toEqual([
      'T01-000022',
      'T01-000012',
      'T01-000002',
    ]);
    expect(history({ amountMinor: 1200 }).map((r) => r.receiptNo)).toEqual(['T01-000012']);
    expect(history({ last4: '1234' }).map((r) => r.receiptNo)).toEqual(['T01-000012']);

    seedSales(db, { ...seed, count: 1, firstSeq: 31, last4: () => null });
    expect(history({ query: '031' }).map((r) => r.receiptNo)).toEqual(['T01-000031']);
    expect(() =>
      db.prepare(`UPDATE sales SET receipt_no = 'T01-999999' WHERE receipt_no = 'T01-000031'`).run(),
    ).toThrow(/a receipt number never changes/);
    db.prepare(`UPDATE sales SET status = 'voided' WHERE receipt_no = 'T01-000031'`).run(); // other columns may
    expect(
      db.prepare(`INSERT INTO receipt_search (receipt_search) VALUES ('integrity-check')`).run().changes,
    ).toBe(1);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
});
