// Owner-only data, whatever umask the shell was started with: the data folder and backups 0700, the store and
// its WAL 0600 (openDatabase), backups and settings 0600; secure_delete on every connection, the sandbox
// ledger's too. POSIX only: Windows keeps no modes (the profile folder's ACLs do this job there).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/db';
import { makeFolderFilesPrivate, makePrivateDir, makePrivateFiles } from '../../../main/store/file-modes';
import { openStore } from '../../../main/store/open-store';
import { startApp } from '../../../main/startup/start-app';
import { Ledger } from '../../../main/gateway/sandbox/ledger';
import { cleanup, tempDir } from '../../support/temp-host';

const modeOf = (p: string): number => fs.statSync(p).mode & 0o777;
const posix = process.platform !== 'win32';

describe.skipIf(!posix)('owner-only files and folders', () => {
  let umask = 0;
  // A umask of 0 makes every new file 0666 and folder 0777: what the chmod after creating must undo.
  beforeEach(() => {
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
  });
  afterAll(cleanup);

  it('makePrivateDir and makePrivateFiles set 0700 / 0600 after creating; a missing file is skipped', () => {
    const dir = path.join(tempDir(), 'a', 'b');
    makePrivateDir(dir);
    expect(modeOf(dir)).toBe(0o700);
    const file = path.join(dir, 'f');
    fs.writeFileSync(file, 'x');
    expect(modeOf(file)).toBe(0o666);
    makePrivateFiles(file, path.join(dir, 'missing'));
    expect(modeOf(file)).toBe(0o600);
    fs.writeFileSync(path.join(dir, 'g'), 'y');
    expect(makeFolderFilesPrivate(dir)).toEqual([]);
    expect(modeOf(path.join(dir, 'g'))).toBe(0o600);
  });

  it('the store: data folder and backups 0700, database, WAL and shared memory 0600, secure_delete on', async () => {
    const dataDir = path.join(tempDir(), 'data');
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true, mode: 0o777 });
    fs.writeFileSync(path.join(dataDir, 'backups', 'old.sqlite'), 'x', { mode: 0o644 });
    const { db, file } = await openStore({ dataDir, now: () => new Date(), log: () => undefined });
    try {
      db.exec('CREATE TABLE t (x)');
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(path.join(dataDir, 'backups'))).toBe(0o700);
      expect(modeOf(path.join(dataDir, 'backups', 'old.sqlite'))).toBe(0o600);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe(0o600);
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
    // A reader's connection has it too (it may delete nothing, but the setting is per connection).
    const ro = openDatabase(file, { readonly: true });
    expect(ro.pragma('secure_delete', { simple: true })).toBe(1);
    ro.close();
  });

  it('a deleted row is overwritten: its text is no longer in the file', () => {
    const file = path.join(tempDir(), 'x.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run('CIPHERTEXT-TO-FORGET-0123456789');
    db.prepare('DELETE FROM t').run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(fs.readFileSync(file).includes('CIPHERTEXT-TO-FORGET')).toBe(false);
  });

  it('the sandbox gateway ledger is opened with secure_delete too', () => {
    const dir = tempDir();
    const ledger = Ledger.open(dir);
    try {
      expect(ledger.db.pragma('secure_delete', { simple: true })).toBe(1);
    } finally {
      ledger.close();
    }
  });

  it('startApp creates the data folder 0700 and makes a readable config.json 0600', async () => {
    const dataDir = path.join(tempDir(), 'fresh', 'data');
    const started = await startApp({ dataDir, trainingMode: true, log: () => undefined });
    if (!('host' in started)) throw new Error(started.failure.message);
    await started.host.close();
    expect(modeOf(dataDir)).toBe(0o700);
    fs.chmodSync(path.join(dataDir, 'config.json'), 0o644);
    const again = await startApp({ dataDir, log: () => undefined });
    if ('host' in again) await again.host.close();
    expect(modeOf(path.join(dataDir, 'config.json'))).toBe(0o600);
  });
});
