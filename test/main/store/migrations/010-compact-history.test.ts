// Migration 010 (compact-history): the last sale becomes a counters row, seeded from the journal (the newest
// 'sale.completed' entry, whatever came after it), and the print queue's error index exists.
import path from 'node:path';
import { expect, it } from 'vitest';
import { appendJournal } from '../../../../main/audit/journal';
import { openDatabase } from '../../../../main/store/db';
import { migrate } from '../../../../main/store/migrate';
import { migrations } from '../../../../main/store/migrations/index';
import { tempDir } from '../fixtures';
import { migrationSuite } from '../../../support/migrations';

migrationSuite(10);

it('seeds the last sale from the journal, and an empty store gets no row', async () => {
  const dir = tempDir();
  for (const withSales of [true, false]) {
    const file = path.join(dir, `pos-${withSales}.sqlite`);
    const db = openDatabase(file);
    try {
      const upTo = (version: number) =>
        migrate(db, {
          file,
          backupDir: path.join(dir, 'backups'),
          now: () => new Date('2026-01-05T00:00:00Z'),
          migrations: migrations.slice(0, version),
        });
      await upTo(9);
      if (withSales) {
        db.transaction(() => {
          const at = '2026-01-04T10:00:00.000Z';
          for (const [kind, ref] of [
            ['sale.completed', 's1'],
            ['sale.completed', 's2'],
            ['refund.completed', 'r1'],
            ['cart.abandoned', 'c9'],
          ] as const) {
            appendJournal(db, { at, kind, ref, body: {} });
          }
        })();
      }
      expect(await upTo(10)).toMatchObject({ from: 9, to: 10 });
      const row = db.prepare(`SELECT value, hash FROM counters WHERE name = 'sale.last'`).get();
      expect(row).toEqual(withSales ? { value: 2, hash: 's2' } : undefined);
      const index = db
        .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'print_jobs_errors'`)
        .get() as { sql: string } | undefined;
      expect(index?.sql).toMatch(/WHERE last_error IS NOT NULL/);
    } finally {
      db.close();
    }
  }
});
