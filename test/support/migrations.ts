// The one helper of the per-migration suites (test/main/store/migrations/NNN-name.test.ts): a store file in a
// temp folder migrated from empty to a given version, closed and removed after each test, and the few rows
// those suites insert by hand (as the schema of that version has them).
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../main/store/db';
import { migrate } from '../../main/store/migrate';
import { migrations } from '../../main/store/migrations/index';
import { cleanup, tempDir } from './temp-host';

export const AT = '2025-01-02T03:04:05.000Z';
const open: Database[] = [];

/** Registers the suite's clean-up and the check every migration gets: an empty store migrates to it. */
export function migrationSuite(version: number): void {
  afterEach(async () => {
    for (const db of open.splice(0)) if (db.open) db.close();
    await cleanup();
  });
  const m = migrations[version - 1];
  it(`migrates an empty database to version ${version} (${m?.name ?? '?'})`, async () => {
    expect(m?.version).toBe(version);
    const db = await migratedTo(version);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
}

/** A new store, migrated from empty to `version` (the migrations after it not run). */
export async function migratedTo(version: number): Promise<Database> {
  const dir = tempDir('pos-migration-');
  const file = path.join(dir, 'pos.sqlite');
  const db = openDatabase(file);
  open.push(db);
  const result = await migrate(db, {
    file,
    backupDir: path.join(dir, 'backups'),
    now: () => new Date(AT),
    migrations: migrations.slice(0, version),
  });
  expect(result).toEqual({ from: 0, to: version, backupFile: null });
  return db;
}

export function seedProduct(db: Database): void {
  db.prepare("INSERT INTO tax_categories (id, name, rate_bp) VALUES ('std', 'Standard', 1300)").run();
  db.prepare(
    `INSERT INTO products (id, sku, name, price_minor, unit, tax_category_id, updated_at)
     VALUES ('p1', 'SKU1', 'Cola', 350, 'each', 'std', ?)`,
  ).run(AT);
}

export function insertCart(db: Database, id: string, status: string): void {
  db.prepare(
    "INSERT INTO carts (id, status, version, body, opened_at, updated_at) VALUES (?, ?, 1, '{}', ?, ?)",
  ).run(id, status, AT, AT);
}

export function insertSale(db: Database, id: string, cartId: string): void {
  db.prepare(
    `INSERT INTO sales (id, receipt_no, cart_id, cart_version, status, training, terminal_id, currency, pricing_mode,
       tax_rounding, gross_minor, line_discount_minor, order_discount_minor, tax_minor, total_minor, completed_at)
     VALUES (?, ?, ?, 1, 'completed', 0, 'T1', 'CNY', 'inclusive', 'line', 350, 0, 0, 40, 350, ?)`,
  ).run(id, `R-${id}`, cartId, AT);
}

/** Runs the migrations after the store's version, up to `version` (all of them when absent), on `db`. */
export async function migrateOn(db: Database, version = migrations.length): Promise<void> {
  const file = db.name;
  await migrate(db, {
    file,
    backupDir: path.join(path.dirname(file), 'b'),
    now: () => new Date(),
    migrations: migrations.slice(0, version),
  });
}
