// Migration 015 (day totals): day 1 open with its counter, one totals row per day/metric/shift/cashier, Z
// reports that can be neither changed nor deleted, and the shift columns on sales and refunds.
import { describe, expect, it } from 'vitest';
import { AT, migratedTo, migrationSuite } from '../../../support/migrations';

migrationSuite(15);

const Z = `INSERT INTO z_reports (z_no, day_no, terminal_id, opened_at, closed_at, training, body, body_sha256,
  prev_sha256, chain_sha256, journal_seq) VALUES (1, 1, 'T01', '${AT}', '${AT}', 0, '{}', 'a', 'b', 'c', 1)`;

describe('015 day totals', () => {
  it('opens business day 1', async () => {
    const db = await migratedTo(15);
    expect(db.prepare(`SELECT value FROM counters WHERE name = 'business-day'`).get()).toEqual({ value: 1 });
    expect(db.prepare('SELECT day_no FROM business_days').all()).toEqual([{ day_no: 1 }]);
  });

  it('keeps one totals row per day, metric, shift and cashier', async () => {
    const db = await migratedTo(15);
    const ins = db.prepare(
      `INSERT INTO day_totals VALUES (1, 'sales', 's1', 'o1', 1, 100, 100, 0, 13, 1000, 0)`,
    );
    ins.run();
    expect(() => ins.run()).toThrow(/UNIQUE|PRIMARY/);
    db.prepare(`INSERT INTO day_totals VALUES (1, 'sales', 's1', 'o2', 1, 100, 100, 0, 13, 1000, 0)`).run();
  });

  it('refuses to change or delete a Z report', async () => {
    const db = await migratedTo(15);
    db.prepare(Z).run();
    expect(() => db.prepare(`UPDATE z_reports SET body = '{"x":1}'`).run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM z_reports').run()).toThrow(/immutable/);
    expect(() => db.prepare(Z.replace('(1, 1,', '(2, 1,')).run()).toThrow(/UNIQUE/);
  });

  it('gives sales, refunds and shifts their day and shift columns', async () => {
    const db = await migratedTo(15);
    const cols = (t: string) => (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name);
    expect(cols('sales')).toContain('shift_id');
    expect(cols('refunds')).toContain('shift_id');
    expect(cols('shifts')).toEqual(expect.arrayContaining(['day_no', 'opened_by_operator']));
  });
});
