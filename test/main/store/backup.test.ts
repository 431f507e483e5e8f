// The pre-migration backup in a worker thread: free space checked first (STORAGE_FULL naming the figures,
// nothing migrated), progress reported, the copy verified in the worker.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  assertRoomForBackup,
  backupDatabase,
  FREE_SPACE_MARGIN,
  statfsFreeBytes,
} from '../../../main/store/backup';
import { openDatabase } from '../../../main/store/db';
import { migrate } from '../../../main/store/migrate';
import { failureOf, tempDir } from './fixtures';

const now = (): Date => new Date('2025-01-02T03:04:05.678Z');
const m1 = { version: 1, name: 'one', sql: 'CREATE TABLE a (x BLOB NOT NULL);' };
const m2 = { version: 2, name: 'two', sql: 'CREATE TABLE b (y);' };

async function v1Store(rows = 300): Promise<{ file: string; backupDir: string; db: BetterSqlite3.Database }> {
  const dir = tempDir();
  const file = path.join(dir, 'pos.sqlite');
  const backupDir = path.join(dir, 'backups');
  const db = openDatabase(file);
  await migrate(db, { file, backupDir, now, migrations: [m1] });
  const insert = db.prepare('INSERT INTO a VALUES (randomblob(1500))');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run();
  })();
  return { file, backupDir, db };
}

describe('backup before a migration', () => {
  it('reports its progress in pages, ending at the total, and the copy holds every row', async () => {
    const { file, backupDir, db } = await v1Store();
    const ticks: [number, number][] = [];
    const result = await migrate(db, {
      file,
      backupDir,
      now,
      migrations: [m1, m2],
      onBackupProgress: (done, total) => ticks.push([done, total]),
    });
    db.close();
    expect(ticks.length).toBeGreaterThan(0);
    const [done, total] = ticks.at(-1) as [number, number];
    expect(done).toBe(total);
    expect(total).toBeGreaterThan(200); // 300 rows of 1.5 kB on 2 KiB pages
    expect(ticks.map(([d]) => d)).toEqual([...ticks.map(([d]) => d)].sort((a, b) => a - b));
    const copy = new BetterSqlite3(result.backupFile as string, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 300 });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });

  it('without room for the copy: STORAGE_FULL naming the figures, no backup file, nothing migrated', async () => {
    const { file, backupDir, db } = await v1Store();
    const dbBytes =
      fs.statSync(file).size + (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    const failure = await failureOf(() =>
      migrate(db, { file, backupDir, now, migrations: [m1, m2], freeBytes: () => 5 * 1024 * 1024 }),
    );
    expect(failure.code).toBe('STORAGE_FULL');
    expect(failure.message).toMatch(
      /5\.0 MB free in the backup folder, [\d.]+ MB needed \(database [\d.]+ MB \+ write-ahead log [\d.]+ MB \+ margin\); nothing was changed/,
    );
    expect(failure.detail).toMatchObject({
      backupDir,
      freeBytes: 5 * 1024 * 1024,
      neededBytes: Math.ceil(dbBytes * (1 + FREE_SPACE_MARGIN.fraction) + FREE_SPACE_MARGIN.bytes),
    });
    expect(fs.readdirSync(backupDir)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('asks the real file system by default, and passes with room to spare', () => {
    const dir = tempDir();
    expect(statfsFreeBytes(dir)).toBeGreaterThan(0);
    const file = path.join(dir, 'pos.sqlite');
    fs.writeFileSync(file, Buffer.alloc(4096));
    expect(() => assertRoomForBackup(file, dir, () => 1e12)).not.toThrow();
  });

  it('a source that cannot be copied fails in the worker with a typed error, leaving no half-made copy', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'pos.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x41));
    const failure = await failureOf(() =>
      backupDatabase({ file, backupDir: path.join(dir, 'b'), version: 1, now }),
    );
    expect(failure.code).toBe('STORAGE_CORRUPT');
    expect(fs.readdirSync(path.join(dir, 'b'))).toEqual([]);
  });
});
