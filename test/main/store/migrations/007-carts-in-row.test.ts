// Migration 007 (carts-in-row): carts in their own rows, rebuilt under the sales that reference them; the journal head beside the counters.
import { describe, expect, it } from 'vitest';
import { insertCart, insertSale, migratedTo, migrateOn, migrationSuite } from '../../../support/migrations';

migrationSuite(7);

describe('007 carts-in-row', () => {
  it('rebuilds carts under the sales that reference them and moves the journal head beside the counters', async () => {
    const db = await migratedTo(6);
    const body = JSON.stringify({
      lines: Array.from({ length: 5 }, (_, i) => ({ n: i, pad: 'x'.repeat(280) })),
    });
    insertCart(db, 'c1', 'completed');
    db.prepare(`UPDATE carts SET body = ? WHERE id = 'c1'`).run(body);
    insertCart(db, 'c2', 'open');
    insertSale(db, 's1', 'c1');
    db.prepare(`INSERT INTO settings (key, value) VALUES ('journal.head', ?)`).run(
      JSON.stringify({ hash: 'a'.repeat(64), seq: 42 }),
    );
    db.prepare(`INSERT INTO counters (name, value) VALUES ('receipt', 7)`).run();
    await migrateOn(db, 10); // before 011 moved the open cart's body out (011-open-cart-body.test.ts)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1); // switched back on
    expect(db.prepare(`SELECT id, status, body FROM carts ORDER BY id`).all()).toEqual([
      { id: 'c1', status: 'completed', body },
      { id: 'c2', status: 'open', body: '{}' },
    ]);
    // The references still hold, and still bite.
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => insertSale(db, 's2', 'nope')).toThrow(/FOREIGN KEY/);
    expect(() => insertCart(db, 'c3', 'open')).toThrow(/UNIQUE constraint failed: carts.status/);
    // A 1.5 kB cart now lives in its leaf: no overflow page to rewrite at every scan and at the sale.
    expect(
      db.prepare(`SELECT count(*) AS n FROM dbstat WHERE name = 'carts' AND pagetype = 'overflow'`).get(),
    ).toEqual({ n: 0 });
    expect(db.prepare(`SELECT name, value, hash FROM counters ORDER BY name`).all()).toEqual([
      { name: 'journal.head', value: 42, hash: 'a'.repeat(64) },
      { name: 'receipt', value: 7, hash: null },
    ]);
    expect(db.prepare(`SELECT count(*) AS n FROM settings WHERE key = 'journal.head'`).get()).toEqual({
      n: 0,
    });
  });
});
