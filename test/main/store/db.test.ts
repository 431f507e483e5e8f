import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NEW_DATABASE_PAGE_SIZE, openDatabase } from '../../../main/store/db';
import { withStorageErrors } from '../../../main/store/errors';
import { failureOf, holdExclusiveLock, repoRoot, sha256File, tempDir } from './fixtures';

const PAGE = NEW_DATABASE_PAGE_SIZE;

/** A closed, checkpointed WAL database with a table spanning many pages. */
function makeDatabase(dir: string): string {
  const file = path.join(dir, 'pos.sqlite');
  const db = openDatabase(file);
  db.exec('CREATE TABLE t (x BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO t VALUES (randomblob(600))');
  db.transaction(() => {
    for (let i = 0; i < 200; i++) insert.run();
  })();
  db.close();
  return file;
}

function expectDurable(db: BetterSqlite3.Database): void {
  expect(db.pragma('synchronous', { simple: true })).toBe(2);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
}

describe('openDatabase: durability pragmas', () => {
  it('sets WAL, synchronous=FULL, foreign keys and the busy timeout on a first open', () => {
    const file = path.join(tempDir(), 'pos.sqlite');
    const db = openDatabase(file, { busyTimeoutMs: 1234 });
    expectDurable(db);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    db.close();
  });

  it('keeps synchronous=FULL after closing and reopening a WAL database', () => {
    const file = makeDatabase(tempDir());
    const db = openDatabase(file);
    // SQLite lowers synchronous when it first reads the WAL, so read before asserting.
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 200 });
    expectDurable(db);
    db.close();
  });

  it('(control) a plain reopen of the same WAL database silently drops to synchronous=NORMAL', () => {
    const file = makeDatabase(tempDir());
    const raw = new BetterSqlite3(file);
    raw.prepare('SELECT count(*) FROM t').get();
    expect(raw.pragma('synchronous', { simple: true })).toBe(1);
    raw.close();
  });

  it('opens read-only without writing the file', () => {
    const file = makeDatabase(tempDir());
    const before = sha256File(file);
    const db = openDatabase(file, { readonly: true });
    expect(db.readonly).toBe(true);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 200 });
    db.close();
    expect(sha256File(file)).toBe(before);
  });

  it('creates new databases with 2 KiB pages, and the header says so', () => {
    const file = path.join(tempDir(), 'pos.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x)');
    expect(db.pragma('page_size', { simple: true })).toBe(2048);
    db.close();
    const header = fs.readFileSync(file).subarray(16, 18);
    expect(header.readUInt16BE(0)).toBe(2048);
  });

  it('a database made with 4 KiB pages keeps them, and opens durable', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const old = new BetterSqlite3(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    db.exec('INSERT INTO t VALUES (2)');
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
    expectDurable(db);
    db.close();
  });

  it('refuses to create a database when opening read-only', async () => {
    const file = path.join(tempDir(), 'absent.sqlite');
    const failure = await failureOf(() => openDatabase(file, { readonly: true }));
    expect(failure.code).toBe('NOT_FOUND');
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('openDatabase: bad files are refused and left exactly as they were', () => {
  it('a file of random bytes is STORAGE_CORRUPT, unopened', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'pos.sqlite');
    fs.writeFileSync(file, randomBytes(8 * PAGE));
    const before = sha256File(file);
    const failure = await failureOf(() => openDatabase(file));
    expect(failure.code).toBe('STORAGE_CORRUPT');
    expect(failure.detail?.file).toBe(file);
    expect(sha256File(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['pos.sqlite']); // no -wal/-shm created next to it either
  });

  it("a clobbered page on the path SQLite reads at open (page 3: the table root's first leaf): STORAGE_CORRUPT, file intact", async () => {
    const file = makeDatabase(tempDir());
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(PAGE, 0xa5), 0, PAGE, 2 * PAGE); // page 3: inside table t
    fs.closeSync(fd);
    const before = sha256File(file);
    const failure = await failureOf(() => openDatabase(file));
    expect(failure.code).toBe('STORAGE_CORRUPT');
    expect(failure.detail?.file).toBe(file);
    expect(sha256File(file)).toBe(before);
  });

  it('a damaged schema page (page 1 below its header) is STORAGE_CORRUPT, file intact', async () => {
    const file = makeDatabase(tempDir());
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(PAGE - 100, 0xa5), 0, PAGE - 100, 100);
    fs.closeSync(fd);
    const before = sha256File(file);
    const failure = await failureOf(() => openDatabase(file));
    expect(failure.code).toBe('STORAGE_CORRUPT');
    expect(sha256File(file)).toBe(before);
  });

  it('a clobbered page deep inside a table is NOT read at open (no whole-file check): it opens, and reading that page is STORAGE_CORRUPT', async () => {
    // The background quick_check finds it (test/main/store/db-check.test.ts).
    const file = makeDatabase(tempDir());
    const pages = fs.statSync(file).size / PAGE;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(PAGE, 0xa5), 0, PAGE, (pages - 1) * PAGE); // the last leaf of t
    fs.closeSync(fd);
    const db = openDatabase(file);
    try {
      const failure = await failureOf(() =>
        withStorageErrors(() => db.prepare('SELECT count(*) FROM t').get(), { file }),
      );
      expect(failure.code).toBe('STORAGE_CORRUPT');
    } finally {
      db.close();
    }
  });

  it('a damaged database with committed frames still in its WAL: neither file is touched', async () => {
    const file = path.join(tempDir(), 'pos.sqlite');
    const crash = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1]);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (x BLOB NOT NULL)');
      const ins = db.prepare('INSERT INTO t VALUES (randomblob(600))');
      db.transaction(() => { for (let i = 0; i < 200; i++) ins.run(); })();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.exec('CREATE TABLE u (y); INSERT INTO u VALUES (1)');
      process.kill(process.pid, 'SIGKILL');
    `;
    expect(spawnSync(process.execPath, ['-e', crash, file], { cwd: repoRoot }).signal).toBe('SIGKILL');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(PAGE, 0xa5), 0, PAGE, 2 * PAGE);
    fs.closeSync(fd);
    const [mainBefore, walBefore] = [sha256File(file), sha256File(`${file}-wal`)];
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const failure = await failureOf(() => openDatabase(file));
    expect(failure.code).toBe('STORAGE_CORRUPT');
    // A writable connection would have checkpointed the WAL into the damaged file when it closed.
    expect(sha256File(file)).toBe(mainBefore);
    expect(sha256File(`${file}-wal`)).toBe(walBefore);
  });

  it('a damaged header is STORAGE_CORRUPT, file intact', async () => {
    const file = makeDatabase(tempDir());
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from([0x03, 0x00]), 0, 2, 16); // page size 768: not a power of two
    fs.closeSync(fd);
    const before = sha256File(file);
    const failure = await failureOf(() => openDatabase(file));
    expect(failure.code).toBe('STORAGE_CORRUPT');
    expect(failure.message).toMatch(/page size/);
    expect(sha256File(file)).toBe(before);
  });

  it('an empty main file beside a non-empty -wal is refused, so SQLite cannot discard the log', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'pos.sqlite');
    fs.writeFileSync(file, '');
    fs.writeFileSync(`${file}-wal`, randomBytes(PAGE));
    const walBefore = sha256File(`${file}-wal`);
    const failure = await failureOf(() => openDatabase(file));
    expect(failure.code).toBe('STORAGE_CORRUPT');
    expect(sha256File(`${file}-wal`)).toBe(walBefore);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('a schema newer than maxUserVersion is STORAGE_TOO_NEW before anything is written', async () => {
    const file = path.join(tempDir(), 'pos.sqlite');
    const raw = new BetterSqlite3(file); // rollback journal: switching it to WAL would rewrite the header
    raw.exec('CREATE TABLE t (x); PRAGMA user_version = 7');
    raw.close();
    const before = sha256File(file);
    const failure = await failureOf(() => openDatabase(file, { maxUserVersion: 2 }));
    expect(failure.code).toBe('STORAGE_TOO_NEW');
    expect(failure.detail).toMatchObject({ file, found: 7, known: 2 });
    expect(sha256File(file)).toBe(before);
  });
});

describe('openDatabase: locks held by another process', () => {
  it('a writer holding BEGIN EXCLUSIVE on a WAL database: STORAGE_BUSY after the busy timeout', async () => {
    const file = makeDatabase(tempDir());
    const before = sha256File(file);
    await holdExclusiveLock(file);
    const started = Date.now();
    const failure = await failureOf(() => openDatabase(file, { busyTimeoutMs: 200 }));
    const elapsed = Date.now() - started;
    expect(failure.code).toBe('STORAGE_BUSY');
    expect(failure.detail?.file).toBe(file);
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(3000);
    expect(sha256File(file)).toBe(before);
  });

  it('an exclusive lock on a rollback-journal database blocks even the read-only check: STORAGE_BUSY', async () => {
    const file = path.join(tempDir(), 'pos.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    raw.close();
    const before = sha256File(file);
    await holdExclusiveLock(file);
    const failure = await failureOf(() => openDatabase(file, { busyTimeoutMs: 200 }));
    expect(failure.code).toBe('STORAGE_BUSY');
    expect(sha256File(file)).toBe(before);
  });
});

describe('openDatabase: crash recovery is not mistaken for damage', () => {
  it('rolls back the hot journal of a writer killed mid-transaction, then opens normally', () => {
    const file = path.join(tempDir(), 'pos.sqlite');
    const crash = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1]);
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      db.pragma('cache_size = 2'); // spill to the main file before commit, leaving a hot journal
      db.exec('BEGIN');
      const ins = db.prepare('INSERT INTO t VALUES (randomblob(1000))');
      for (let i = 0; i < 500; i++) ins.run();
      process.kill(process.pid, 'SIGKILL');
    `;
    const r = spawnSync(process.execPath, ['-e', crash, file], { cwd: repoRoot });
    expect(r.signal).toBe('SIGKILL');
    expect(fs.existsSync(`${file}-journal`)).toBe(true);
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    expectDurable(db);
    db.close();
  });

  it('reads what a writer killed after commit left in its WAL', () => {
    const file = path.join(tempDir(), 'pos.sqlite');
    const crash = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1]);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1), (2)');
      process.kill(process.pid, 'SIGKILL');
    `;
    const r = spawnSync(process.execPath, ['-e', crash, file], { cwd: repoRoot });
    expect(r.signal).toBe('SIGKILL');
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
    db.close();
  });
});
