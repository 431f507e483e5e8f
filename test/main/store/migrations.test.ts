// One block per shipped migration: an empty database migrates to it, and the constraints it adds hold.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../main/store/db';
import { migrate } from '../../../main/store/migrate';
import { migrations } from '../../../main/store/migrations/index';
import { tempDir } from './fixtures';

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function migratedTo(version: number): Promise<Database> {
  const dir = tempDir();
  const file = path.join(dir, 'pos.sqlite');
  const db = openDatabase(file);
  open.push(db);
  const result = await migrate(db, {
    file,
    backupDir: path.join(dir, 'backups'),
    now: () => new Date('2025-01-02T03:04:05Z'),
    migrations: migrations.slice(0, version),
  });
  expect(result).toEqual({ from: 0, to: version, backupFile: null });
  return db;
}

const AT = '2025-01-02T03:04:05.000Z';

function seedProduct(db: Database): void {
  db.prepare("INSERT INTO tax_categories (id, name, rate_bp) VALUES ('std', 'Standard', 1300)").run();
  db.prepare(
    `INSERT INTO products (id, sku, name, price_minor, unit, tax_category_id, updated_at)
     VALUES ('p1', 'SKU1', 'Cola', 350, 'each', 'std', ?)`,
  ).run(AT);
}

function insertCart(db: Database, id: string, status: string): void {
  db.prepare(
    "INSERT INTO carts (id, status, version, body, opened_at, updated_at) VALUES (?, ?, 1, '{}', ?, ?)",
  ).run(id, status, AT, AT);
}

function insertSale(db: Database, id: string, cartId: string): void {
  db.prepare(
    `INSERT INTO sales (id, receipt_no, cart_id, cart_version, status, training, terminal_id, currency, pricing_mode,
       tax_rounding, gross_minor, line_discount_minor, order_discount_minor, tax_minor, total_minor, completed_at)
     VALUES (?, ?, ?, 1, 'completed', 0, 'T1', 'CNY', 'inclusive', 'line', 350, 0, 0, 40, 350, ?)`,
  ).run(id, `R-${id}`, cartId, AT);
}

it.each(migrations.map((m) => [m.version, m.name] as const))(
  'migrates an empty database to version %i (%s)',
  async (version) => {
    const db = await migratedTo(version);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  },
);

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

describe('002 scale-item-code', () => {
  it('keeps scale item codes unique among products that have one', async () => {
    const db = await migratedTo(2);
    seedProduct(db);
    db.prepare(
      `INSERT INTO products (id, sku, name, price_minor, unit, tax_category_id, updated_at)
       VALUES ('p2', 'SKU2', 'Apples', 1200, 'kg', 'std', ?), ('p3', 'SKU3', 'Pears', 1400, 'kg', 'std', ?)`,
    ).run(AT, AT);
    db.prepare("UPDATE products SET scale_item_code = 12345 WHERE id = 'p2'").run();
    expect(() => db.prepare("UPDATE products SET scale_item_code = 12345 WHERE id = 'p3'").run()).toThrow(
      /UNIQUE/,
    );
    expect(() => db.prepare("UPDATE products SET scale_item_code = -1 WHERE id = 'p3'").run()).toThrow(
      /CHECK/,
    );
    // Products without a scale code (NULL) do not collide with each other.
    expect(db.prepare('SELECT count(*) AS n FROM products WHERE scale_item_code IS NULL').get()).toEqual({
      n: 2,
    });
  });
});

describe('006 refunds', () => {
  it('keeps print jobs across the rebuild and ties a refund slip to its refund', async () => {
    const db = await migratedTo(5);
    insertCart(db, 'c1', 'completed');
    insertSale(db, 's1', 'c1');
    db.prepare(
      `INSERT INTO print_jobs (kind, sale_id, copy, state, attempts, next_attempt_at, created_at, updated_at)
       VALUES ('receipt', 's1', 0, 'printed', 1, ?, ?, ?), ('drawer', NULL, 0, 'queued', 0, ?, ?, ?)`,
    ).run(AT, AT, AT, AT, AT, AT);
    const file = db.name;
    await migrate(db, {
      file,
      backupDir: path.join(path.dirname(file), 'b'),
      now: () => new Date(),
      migrations: migrations.slice(0, 6),
    });
    expect(
      db.prepare('SELECT id, kind, sale_id, refund_id, state FROM print_jobs ORDER BY id').all(),
    ).toEqual([
      { id: 1, kind: 'receipt', sale_id: 's1', refund_id: null, state: 'printed' },
      { id: 2, kind: 'drawer', sale_id: null, refund_id: null, state: 'queued' },
    ]);
    const refund = db.prepare(
      `INSERT INTO refunds (id, refund_no, sale_id, state, tender_kind, attempt_id, amount_minor, tax_minor,
         currency, reason, training, approved_by, idempotency_key, request_body, created_at, updated_at)
       VALUES (?, ?, 's1', 'completed', 'cash', NULL, 100, 0, 'CNY', 'other', 0, '{}', NULL, NULL, ?, ?)`,
    );
    refund.run('r1', 'T1-R000001', AT, AT);
    // A refund slip needs its refund; a cash refund has no payment and no idempotency key.
    const job = db.prepare(
      `INSERT INTO print_jobs (kind, refund_id, state, next_attempt_at, created_at, updated_at)
       VALUES ('refund', ?, 'queued', ?, ?, ?)`,
    );
    job.run('r1', AT, AT, AT);
    expect(() => job.run('r-none', AT, AT, AT)).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO print_jobs (kind, state, next_attempt_at, created_at, updated_at) VALUES ('refund', 'queued', ?, ?, ?)`,
        )
        .run(AT, AT, AT),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO refunds (id, refund_no, sale_id, state, tender_kind, attempt_id, amount_minor, tax_minor,
             currency, reason, training, approved_by, idempotency_key, created_at, updated_at)
           VALUES ('r2', 'T1-R000002', 's1', 'sending', 'cash', NULL, 100, 0, 'CNY', 'other', 0, '{}', 'k', ?, ?)`,
        )
        .run(AT, AT),
    ).toThrow(/CHECK/);
    // Jobs keep their FIFO order past the rebuild: new ids follow the old ones.
    expect(db.prepare(`SELECT max(id) AS id FROM print_jobs`).get()).toEqual({ id: 3 });
  });
});

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
    const file = db.name;
    await migrate(db, {
      file,
      backupDir: path.join(path.dirname(file), 'b'),
      now: () => new Date(),
      migrations: migrations.slice(0, 10), // before 011 moved the open cart's body out (tested below)
    });
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

describe('008 ean8-spelling', () => {
  it('re-spells padded EAN-8 barcodes to 8 digits, and leaves a padded row whose 8-digit spelling exists', async () => {
    const db = await migratedTo(7);
    seedProduct(db);
    db.prepare(
      `INSERT INTO products (id, sku, name, price_minor, unit, tax_category_id, updated_at)
       VALUES ('p2', 'SKU2', 'Water', 200, 'each', 'std', ?)`,
    ).run(AT);
    const add = db.prepare(`INSERT INTO barcodes (code, product_id) VALUES (?, ?)`);
    add.run('0000096385074', 'p1'); // padded EAN-8: re-spelled
    add.run('6901234567892', 'p1'); // a real EAN-13: kept
    add.run('0000196385073', 'p1'); // four zeros is a real EAN-13: kept
    add.run('12345670', 'p2'); // an EAN-8 already stored 8-digit ...
    add.run('0000012345670', 'p1'); // ... so its padded twin stays, rather than losing either barcode
    const file = db.name;
    await migrate(db, {
      file,
      backupDir: path.join(path.dirname(file), 'b'),
      now: () => new Date(),
      migrations,
    });
    expect(db.prepare(`SELECT code, product_id AS p FROM barcodes ORDER BY code`).all()).toEqual([
      { code: '0000012345670', p: 'p1' },
      { code: '0000196385073', p: 'p1' },
      { code: '12345670', p: 'p2' },
      { code: '6901234567892', p: 'p1' },
      { code: '96385074', p: 'p1' },
    ]);
  });
});

describe('011 open-cart-body', () => {
  it("moves the open cart's body and version into cart_open, and leaves closed carts as they were", async () => {
    const db = await migratedTo(10);
    insertCart(db, 'c1', 'completed');
    db.prepare(`UPDATE carts SET body = '', version = 4 WHERE id = 'c1'`).run();
    insertCart(db, 'c2', 'open');
    db.prepare(`UPDATE carts SET body = '{"lines":[]}', version = 3 WHERE id = 'c2'`).run();
    const file = db.name;
    await migrate(db, {
      file,
      backupDir: path.join(path.dirname(file), 'b'),
      now: () => new Date(),
      migrations,
    });
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
