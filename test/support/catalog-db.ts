// A migrated in-memory (or file) database for catalog tests, independent of main/store's open path.
import Database from 'better-sqlite3';
import { migrations } from '../../main/store/migrations';

export function openTestDb(file = ':memory:'): Database.Database {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  for (const m of migrations) db.exec(m.sql);
  return db;
}

export function addTaxCategories(db: Database.Database): void {
  const ins = db.prepare('INSERT INTO tax_categories (id, name, name_en, rate_bp) VALUES (?, ?, ?, ?)');
  ins.run('std', '标准税率', 'Standard', 1300);
  ins.run('food', '食品', 'Food', 900);
}

export const fixedNow = (): Date => new Date('2025-03-01T08:00:00.000Z');
