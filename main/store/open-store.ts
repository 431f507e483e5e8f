// Startup's one call into storage: the data folder's pos.sqlite, opened durable and migrated. Every failure
// is a PosFailure whose code is one a StartupFailure can carry, with the file left as it was.
import fs from 'node:fs';
import path from 'node:path';
import { PosFailure } from '../api/result';
import type { HostOptions, StartupFailure } from '../host-types';
import type { StartupProgress } from '../startup/progress';
import { openDatabase, type Database } from './db';
import { mapSqliteError } from './errors';
import { makeFolderFilesPrivate, makePrivateDir } from './file-modes';
import { latestVersion, migrate, type MigrationResult } from './migrate';
import type { Migration } from './migrations/types';

import { BACKUP_DIR, STORE_FILE } from './files';

export { BACKUP_DIR, STORE_FILE };

export type StoreLog = NonNullable<HostOptions['log']>;

export interface StoreOptions {
  readonly dataDir: string;
  readonly now: () => Date;
  readonly log: StoreLog;
  /** Tests only; defaults to the shipped migrations. */
  readonly migrations?: readonly Migration[];
  readonly busyTimeoutMs?: number;
  /** The pre-migration backup's progress, for a start-up screen (main/startup/progress.ts). */
  readonly onProgress?: (progress: StartupProgress) => void;
  /** Free bytes in a folder; tests pass a small disk. Default: statfs. */
  readonly freeBytes?: (dir: string) => number;
}

export interface Store {
  readonly db: Database;
  readonly file: string;
  readonly migration: MigrationResult;
}

type StoreFailureCode = Exclude<StartupFailure['code'], 'CONFIG_CORRUPT' | 'CONFIG_MISSING'>;
const STORE_FAILURE_CODES: ReadonlySet<string> = new Set<StoreFailureCode>([
  'STORAGE_BUSY',
  'STORAGE_CORRUPT',
  'STORAGE_TOO_NEW',
  'STORAGE_FULL',
  'INTERNAL',
]);

export async function openStore(opts: StoreOptions): Promise<Store> {
  const file = path.join(opts.dataDir, STORE_FILE);
  const backupDir = path.join(opts.dataDir, BACKUP_DIR);
  try {
    // Owner-only: the data folder, the backups and the store (openDatabase). Other files keep their checks
    // (a terminal secret others can read is refused, not quietly fixed: it may have been read already).
    makePrivateDir(opts.dataDir);
    makePrivateDir(backupDir);
    const notPrivate = makeFolderFilesPrivate(backupDir);
    if (notPrivate.length > 0)
      opts.log('warn', 'backups could not be made owner-only', { files: notPrivate });
    const db = openDatabase(file, {
      maxUserVersion: latestVersion(opts.migrations),
      ...(opts.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: opts.busyTimeoutMs }),
    });
    try {
      const migration = await migrate(db, {
        file,
        backupDir,
        now: opts.now,
        ...(opts.migrations === undefined ? {} : { migrations: opts.migrations }),
        ...(opts.freeBytes ? { freeBytes: opts.freeBytes } : {}),
        ...(opts.onProgress
          ? {
              onBackupProgress: (done: number, total: number) =>
                opts.onProgress?.({ step: 'backup', done, total }),
            }
          : {}),
      });
      if (migration.from !== migration.to) opts.log('info', 'database migrated', { file, ...migration });
      return { db, file, migration };
    } catch (e) {
      db.close();
      throw e;
    }
  } catch (e) {
    const failure = asStoreFailure(e, file);
    opts.log('error', 'cannot open the database', {
      code: failure.code,
      message: failure.message,
      ...failure.detail,
    });
    throw failure;
  }
}

/** Narrows any error to a PosFailure with a StartupFailure code and `detail.file`. */
export function asStoreFailure(e: unknown, file: string): PosFailure {
  let failure: PosFailure;
  if (e instanceof PosFailure && STORE_FAILURE_CODES.has(e.code)) {
    failure = new PosFailure(e.code, e.message, { ...e.detail, file: e.detail?.file ?? file });
  } else if (e instanceof PosFailure) {
    failure = new PosFailure('INTERNAL', e.message, {
      ...e.detail,
      file: e.detail?.file ?? file,
      code: e.code,
    });
  } else if ((e as NodeJS.ErrnoException | null)?.code === 'ENOSPC') {
    failure = new PosFailure('STORAGE_FULL', 'the disk is full; the data folder could not be prepared', {
      file,
    });
  } else {
    const mapped = mapSqliteError(e, { file });
    failure =
      mapped !== null && STORE_FAILURE_CODES.has(mapped.code)
        ? mapped
        : new PosFailure(
            'INTERNAL',
            `cannot open the database: ${e instanceof Error ? e.message : String(e)}`,
            {
              file,
            },
          );
  }
  failure.cause = e instanceof PosFailure ? (e.cause ?? e) : e;
  return failure;
}

/**
 * Whether the store in `dataDir` has recorded a sale, read through a read-only connection (nothing is
 * written). Throws the store's own failures (STORAGE_CORRUPT, STORAGE_BUSY, ...): those are reported first.
 */
export function storeHoldsSales(dataDir: string): boolean {
  const file = path.join(dataDir, STORE_FILE);
  if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) === 0) return false;
  const db = openDatabase(file, { readonly: true });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sales'`).get();
    return table !== undefined && db.prepare('SELECT 1 FROM sales LIMIT 1').get() !== undefined;
  } finally {
    db.close();
  }
}
