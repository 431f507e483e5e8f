// The backup's work, inside a worker thread (main/jobs/jobs.ts 'store.backup'): SQLite's online backup from
// this thread's own read-only connection (the till's connection is not involved and holds no transaction),
// then the copy is made one self-contained file and quick_checked, all off the main event loop.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { PosFailure } from '../api/result';
import { openDatabase } from './db';
import { mapSqliteError } from './errors';
import { makePrivateFiles } from './file-modes';

export interface BackupJobInput {
  readonly file: string;
  /** A path that does not exist yet (backup.ts backupPath). */
  readonly dest: string;
  /** The schema version the copy must have. */
  readonly version: number;
}

export interface BackupJobContext {
  progress(done: number, total: number): void;
}

/** Pages per backup step: large enough that the copy is not slowed by stepping, small enough for a smooth bar. */
const PAGES_PER_STEP = 2048;

export async function copyDatabase(input: BackupJobInput, ctx: BackupJobContext): Promise<string> {
  const detail = { file: input.file, backupFile: input.dest };
  if (fs.existsSync(input.dest)) throw new PosFailure('INTERNAL', 'the backup file already exists', detail);
  try {
    const source = openDatabase(input.file, { readonly: true });
    try {
      // SQLite calls `progress` before each step; the final count comes with the result.
      const { totalPages } = await source.backup(input.dest, {
        progress: ({ totalPages: total, remainingPages }) => {
          ctx.progress(total - remainingPages, total);
          return PAGES_PER_STEP;
        },
      });
      ctx.progress(totalPages, totalPages);
    } finally {
      source.close();
    }
    makeSelfContained(input.dest);
    makePrivateFiles(input.dest);
    verifyCopy(input.dest, input.version);
    syncDirectory(input.dest);
    return input.dest;
  } catch (e) {
    // A half-made copy is of no use and takes the space the next attempt needs.
    fs.rmSync(input.dest, { force: true });
    fs.rmSync(`${input.dest}-journal`, { force: true });
    throw backupFailure(e, detail);
  }
}

function backupFailure(e: unknown, detail: Record<string, unknown>): PosFailure {
  if (e instanceof PosFailure) return e;
  const mapped = mapSqliteError(e, detail);
  if (mapped !== null) return mapped;
  if ((e as NodeJS.ErrnoException).code === 'ENOSPC')
    return new PosFailure('STORAGE_FULL', 'the disk is full; the backup could not be written', detail);
  const failure = new PosFailure(
    'INTERNAL',
    `the backup before migrating failed: ${e instanceof Error ? e.message : String(e)}`,
    detail,
  );
  failure.cause = e;
  return failure;
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

function verifyCopy(dest: string, version: number): void {
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
function syncDirectory(dest: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(path.dirname(dest), 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
