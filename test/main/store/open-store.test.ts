import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import { migrations } from '../../../main/store/migrations/index';
import { asStoreFailure, openStore, type StoreLog } from '../../../main/store/open-store';
import { failureOf, holdExclusiveLock, sha256File, tempDir } from './fixtures';

const now = (): Date => new Date('2025-01-02T03:04:05.678Z');

function recorder(): {
  log: StoreLog;
  lines: { level: string; message: string; fields?: Record<string, unknown> }[];
} {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  return {
    lines,
    log: (level, message, fields) => lines.push(fields ? { level, message, fields } : { level, message }),
  };
}

describe('openStore', () => {
  it('creates the data folder and backups/, then opens and migrates pos.sqlite', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const { log } = recorder();
    const store = await openStore({ dataDir, now, log });
    try {
      expect(store.file).toBe(path.join(dataDir, 'pos.sqlite'));
      expect(fs.statSync(path.join(dataDir, 'backups')).isDirectory()).toBe(true);
      expect(store.migration).toEqual({ from: 0, to: migrations.length, backupFile: null });
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      store.db.close();
    }
  });

  it('reopens a current store without migrating or backing up', async () => {
    const dataDir = tempDir();
    const { log } = recorder();
    (await openStore({ dataDir, now, log })).db.close();
    const again = await openStore({ dataDir, now, log });
    again.db.close();
    expect(again.migration).toEqual({ from: migrations.length, to: migrations.length, backupFile: null });
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
  });

  it('backs up and migrates a store from an older version, and logs it', async () => {
    const dataDir = tempDir();
    const { log, lines } = recorder();
    const v1 = { version: 1, name: 'one', sql: 'CREATE TABLE a (x);' };
    const v2 = { version: 2, name: 'two', sql: 'CREATE TABLE b (y);' };
    (await openStore({ dataDir, now, log, migrations: [v1] })).db.close();
    const store = await openStore({ dataDir, now, log, migrations: [v1, v2] });
    store.db.close();
    expect(store.migration).toEqual({
      from: 1,
      to: 2,
      backupFile: path.join(dataDir, 'backups', 'pos-v1-20250102T030405678Z.sqlite'),
    });
    const migrated = lines.filter((l) => l.message === 'database migrated');
    expect(migrated.map((l) => [l.fields?.from, l.fields?.to])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('a corrupt pos.sqlite: STORAGE_CORRUPT with the file named, the file kept byte for byte', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'pos.sqlite');
    fs.writeFileSync(file, randomBytes(16384));
    const before = sha256File(file);
    const { log, lines } = recorder();
    const failure = await failureOf(() => openStore({ dataDir, now, log }));
    expect(failure.code).toBe('STORAGE_CORRUPT');
    expect(failure.detail?.file).toBe(file);
    expect(sha256File(file)).toBe(before);
    expect(lines.map((l) => l.level)).toEqual(['error']);
  });

  it('a store from a newer app version: STORAGE_TOO_NEW and the file is byte-identical', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'pos.sqlite');
    const raw = new BetterSqlite3(file); // rollback journal, as an unknown future version might leave it
    raw.exec(`CREATE TABLE future (x); PRAGMA user_version = ${migrations.length + 1}`);
    raw.close();
    const before = sha256File(file);
    const failure = await failureOf(() => openStore({ dataDir, now, log: recorder().log }));
    expect(failure.code).toBe('STORAGE_TOO_NEW');
    expect(failure.detail?.file).toBe(file);
    expect(sha256File(file)).toBe(before);
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
  });

  it('a store locked by another process: STORAGE_BUSY, file intact', async () => {
    const dataDir = tempDir();
    (await openStore({ dataDir, now, log: recorder().log })).db.close();
    const file = path.join(dataDir, 'pos.sqlite');
    const before = sha256File(file);
    await holdExclusiveLock(file);
    const failure = await failureOf(() =>
      openStore({ dataDir, now, log: recorder().log, busyTimeoutMs: 100 }),
    );
    expect(failure.code).toBe('STORAGE_BUSY');
    expect(failure.detail?.file).toBe(file);
    expect(sha256File(file)).toBe(before);
  });
});

describe('asStoreFailure', () => {
  it('keeps startup codes, turns everything else into INTERNAL, and always names the file', () => {
    const busy = asStoreFailure(new PosFailure('STORAGE_BUSY', 'locked'), 'f');
    expect([busy.code, busy.detail?.file]).toEqual(['STORAGE_BUSY', 'f']);
    const other = asStoreFailure(new PosFailure('NOT_FOUND', 'gone'), 'f');
    expect([other.code, other.message, other.detail?.file]).toEqual(['INTERNAL', 'gone', 'f']);
    const full = asStoreFailure(Object.assign(new Error('no space'), { code: 'ENOSPC' }), 'f');
    expect(full.code).toBe('STORAGE_FULL');
    const plain = asStoreFailure(new Error('weird'), 'f');
    expect([plain.code, plain.detail?.file]).toEqual(['INTERNAL', 'f']);
  });
});
