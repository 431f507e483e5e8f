// The whole-database checks that no longer run at open (they read every page: 2.9 s at 200,000 sales): SQLite's
// quick_check (daily) or integrity_check (on demand, also cross-checks every index against its table), run as
// worker jobs (main/jobs/jobs.ts) on their own read-only connection, so selling goes on meanwhile.
import { PosFailure } from '../api/result';
import { openDatabase } from './db';
import { mapSqliteError, sqliteCodeOf } from './errors';

export type DbCheckMode = 'quick' | 'integrity';

export interface DbCheckInput {
  readonly file: string;
  readonly mode: DbCheckMode;
}

export interface DbCheckResult {
  readonly mode: DbCheckMode;
  readonly ok: boolean;
  /** SQLite's own words for what is wrong, the first few only. */
  readonly problems: readonly string[];
  readonly ms: number;
}

/** How many problems are kept: enough to tell support where to look, few enough for a settings row. */
export const MAX_PROBLEMS = 10;

/**
 * Runs the check. A damaged file is a result (`ok: false` with SQLite's message), not a failure: SQLite stops a
 * check with SQLITE_CORRUPT when a page is too damaged to walk. Anything else that stops it (locked, missing
 * file) throws its PosFailure: the check did not happen.
 */
export function checkDatabase(input: DbCheckInput): DbCheckResult {
  const started = Date.now();
  const done = (problems: readonly string[]): DbCheckResult => ({
    mode: input.mode,
    ok: problems.length === 0,
    problems: problems.slice(0, MAX_PROBLEMS),
    ms: Date.now() - started,
  });
  let db;
  try {
    db = openDatabase(input.file, { readonly: true });
  } catch (e) {
    if (e instanceof PosFailure && e.code === 'STORAGE_CORRUPT') return done([e.message]);
    throw e;
  }
  try {
    const pragma =
      input.mode === 'quick' ? `quick_check(${MAX_PROBLEMS})` : `integrity_check(${MAX_PROBLEMS})`;
    const rows = db.pragma(pragma) as Record<string, unknown>[];
    return done(rows.map((row) => String(Object.values(row)[0])).filter((m) => m !== 'ok'));
  } catch (e) {
    const code = sqliteCodeOf(e);
    if (code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
      return done([(e as Error).message]);
    throw mapSqliteError(e, { file: input.file }) ?? e;
  } finally {
    db.close();
  }
}
