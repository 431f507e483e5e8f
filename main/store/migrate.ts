// Forward-only schema migrations. `PRAGMA user_version` is the applied version; each migration commits
// together with its version bump or not at all. An existing database is backed up before it is changed.
import { PosFailure } from '../api/result';
import { backupDatabase } from './backup';
import type { Database } from './db';
import { mapSqliteError, storageTooNew } from './errors';
import { migrations as allMigrations } from './migrations/index';
import type { Migration } from './migrations/types';

export interface MigrateOptions {
  /** The database's path, for error details. */
  readonly file: string;
  readonly backupDir: string;
  readonly now: () => Date;
  /** Defaults to every migration the app ships. */
  readonly migrations?: readonly Migration[];
  /** The pre-migration backup's progress (pages copied, pages in all), for a start-up screen. */
  readonly onBackupProgress?: (done: number, total: number) => void;
  /** Free bytes in a folder; tests pass a small disk. Default: statfs. */
  readonly freeBytes?: (dir: string) => number;
}

export interface MigrationResult {
  readonly from: number;
  readonly to: number;
  /** The verified pre-migration backup; null when nothing was migrated or the database was new. */
  readonly backupFile: string | null;
}

/** Throws unless versions run 1, 2, 3… with a name and SQL each: a gap would silently skip a schema change. */
export function validateMigrations(list: readonly Migration[]): void {
  if (list.length === 0) throw new PosFailure('INTERNAL', 'the migration list is empty');
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new PosFailure(
        'INTERNAL',
        `migration #${i + 1} ("${m.name}") has version ${m.version}; expected ${i + 1}`,
      );
    }
    if (m.name.trim() === '' || m.sql.trim() === '') {
      throw new PosFailure('INTERNAL', `migration ${m.version} needs a name and SQL`);
    }
  });
}

/** The schema version this build brings a database to. */
export function latestVersion(list: readonly Migration[] = allMigrations): number {
  validateMigrations(list);
  return list.length;
}

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export async function migrate(db: Database, opts: MigrateOptions): Promise<MigrationResult> {
  const list = opts.migrations ?? allMigrations;
  const latest = latestVersion(list);
  if (db.inTransaction) throw new PosFailure('INTERNAL', 'migrate() must not run inside a transaction');
  const from = userVersion(db);
  if (from > latest) throw storageTooNew(opts.file, from, latest);
  if (from === latest) return { from, to: from, backupFile: null };

  // The backup reads through its own connection in a worker thread; this one holds no transaction meanwhile
  // (checked above), so the copy is one consistent snapshot and nothing here waits on the main thread.
  const backupFile =
    from >= 1
      ? await backupDatabase({
          file: opts.file,
          backupDir: opts.backupDir,
          version: from,
          now: opts.now,
          ...(opts.onBackupProgress ? { onProgress: opts.onBackupProgress } : {}),
          ...(opts.freeBytes ? { freeBytes: opts.freeBytes } : {}),
        })
      : null;
  for (const m of list.slice(from)) apply(db, m, opts.file);
  return { from, to: latest, backupFile };
}

function apply(db: Database, m: Migration, file: string): void {
  const label = `migration ${m.version} (${m.name})`;
  const run = db.transaction(() => {
    // Re-read under the write lock: another process may have migrated since we looked.
    const current = userVersion(db);
    if (current !== m.version - 1) {
      throw new PosFailure(
        'STORAGE_BUSY',
        `${label}: the database moved to version ${current} while migrating`,
        {
          file,
        },
      );
    }
    db.exec(m.sql);
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new PosFailure('INTERNAL', `${label} left ${violations.length} foreign key violation(s)`, {
        file,
      });
    }
    db.pragma(`user_version = ${m.version}`);
  });
  if (m.foreignKeysOff) db.pragma('foreign_keys = OFF');
  try {
    run.immediate();
  } catch (e) {
    throw migrationFailure(e, label, m, file);
  } finally {
    if (m.foreignKeysOff) db.pragma('foreign_keys = ON');
  }
}

function migrationFailure(e: unknown, label: string, m: Migration, file: string): PosFailure {
  const detail = { file, migration: m.version, migrationName: m.name };
  const known = e instanceof PosFailure ? e : mapSqliteError(e);
  const failure =
    known !== null
      ? new PosFailure(
          known.code,
          known.message.startsWith(label) ? known.message : `${label} failed: ${known.message}`,
          {
            ...known.detail,
            ...detail,
          },
        )
      : new PosFailure('INTERNAL', `${label} failed: ${e instanceof Error ? e.message : String(e)}`, detail);
  failure.cause = e;
  return failure;
}
