// Migration 017 (parked-carts): carts keep their rows and rowids and may be parked for an owner (one parked
// cart per owner, never one without); the sale path's B-trees are as before; sessions gain a lock time.
import { describe, expect, it } from 'vitest';
import {
  AT,
  insertCart,
  insertSale,
  migratedTo,
  migrateOn,
  migrationSuite,
} from '../../../support/migrations';

migrationSuite(17);

const park = (id: string, owner: string | null) =>
  `INSERT INTO carts (id, status, version, body, opened_at, updated_at, owner_operator_id)
   VALUES ('${id}', 'parked', 1, '{}', '${AT}', '${AT}', ${owner === null ? 'NULL' : `'${owner}'`})`;

describe('017 parked-carts', () => {
  it('keeps every cart, its rowid and its references; a parked cart needs an owner, one per owner', async () => {
    const db = await migratedTo(16);
    insertCart(db, 'c1', 'completed');
    insertSale(db, 's1', 'c1');
    insertCart(db, 'c2', 'abandoned');
    insertCart(db, 'c3', 'open');
    const before = db.prepare('SELECT rowid, id, status, version, body FROM carts ORDER BY id').all();
    await migrateOn(db, 17);
    expect(db.prepare('SELECT rowid, id, status, version, body FROM carts ORDER BY id').all()).toEqual(
      before,
    );
    expect(db.prepare('SELECT DISTINCT owner_operator_id AS o FROM carts').all()).toEqual([{ o: null }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.prepare(park('p1', 'o1')).run();
    db.prepare(park('p2', 'o2')).run();
    expect(() => db.prepare(park('p3', 'o1')).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(park('p4', null)).run()).toThrow(/CHECK/);
    expect(() => insertCart(db, 'c4', 'open')).toThrow(/UNIQUE/); // still one open cart
    expect(() => insertCart(db, 'c5', 'held')).toThrow(/CHECK/);
  });

  it('indexes only parked carts: an open or completed cart touches no new B-tree', async () => {
    const db = await migratedTo(17);
    const idx = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'carts' AND sql IS NOT NULL",
      )
      .all();
    expect(idx.map((i) => i.name).sort()).toEqual(['carts_one_open', 'carts_parked_owner']);
    expect(idx.find((i) => i.name === 'carts_parked_owner')?.sql).toMatch(/WHERE status = 'parked'$/);
  });

  it('gives sessions a lock time, NULL for sessions before it', async () => {
    const db = await migratedTo(16);
    db.prepare(
      `INSERT INTO operator_sessions (id, terminal_id, operator_id, method, signed_in_at)
       VALUES ('a', 'T1', 'o1', 'pin', ?)`,
    ).run(AT);
    await migrateOn(db, 17);
    expect(db.prepare('SELECT id, locked_at FROM operator_sessions').all()).toEqual([
      { id: 'a', locked_at: null },
    ]);
  });
});
