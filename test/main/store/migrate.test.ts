import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupPath } from '../../../main/store/backup';
import { openDatabase, type Database } from '../../../main/store/db';
import { latestVersion, migrate, validateMigrations } from '../../../main/store/migrate';
import { migrations } from '../../../main/store/migrations/index';
import type { Migration } from '../../../main/store/migrations/types';
import { failureOf, tempDir } from './fixtures';

const NOW = new Date('2025-01-02T03:04:05.678Z');
const now = (): Date => NOW;

const m1: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER NOT NULL);' };
const m2: Migration = {
  version: 2,
  name: 'two',
  sql: "CREATE TABLE b (y TEXT); INSERT INTO b VALUES ('seed');",
};
const broken3: Migration = {
  version: 3,
  name: 'broken',
  // The first statements succeed; the last fails, so everything before it must roll back too.
  sql: "CREATE TABLE c (z); INSERT INTO a VALUES (99); UPDATE b SET y = 'changed'; SELECT * FROM no_such_table;",
};

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function setup(): { file: string; backupDir: string; db: Database } {
  const dir = tempDir();
  const file = path.join(dir, 'pos.sqlite');
  const db = openDatabase(file);
  open.push(db);
  return { file, backupDir: path.join(dir, 'backups'), db };
}

const tables = (db: Database): string[] =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => (r as { name: string }).name);

const backupsIn = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

describe('validateMigrations', () => {
  it('accepts the shipped list', () => {
    expect(() => validateMigrations(migrations)).not.toThrow();
    expect(latestVersion()).toBe(migrations.length);
  });

  it.each([
    ['empty', []],
    ['not starting at 1', [{ ...m2 }]],
    ['a gap', [m1, { ...broken3 }]],
    ['a duplicate', [m1, { ...m2, version: 1 }]],
    ['out of order', [m2, m1]],
    ['a blank name', [{ ...m1, name: ' ' }]],
    ['no SQL', [{ ...m1, sql: '' }]],
  ] as const)('rejects %s', async (_label, list) => {
    const failure = await failureOf(() => validateMigrations(list));
    expect(failure.code).toBe('INTERNAL');
  });

  it('refuses to run an invalid list against a database', async () => {
    const { db, file, backupDir } = setup();
    const failure = await failureOf(() => migrate(db, { file, backupDir, now, migrations: [m1, broken3] }));
    expect(failure.code).toBe('INTERNAL');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).toEqual([]);
  });
});

describe('migrate', () => {
  it('brings a new database to the latest version, without a backup', async () => {
    const { db, file, backupDir } = setup();
    const result = await migrate(db, { file, backupDir, now, migrations: [m1, m2] });
    expect(result).toEqual({ from: 0, to: 2, backupFile: null });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(db)).toEqual(['a', 'b']);
    expect(backupsIn(backupDir)).toEqual([]);
  });

  it('does nothing, and takes no backup, when already current', async () => {
    const { db, file, backupDir } = setup();
    await migrate(db, { file, backupDir, now, migrations: [m1, m2] });
    const again = await migrate(db, { file, backupDir, now, migrations: [m1, m2] });
    expect(again).toEqual({ from: 2, to: 2, backupFile: null });
    expect(backupsIn(backupDir)).toEqual([]);
  });

  it('backs up an existing database before migrating it, and the backup is a valid database at the old version', async () => {
    const { db, file, backupDir } = setup();
    await migrate(db, { file, backupDir, now, migrations: [m1] });
    db.prepare('INSERT INTO a VALUES (7)').run();

    const result = await migrate(db, { file, backupDir, now, migrations: [m1, m2] });
    expect(result.from).toBe(1);
    expect(result.to).toBe(2);
    expect(result.backupFile).toBe(path.join(backupDir, 'pos-v1-20250102T030405678Z.sqlite'));
    expect(backupsIn(backupDir)).toEqual(['pos-v1-20250102T030405678Z.sqlite']); // one self-contained file

    const copy = new BetterSqlite3(result.backupFile as string, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(tables(copy)).toEqual(['a']);
      expect(copy.prepare('SELECT x FROM a').all()).toEqual([{ x: 7 }]);
    } finally {
      copy.close();
    }
    expect(tables(db)).toEqual(['a', 'b']);
  });

  it('never overwrites an earlier backup with the same timestamp', () => {
    const dir = tempDir();
    const first = backupPath(dir, 4, NOW);
    fs.writeFileSync(first, 'earlier backup');
    const second = backupPath(dir, 4, NOW);
    expect(path.basename(first)).toBe('pos-v4-20250102T030405678Z.sqlite');
    expect(path.basename(second)).toBe('pos-v4-20250102T030405678Z-2.sqlite');
  });

  it('a failing migration rolls back completely, names itself, and leaves version and data unchanged', async () => {
    const { db, file, backupDir } = setup();
    await migrate(db, { file, backupDir, now, migrations: [m1, m2] });
    db.prepare('INSERT INTO a VALUES (1)').run();
    const before = { a: db.prepare('SELECT * FROM a').all(), b: db.prepare('SELECT * FROM b').all() };

    const failure = await failureOf(() =>
      migrate(db, { file, backupDir, now, migrations: [m1, m2, broken3] }),
    );
    expect(failure.code).toBe('INTERNAL');
    expect(failure.message).toMatch(/^migration 3 \(broken\) failed: no such table: no_such_table/);
    expect(failure.detail).toMatchObject({ file, migration: 3, migrationName: 'broken' });

    expect(db.inTransaction).toBe(false);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(db)).toEqual(['a', 'b']);
    expect({ a: db.prepare('SELECT * FROM a').all(), b: db.prepare('SELECT * FROM b').all() }).toEqual(
      before,
    );
    expect(backupsIn(backupDir)).toHaveLength(1); // taken before the attempt, kept
  });

  it('commits each migration on its own: a later failure keeps the earlier ones', async () => {
    const { db, file, backupDir } = setup();
    const failure = await failureOf(() =>
      migrate(db, { file, backupDir, now, migrations: [m1, m2, broken3] }),
    );
    expect(failure.message).toMatch(/migration 3 \(broken\)/);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(db)).toEqual(['a', 'b']);
  });

  it('refuses a database newer than the app knows, touching nothing', async () => {
    const { db, file, backupDir } = setup();
    await migrate(db, { file, backupDir, now, migrations: [m1, m2] });
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();

    const failure = await failureOf(() => migrate(db, { file, backupDir, now, migrations: [m1] }));
    expect(failure.code).toBe('STORAGE_TOO_NEW');
    expect(failure.detail).toMatchObject({ file, found: 2, known: 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
    expect(backupsIn(backupDir)).toEqual([]);
  });

  it('refuses to run inside a caller transaction', async () => {
    const { db, file, backupDir } = setup();
    db.exec('BEGIN');
    const failure = await failureOf(() => migrate(db, { file, backupDir, now, migrations: [m1] }));
    db.exec('ROLLBACK');
    expect(failure.code).toBe('INTERNAL');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });
});
