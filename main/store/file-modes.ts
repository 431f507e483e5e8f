// The till's data is its owner's alone: the data folder and the folders in it are 0700, the store, its WAL,
// config, backups and logs 0600. Set with chmod after creating, so the result does not depend on the umask the
// shell was started with. Windows has no POSIX modes (its ACLs follow the user profile the folder is in), so
// there this does nothing.
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = (): boolean => process.platform !== 'win32';

/** Creates `dir` (and its parents, as mkdir -p) if missing and makes it owner-only. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix()) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes each existing file owner read/write only; a missing one is skipped (a WAL not made yet). */
export function makePrivateFiles(...files: readonly string[]): void {
  if (!posix()) return;
  for (const file of files) {
    try {
      fs.chmodSync(file, PRIVATE_FILE_MODE);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/** A SQLite database and the files SQLite keeps beside it. */
export function databaseFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
}

/**
 * Every file directly in `dir` made 0600 (what an older version or a copied folder left readable); answers the
 * ones that could not be changed (owned by another user), for the caller to report: the till still starts.
 */
export function makeFolderFilesPrivate(dir: string): string[] {
  if (!posix()) return [];
  const refused: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    try {
      makePrivateFiles(path.join(dir, entry.name));
    } catch {
      refused.push(path.join(dir, entry.name));
    }
  }
  return refused;
}
