// The automatic backup taken before a schema migration: an online, page-by-page copy made with SQLite's
// backup API in a worker thread (backup-job.ts), on the worker's own read-only connection, then checked there
// to be a whole database at the version it was taken from. Main only checks free space first and relays
// progress (a start-up screen shows it).
import fs from 'node:fs';
import path from 'node:path';
import { PosFailure } from '../api/result';
import { runJob } from '../workers/run-job';

export interface BackupOptions {
  /** The live database's path. */
  readonly file: string;
  readonly backupDir: string;
  /** The schema version being backed up (`PRAGMA user_version` of the live database). */
  readonly version: number;
  readonly now: () => Date;
  /** Pages copied so far and in all. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Free bytes where `dir` is; tests pass a small disk. Default: statfs. */
  readonly freeBytes?: (dir: string) => number;
}

/** Room kept beyond the copy itself: the copy's rollback journal while it is made self-contained, the file system. */
export const FREE_SPACE_MARGIN = { fraction: 0.1, bytes: 8 * 1024 * 1024 };

/** `pos-v3-20250102T030405678Z.sqlite`; a `-2`, `-3`… suffix rather than ever overwriting an existing file. */
export function backupPath(backupDir: string, version: number, at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  const base = `pos-v${version}-${stamp}`;
  let candidate = path.join(backupDir, `${base}.sqlite`);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(backupDir, `${base}-${n}.sqlite`);
  return candidate;
}

export const statfsFreeBytes = (dir: string): number => {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
};

const sizeOf = (file: string): number => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Throws STORAGE_FULL, naming the figures, unless `backupDir` has room for a copy of `file` and its WAL. */
export function assertRoomForBackup(
  file: string,
  backupDir: string,
  freeBytes: (dir: string) => number = statfsFreeBytes,
): void {
  const databaseBytes = sizeOf(file);
  const walBytes = sizeOf(`${file}-wal`);
  const neededBytes = Math.ceil(
    (databaseBytes + walBytes) * (1 + FREE_SPACE_MARGIN.fraction) + FREE_SPACE_MARGIN.bytes,
  );
  const free = freeBytes(backupDir);
  if (free < neededBytes) {
    throw new PosFailure(
      'STORAGE_FULL',
      `not enough free disk space to back up before the update: ${mb(free)} free in the backup folder, ` +
        `${mb(neededBytes)} needed (database ${mb(databaseBytes)} + write-ahead log ${mb(walBytes)} + margin); ` +
        'nothing was changed',
      { file, backupDir, freeBytes: free, neededBytes, databaseBytes, walBytes },
    );
  }
}

/** Copies the database at `opts.file` into `backupDir` in a worker thread and verifies the copy there. */
export async function backupDatabase(opts: BackupOptions): Promise<string> {
  fs.mkdirSync(opts.backupDir, { recursive: true });
  assertRoomForBackup(opts.file, opts.backupDir, opts.freeBytes);
  const dest = backupPath(opts.backupDir, opts.version, opts.now());
  return runJob(
    'store.backup',
    { file: opts.file, dest, version: opts.version },
    opts.onProgress ? { onProgress: opts.onProgress } : {},
  );
}
