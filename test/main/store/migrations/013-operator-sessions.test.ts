// Migration 013 (operator-sessions): one open session per till, ended ones kept; sales and refunds keep their
// rows and gain a NULL operator_id.
import { describe, expect, it } from 'vitest';
import {
  AT,
  insertCart,
  insertSale,
  migratedTo,
  migrateOn,
  migrationSuite,
} from '../../../support/migrations';

migrationSuite(13);

const session = (id: string, terminal: string, ended: string | null) =>
  `INSERT INTO operator_sessions (id, terminal_id, operator_id, method, signed_in_at, ended_at, ended_by)
   VALUES ('${id}', '${terminal}', 'o1', 'pin', '${AT}', ${ended ? `'${AT}', '${ended}'` : 'NULL, NULL'})`;

describe('013 operator-sessions', () => {
  it('keeps old sales with operator_id NULL and takes an operator on new ones', async () => {
    const db = await migratedTo(12);
    insertCart(db, 'c1', 'completed');
    insertSale(db, 's1', 'c1');
    await migrateOn(db);
    expect(db.prepare('SELECT id, operator_id FROM sales').all()).toEqual([{ id: 's1', operator_id: null }]);
    db.prepare("UPDATE sales SET operator_id = 'o1' WHERE id = 's1'").run();
    expect(db.prepare("SELECT operator_id FROM sales WHERE id = 's1'").get()).toEqual({ operator_id: 'o1' });
    const refundCols = db.prepare<[], { name: string }>('PRAGMA table_info(refunds)').all();
    expect(refundCols.map((c) => c.name)).toContain('operator_id');
  });

  it('allows one open session per till, any number ended', async () => {
    const db = await migratedTo(13);
    db.prepare(session('a', 'T1', 'sign-out')).run();
    db.prepare(session('b', 'T1', 'replaced')).run();
    db.prepare(session('c', 'T1', null)).run();
    db.prepare(session('d', 'T2', null)).run();
    expect(() => db.prepare(session('e', 'T1', null)).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(session('f', 'T1', 'walked-off')).run()).toThrow(/CHECK/);
  });

  it('adds no index on sales (the sale commit writes as many B-trees as before)', async () => {
    const before = await migratedTo(12);
    const indexes = (db: typeof before) =>
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sales'").all();
    const was = indexes(before);
    await migrateOn(before);
    expect(indexes(before)).toEqual(was);
  });
});
