// Migration 001 (init): the first data model: its tables, one open cart, one sale per cart, foreign keys, an append-only journal.
import { describe, expect, it } from 'vitest';
import { AT, insertCart, insertSale, migratedTo, migrationSuite } from '../../../support/migrations';

migrationSuite(1);

describe('001 init', () => {
  it('creates every table of the first data model', async () => {
    const db = await migratedTo(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual([
      'barcodes',
      'carts',
      'counters',
      'journal',
      'outbox',
      'products',
      'sale_lines',
      'sales',
      'settings',
      'tax_categories',
      'tenders',
    ]);
  });

  it('allows only one open cart at a time', async () => {
    const db = await migratedTo(1);
    insertCart(db, 'c1', 'open');
    insertCart(db, 'c0', 'completed');
    insertCart(db, 'c00', 'completed');
    expect(() => insertCart(db, 'c2', 'open')).toThrow(/UNIQUE constraint failed: carts.status/);
  });

  it('allows only one sale per cart (exactly-once commit)', async () => {
    const db = await migratedTo(1);
    insertCart(db, 'c1', 'completed');
    insertSale(db, 's1', 'c1');
    expect(() => insertSale(db, 's2', 'c1')).toThrow(/UNIQUE constraint failed: sales.cart_id/);
  });

  it('rejects a sale for a cart that does not exist (foreign keys are on)', async () => {
    const db = await migratedTo(1);
    expect(() => insertSale(db, 's1', 'nope')).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('rejects a barcode for an unknown product and a tax rate above 100 %', async () => {
    const db = await migratedTo(1);
    expect(() =>
      db.prepare("INSERT INTO barcodes (code, product_id) VALUES ('4006381333931', 'p9')").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO tax_categories (id, name, rate_bp) VALUES ('x', 'X', 10001)").run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it('makes the journal append-only: UPDATE and DELETE abort', async () => {
    const db = await migratedTo(1);
    db.prepare(
      "INSERT INTO journal (seq, at, kind, ref, body, prev_hash, hash) VALUES (1, ?, 'k', NULL, '{}', 'p', 'h')",
    ).run(AT);
    expect(() => db.prepare('UPDATE journal SET body = \'{"x":1}\' WHERE seq = 1').run()).toThrow(
      /journal is append-only/,
    );
    expect(() => db.prepare('DELETE FROM journal WHERE seq = 1').run()).toThrow(/journal is append-only/);
    expect(db.prepare('SELECT body FROM journal').get()).toEqual({ body: '{}' });
  });
});
