// Migration 011 (open-cart-body): the open cart's body in cart_open; closed carts left as they were.
import { describe, expect, it } from 'vitest';
import { AT, insertCart, migratedTo, migrateOn, migrationSuite } from '../../../support/migrations';

migrationSuite(11);

describe('011 open-cart-body', () => {
  it("moves the open cart's body and version into cart_open, and leaves closed carts as they were", async () => {
    const db = await migratedTo(10);
    insertCart(db, 'c1', 'completed');
    db.prepare(`UPDATE carts SET body = '', version = 4 WHERE id = 'c1'`).run();
    insertCart(db, 'c2', 'open');
    db.prepare(`UPDATE carts SET body = '{"lines":[]}', version = 3 WHERE id = 'c2'`).run();
    await migrateOn(db);
    expect(db.prepare(`SELECT id, version, body FROM carts ORDER BY id`).all()).toEqual([
      { id: 'c1', version: 4, body: '' },
      { id: 'c2', version: 3, body: '' },
    ]);
    expect(db.prepare(`SELECT slot, cart_id, version, body FROM cart_open`).all()).toEqual([
      { slot: 1, cart_id: 'c2', version: 3, body: '{"lines":[]}' },
    ]);
    // One open cart at most, and only a cart that exists.
    insertCart(db, 'c3', 'abandoned');
    expect(() =>
      db
        .prepare(
          `INSERT INTO cart_open (slot, cart_id, version, body, updated_at) VALUES (2, 'c3', 0, '', ?)`,
        )
        .run(AT),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO cart_open (slot, cart_id, version, body, updated_at) VALUES (1, 'nope', 0, '', ?)`,
        )
        .run(AT),
    ).toThrow(/UNIQUE|FOREIGN KEY/);
  });
});
