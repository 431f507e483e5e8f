// Every SQLite connection the app uses comes from here, so every one is durable (WAL + synchronous=FULL) and
// every bad file is refused before anything could write to it. See docs/decisions/0002-sqlite-durability.md.
import BetterSqlite3 from 'better-sqlite3';
import { PosFailure } from '../api/result';
import { mapSqliteError, sqliteCodeOf, storageTooNew } from './errors';
import { checkFileOnDisk } from './file-check';
import { databaseFiles, makePrivateFiles } from './file-modes';

export type Database = BetterSqlite3.Database;
/** A prepared statement of a Database (the only place outside repositories that names better-sqlite3). */
export type Statement<P extends unknown[] | object = unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;

export interface OpenOptions {
  readonly readonly?: boolean;
  /** How long to wait for another process's lock before failing with STORAGE_BUSY. */
  readonly busyTimeoutMs?: number;
  /** Refuse with STORAGE_TOO_NEW, before anything is written, when `user_version` is above this. */
  readonly maxUserVersion?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

const SYNCHRONOUS_FULL = 2;

/**
 * Page size of every database this app creates. A sale commit dirties one leaf in each of ~14 B-trees, and
 * the commit's fsync pays for every byte of those WAL frames: 2 KiB pages halve the bytes per sale against
 * SQLite's 4 KiB default (docs/decisions/0013-two-kib-pages.md). Fixed when the file is created; a database
 * made with another page size keeps it.
 */
export const NEW_DATABASE_PAGE_SIZE = 2048;

// A read-only connection cannot roll back a hot journal or rebuild a WAL index: SQLite's own crash
// recovery needs a writer, so these are not a verdict on the file.
const NEEDS_WRITER = new Set([
  'SQLITE_READONLY_ROLLBACK',
  'SQLITE_READONLY_RECOVERY',
  'SQLITE_READONLY_CANTINIT',
]);

/**
 * Opens `file` (created if absent, unless read-only). Throws PosFailure with `detail.file`:
 * STORAGE_CORRUPT (not a database, damaged header or schema, a table's root unreadable; see `inspect`: no
 * whole-file check runs here), STORAGE_BUSY (another process holds
 * the write lock past the busy timeout), STORAGE_TOO_NEW (see `maxUserVersion`), NOT_FOUND (read-only and
 * absent), INTERNAL otherwise. On failure the main database file is left exactly as it was.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Database {
  const readonly = opts.readonly ?? false;
  const timeout = opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!Number.isSafeInteger(timeout) || timeout < 0) {
    throw new PosFailure('INTERNAL', `busyTimeoutMs must be a non-negative integer, got ${timeout}`, {
      file,
    });
  }
  try {
    const onDisk = checkFileOnDisk(file);
    if (readonly && onDisk === 'absent') {
      throw new PosFailure('NOT_FOUND', 'there is no database file to open read-only', { file });
    }
    // A writer is inspected through a separate read-only connection first: if the file is bad, that
    // connection cannot write to it, not even the checkpoint SQLite runs when a WAL connection closes.
    const inspected =
      onDisk !== 'database' || (!readonly && inspectReadOnly(file, timeout, opts.maxUserVersion));
    const db = new BetterSqlite3(file, { readonly, fileMustExist: readonly, timeout });
    try {
      db.pragma(`busy_timeout = ${timeout}`);
      if (!inspected) inspect(db, file, opts.maxUserVersion);
      // Only takes on a file with no pages yet (and must come before WAL, which writes the header).
      if (!readonly && onDisk !== 'database') db.pragma(`page_size = ${NEW_DATABASE_PAGE_SIZE}`);
      configure(db, readonly);
      if (!readonly) {
        probeWriteLock(db);
        // Created with the umask's mode; the WAL and shared-memory files SQLite makes later copy this one's.
        makePrivateFiles(...databaseFiles(file));
      }
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  } catch (e) {
    throw asOpenFailure(e, file);
  }
}

/** True when inspected; false when SQLite first needs a writer to recover from a crash. */
function inspectReadOnly(file: string, timeout: number, maxUserVersion: number | undefined): boolean {
  const probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout });
  try {
    inspect(probe, file, maxUserVersion);
    return true;
  } catch (e) {
    const code = sqliteCodeOf(e);
    if (code !== null && NEEDS_WRITER.has(code)) return false;
    throw e;
  } finally {
    probe.close();
  }
}

/**
 * What SQLite must read to open the store and nothing more, so the cost does not grow with history: the
 * schema (page 1 and sqlite_schema: a damaged one is SQLITE_CORRUPT here), user_version, and the root and
 * leftmost path of each table's own B-tree (a few pages per table). Damage deeper inside a table is found by
 * the background quick_check / integrity_check (main/store/db-check.ts) or by the first statement that reads
 * that page, which fails with STORAGE_CORRUPT then.
 */
function inspect(db: Database, file: string, maxUserVersion: number | undefined): void {
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
    )
    .all();
  for (const { name } of tables) {
    db.prepare(`SELECT 1 FROM "${name.replaceAll('"', '""')}" NOT INDEXED LIMIT 1`).get();
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (maxUserVersion !== undefined && version > maxUserVersion)
    throw storageTooNew(file, version, maxUserVersion);
}

/**
 * SQLite's page cache per connection (KiB). Its default, 2 MiB, holds a fraction of the index pages a sale
 * touches once the store holds years of sales (the amount and search indexes take a leaf anywhere in the tree),
 * so each commit re-read them through the OS. 32 MiB keeps every B-tree's upper levels and the hot leaves.
 */
export const PAGE_CACHE_KIB = 32 * 1024;

function configure(db: Database, readonly: boolean): void {
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  if (!readonly) {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal')
      throw new PosFailure('INTERNAL', `could not switch the database to WAL (got ${String(mode)})`);
  }
  // Set explicitly on every connection: SQLite otherwise drops a reopened WAL database to NORMAL
  // (SQLITE_DEFAULT_WAL_SYNCHRONOUS), and NORMAL can lose acknowledged sales on power loss.
  db.pragma('synchronous = FULL');
  const synchronous = db.pragma('synchronous', { simple: true });
  if (synchronous !== SYNCHRONOUS_FULL) {
    throw new PosFailure('INTERNAL', `synchronous=FULL did not take (got ${String(synchronous)})`);
  }
  // Deleted rows (a finished payment's ciphertext, a cleared cart) are overwritten with zeros, not left in free
  // pages for a copied file to give back.
  db.pragma('secure_delete = ON');
  if (db.pragma('secure_delete', { simple: true }) !== 1)
    throw new PosFailure('INTERNAL', 'secure_delete=ON did not take');
  db.pragma('foreign_keys = ON');
  if (db.pragma('foreign_keys', { simple: true }) !== 1)
    throw new PosFailure('INTERNAL', 'foreign_keys=ON did not take');
  // macOS fsync() does not reach the platter; F_FULLFSYNC does.
  if (process.platform === 'darwin') db.pragma('fullfsync = ON');
}

/** Takes and releases the write lock without writing, so a competing writer is found now, not at the first sale. */
function probeWriteLock(db: Database): void {
  db.exec('BEGIN IMMEDIATE');
  db.exec('ROLLBACK');
}

function asOpenFailure(e: unknown, file: string): PosFailure {
  if (e instanceof PosFailure) {
    return e.detail?.file === file
      ? e
      : withCause(new PosFailure(e.code, e.message, { ...e.detail, file }), e);
  }
  const mapped = mapSqliteError(e, { file });
  if (mapped !== null) return mapped;
  const message = e instanceof Error ? e.message : String(e);
  return withCause(new PosFailure('INTERNAL', `cannot open the database: ${message}`, { file }), e);
}

function withCause(failure: PosFailure, cause: unknown): PosFailure {
  failure.cause = cause;
  return failure;
}
