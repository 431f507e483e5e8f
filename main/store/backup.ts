// The automatic backup taken before a schema migration: an online, page-by-page copy made with SQLite's
// backup API, then checked to be a whole database at the version it was taken from.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { PosFailure } from '../api/result';
import type { Database } from './db';
import { mapSqliteError } from './errors';

export interface BackupOptions {
  /** The live database's path, for error details. */
  readonly file: string;
  readonly backupDir: string;
  /** The schema version being backed up (`PRAGMA user_version` of `db`). */
  readonly version: number;
  readonly now: () => Date;
}

/** `pos-v3-20250102T030405678Z.sqlite`; a `-2`, `-3`… suffix rather than ever overwriting an existing file. */
export function backupPath(backupDir: string, version: number, at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  const base = `pos-v${version}-${stamp}`;
  let candidate = path.join(backupDir, `${base}.sqlite`);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(backupDir, `${base}-${n}.sqlite`);
  return candidate;
}

/** Copies `db` into `backupDir` and verifies the copy; returns the backup's path. */
export async function backupDatabase(db: Database, opts: BackupOptions): Promise<string> {
  const detail = { file: opts.file, backupDir: opts.backupDir };
  let dest = '';
  try {
    fs.mkdirSync(opts.backupDir, { recursive: true });
    dest = backupPath(opts.backupDir, opts.version, opts.now());
    await db.backup(dest);
    makeSelfContained(dest);
    verifyBackup(dest, opts.version);
    syncDirectory(opts.backupDir);
    return dest;
  } catch (e) {
    if (e instanceof PosFailure) throw e;
    const mapped = mapSqliteError(e, { ...detail, backupFile: dest });
    if (mapped !== null) throw mapped;
    if ((e as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new PosFailure('STORAGE_FULL', 'the disk is full; the backup could not be written', detail);
    }
    const failure = new PosFailure(
      'INTERNAL',
      `the backup before migrating failed: ${e instanceof Error ? e.message : String(e)}`,
      { ...detail, backupFile: dest },
    );
    failure.cause = e;
    throw failure;
  }
}

// The copy inherits the WAL flag from the live file; switching it to a rollback journal makes the backup
// one file that opens (read-only, too) without needing a -wal beside it.
function makeSelfContained(dest: string): void {
  const copy = new BetterSqlite3(dest, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function verifyBackup(dest: string, version: number): void {
  const copy = new BetterSqlite3(dest, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    const found = copy.pragma('user_version', { simple: true });
    if (check !== 'ok' || found !== version) {
      throw new PosFailure('INTERNAL', 'the backup before migrating did not verify; nothing was migrated', {
        backupFile: dest,
        quickCheck: check,
        expectedVersion: version,
        foundVersion: found,
      });
    }
  } finally {
    copy.close();
  }
}

// The backup file's own contents are fsynced by SQLite; its directory entry needs this on POSIX.
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
