import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import { openDatabase } from '../../../main/store/db';
import { mapSqliteError, sqliteCodeOf, withStorageErrors } from '../../../main/store/errors';
import { failureOf, tempDir } from './fixtures';

const sqliteError = (code: string): Error => new BetterSqlite3.SqliteError(`boom (${code})`, code);

describe('mapSqliteError', () => {
  it.each([
    ['SQLITE_FULL', 'STORAGE_FULL'],
    ['SQLITE_BUSY', 'STORAGE_BUSY'],
    ['SQLITE_BUSY_SNAPSHOT', 'STORAGE_BUSY'],
    ['SQLITE_LOCKED', 'STORAGE_BUSY'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'STORAGE_BUSY'],
    ['SQLITE_CORRUPT', 'STORAGE_CORRUPT'],
    ['SQLITE_CORRUPT_INDEX', 'STORAGE_CORRUPT'],
    ['SQLITE_NOTADB', 'STORAGE_CORRUPT'],
    ['SQLITE_IOERR_CORRUPTFS', 'STORAGE_CORRUPT'],
    ['SQLITE_IOERR', 'INTERNAL'],
    ['SQLITE_IOERR_WRITE', 'INTERNAL'],
    ['SQLITE_IOERR_FSYNC', 'INTERNAL'],
    ['SQLITE_READONLY', 'INTERNAL'],
    ['SQLITE_CANTOPEN', 'INTERNAL'],
  ])('%s -> %s', (sqliteCode, code) => {
    const failure = mapSqliteError(sqliteError(sqliteCode), { file: 'x.sqlite' });
    expect(failure).toBeInstanceOf(PosFailure);
    expect(failure?.code).toBe(code);
    expect(failure?.detail).toMatchObject({ file: 'x.sqlite', sqliteCode });
    if (sqliteCode.startsWith('SQLITE_IOERR_') && code === 'INTERNAL')
      expect(failure?.message).toContain(sqliteCode);
  });

  it('says plainly that nothing was saved when the disk is full', () => {
    expect(mapSqliteError(sqliteError('SQLITE_FULL'))?.message).toBe('the disk is full; nothing was saved');
  });

  it('leaves constraint and SQL errors, and non-SQLite errors, to the caller', () => {
    expect(mapSqliteError(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(mapSqliteError(sqliteError('SQLITE_ERROR'))).toBeNull();
    expect(mapSqliteError(new Error('SQLITE_FULL'))).toBeNull();
    expect(mapSqliteError(new PosFailure('CART_EMPTY', 'empty'))).toBeNull();
    expect(mapSqliteError('SQLITE_FULL')).toBeNull();
    expect(sqliteCodeOf(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBeNull();
  });

  it('maps a real error from a real connection', () => {
    const db = new BetterSqlite3(':memory:');
    try {
      db.exec('CREATE TABLE t (x UNIQUE); INSERT INTO t VALUES (1)');
      let caught: unknown;
      try {
        db.exec('INSERT INTO t VALUES (1)');
      } catch (e) {
        caught = e;
      }
      expect(sqliteCodeOf(caught)).toBe('SQLITE_CONSTRAINT_UNIQUE');
      expect(mapSqliteError(caught)).toBeNull();
    } finally {
      db.close();
    }
  });
});

describe('withStorageErrors', () => {
  it('returns the value and passes other errors through unchanged', () => {
    expect(withStorageErrors(() => 42)).toBe(42);
    const own = new PosFailure('CART_STALE', 'stale');
    expect(() =>
      withStorageErrors(() => {
        throw own;
      }),
    ).toThrow(own);
  });

  it('disk full (max_page_count): STORAGE_FULL, and the transaction left nothing behind', async () => {
    const db = openDatabase(path.join(tempDir(), 'pos.sqlite'));
    try {
      db.exec('CREATE TABLE t (x BLOB NOT NULL)');
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages + 3}`);
      const insert = db.prepare('INSERT INTO t VALUES (randomblob(4000))');
      const fill = db.transaction(() => {
        for (let i = 0; i < 50; i++) insert.run();
      });

      const failure = await failureOf(() => withStorageErrors(() => fill()));
      expect(failure.code).toBe('STORAGE_FULL');
      expect(failure.message).toBe('the disk is full; nothing was saved');
      expect(failure.detail?.sqliteCode).toBe('SQLITE_FULL');
      expect(db.inTransaction).toBe(false);
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });

      // The connection is still usable once there is room again.
      db.pragma('max_page_count = 1000000');
      fill();
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 50 });
    } finally {
      db.close();
    }
  });
});
