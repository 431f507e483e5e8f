// SQLite failures that are about the storage itself (disk full, locked, damaged) become typed PosFailures the
// UI can explain. Everything else (constraint violations, SQL mistakes) is left alone: that is the caller's bug
// or business rule, not the disk's.
import BetterSqlite3 from 'better-sqlite3';
import { PosFailure, type ErrorCode } from '../api/result';

interface Mapping {
  readonly code: ErrorCode;
  readonly message: string;
}

/** The SQLite result code name ('SQLITE_BUSY', 'SQLITE_IOERR_WRITE', …) of a better-sqlite3 error, else null. */
export function sqliteCodeOf(e: unknown): string | null {
  const isSqliteError =
    e instanceof BetterSqlite3.SqliteError || (e instanceof Error && e.name === 'SqliteError');
  if (!isSqliteError) return null;
  const code: unknown = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

function classify(code: string): Mapping | null {
  const primary = code.match(/^SQLITE_[A-Z]+/)?.[0] ?? code;
  // Checked before the IOERR family: SQLite's own verdict that the file system returned damaged data.
  if (code === 'SQLITE_IOERR_CORRUPTFS')
    return { code: 'STORAGE_CORRUPT', message: 'the database file is damaged' };
  switch (primary) {
    case 'SQLITE_FULL':
      return { code: 'STORAGE_FULL', message: 'the disk is full; nothing was saved' };
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
    case 'SQLITE_PROTOCOL': // a lost race for a WAL lock: same remedy as busy
      return {
        code: 'STORAGE_BUSY',
        message: 'the database is locked by another process; nothing was saved',
      };
    case 'SQLITE_CORRUPT':
      return { code: 'STORAGE_CORRUPT', message: 'the database file is damaged' };
    case 'SQLITE_NOTADB':
      return { code: 'STORAGE_CORRUPT', message: 'the file is not a database' };
    // No error code says "the disk failed"; INTERNAL with the SQLite code in detail is the honest choice.
    // A failed write or fsync is not "nothing was saved" for certain, so the message does not promise it.
    case 'SQLITE_IOERR':
      return { code: 'INTERNAL', message: `disk I/O error (${code}); the change was not confirmed` };
    case 'SQLITE_READONLY':
      return { code: 'INTERNAL', message: `the database cannot be written (${code}); nothing was saved` };
    case 'SQLITE_CANTOPEN':
      return { code: 'INTERNAL', message: `the database file cannot be opened (${code})` };
    case 'SQLITE_NOMEM':
      return { code: 'INTERNAL', message: 'out of memory in the database engine' };
    default:
      return null;
  }
}

/**
 * A PosFailure for a storage-level SQLite error, or null when `e` is not one (not a SqliteError at all, or
 * a constraint/SQL error). `detail` is merged into the failure's detail, e.g. `{ file }`.
 */
export function mapSqliteError(e: unknown, detail?: Record<string, unknown>): PosFailure | null {
  const sqliteCode = sqliteCodeOf(e);
  if (sqliteCode === null) return null;
  const mapping = classify(sqliteCode);
  if (mapping === null) return null;
  const failure = new PosFailure(mapping.code, mapping.message, {
    ...detail,
    sqliteCode,
    sqliteMessage: (e as Error).message,
  });
  failure.cause = e;
  return failure;
}

/** Runs a synchronous `fn`, rethrowing storage-level SQLite errors as PosFailures (others unchanged). */
export function withStorageErrors<T>(fn: () => T, detail?: Record<string, unknown>): T {
  try {
    return fn();
  } catch (e) {
    throw mapSqliteError(e, detail) ?? e;
  }
}

/** The database's schema is newer than every migration this build knows: refuse, and touch nothing. */
export function storageTooNew(file: string, found: number, known: number): PosFailure {
  return new PosFailure(
    'STORAGE_TOO_NEW',
    `the database is at schema version ${found} but this app only knows up to ${known}; ` +
      'it was written by a newer version of the app and has been left untouched',
    { file, found, known },
  );
}
