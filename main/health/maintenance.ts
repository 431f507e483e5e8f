// The store's background maintenance: the whole-database check (db-check.ts) and the full journal walk
// (main/audit/verify-job.ts), daily and on demand, each in a worker thread on its own read-only connection, so
// a till never waits for them. The last results are kept in `settings`, so the daily schedule and the last
// verdict survive a restart. A failed check never stops selling: it is reported (the status bar) and kept.
import type { Logger } from '../../native/log/logger';
import type { StoreCheckView } from '../api/contract';
import { PosFailure } from '../api/result';
import { advanceCheckpoint } from '../audit/checkpoint';
import type { JournalVerdict } from '../audit/journal';
import { runJob } from '../workers/run-job';
import { backupDatabase } from '../store/backup';
import type { DbCheckMode, DbCheckResult } from '../store/db-check';
import { userVersion } from '../store/migrate';
import type { Database } from '../store/db';

export const DATABASE_CHECK_KEY = 'maintenance.databaseCheck';
export const JOURNAL_CHECK_KEY = 'maintenance.journalCheck';
export const DAY_MS = 24 * 60 * 60 * 1000;
/** The first check after a start waits this long, so it does not compete with the start itself. */
export const START_DELAY_MS = 60_000;

export type MaintenanceReport = StoreCheckView;
export type DatabaseCheckRecord = NonNullable<StoreCheckView['database']>;
export type JournalCheckRecord = NonNullable<StoreCheckView['journal']>;

export interface Maintenance {
  report(): MaintenanceReport;
  /** Runs the database check (`mode`) and the full journal walk now, after any run in progress. */
  runNow(mode: DbCheckMode): Promise<MaintenanceReport>;
  /** Schedules the daily run (quick_check + journal walk), the first when the last one is a day old. */
  start(): void;
  /** A backup now into the backups folder (after any run in progress), in a worker thread; its path. */
  backup(): Promise<string>;
  /** How long until the daily run is due (never less than the start delay). */
  dueInMs(): number;
  /** Stops the schedule and any check in progress; nothing is written after it resolves. */
  stop(): Promise<void>;
}

export interface MaintenanceDeps {
  readonly db: Database;
  readonly file: string;
  /** Where `backup()` writes (the data folder's backups/). */
  readonly backupDir: string;
  readonly now: () => Date;
  readonly log: Logger;
  readonly onReport: (report: MaintenanceReport) => void;
  readonly startDelayMs?: number;
  readonly everyMs?: number;
}

export function createMaintenance(deps: MaintenanceDeps): Maintenance {
  const { db, file, now, log } = deps;
  const everyMs = deps.everyMs ?? DAY_MS;
  const startDelayMs = deps.startDelayMs ?? START_DELAY_MS;
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const read = <T>(key: string, valid: (v: unknown) => v is T): T | null => {
    const row = get.get(key);
    if (row === undefined) return null;
    try {
      const value: unknown = JSON.parse(row.value);
      return valid(value) ? value : null;
    } catch {
      return null;
    }
  };
  const report = (): MaintenanceReport => ({
    database: read(DATABASE_CHECK_KEY, isDatabaseRecord),
    journal: read(JOURNAL_CHECK_KEY, isJournalRecord),
  });

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const abort = new AbortController();

  const checkDatabase = async (mode: DbCheckMode): Promise<void> => {
    const at = now().toISOString();
    let record: DatabaseCheckRecord;
    try {
      const r: DbCheckResult = await runJob('store.check', { file, mode }, { signal: abort.signal });
      record = { at, mode, ok: r.ok, problems: r.problems, ms: r.ms };
    } catch (e) {
      if (stopped) return;
      record = { at, mode, ok: false, problems: [`the check could not run: ${messageOf(e)}`], ms: 0 };
    }
    if (stopped) return;
    put.run(DATABASE_CHECK_KEY, JSON.stringify(record));
    if (!record.ok) log('error', 'database check failed', { mode, problems: record.problems });
  };

  const walkJournal = async (): Promise<void> => {
    const at = now().toISOString();
    const started = Date.now();
    let verdict: JournalVerdict;
    try {
      verdict = await runJob('journal.verify', { file }, { signal: abort.signal });
    } catch (e) {
      if (stopped) return;
      verdict = { ok: false, seq: 0, reason: `the walk could not run: ${messageOf(e)}` };
    }
    if (stopped) return;
    const ms = Date.now() - started;
    const record: JournalCheckRecord = verdict.ok
      ? { at, ok: true, entries: verdict.entries, brokenAt: null, reason: null, ms }
      : { at, ok: false, entries: 0, brokenAt: verdict.seq, reason: verdict.reason, ms };
    db.transaction(() => {
      put.run(JOURNAL_CHECK_KEY, JSON.stringify(record));
      // The walk started at the genesis: everything up to its head is verified.
      if (verdict.ok) advanceCheckpoint(db, { seq: verdict.entries, hash: verdict.head }, true);
    })();
    if (!verdict.ok)
      log('error', 'journal verification failed', { seq: verdict.seq, reason: verdict.reason });
  };

  // One run at a time (two whole-file reads would only slow each other and the till on a 2-core machine).
  const enqueue = (mode: DbCheckMode): Promise<MaintenanceReport> => {
    const run = running.then(async () => {
      if (stopped) return report();
      await checkDatabase(mode);
      await walkJournal();
      const r = report();
      if (!stopped) deps.onReport(r);
      return r;
    });
    running = run.catch(() => undefined);
    return run;
  };

  const dueInMs = (): number => {
    const last = report().database;
    const due = last === null ? 0 : Date.parse(last.at) + everyMs - now().getTime();
    return Math.max(startDelayMs, Number.isFinite(due) ? due : 0);
  };

  const backup = (): Promise<string> => {
    if (stopped) return Promise.reject(new PosFailure('INTERNAL', 'the till is closing'));
    const run = running.then(() =>
      backupDatabase({ file, backupDir: deps.backupDir, version: userVersion(db), now }),
    );
    running = run.catch(() => undefined);
    return run;
  };

  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void enqueue('quick')
        .catch((e: unknown) => log('error', 'scheduled store check failed', { error: messageOf(e) }))
        .finally(schedule);
    }, dueInMs());
    timer.unref();
  };

  return {
    report,
    backup,
    dueInMs,
    runNow: (mode) =>
      stopped ? Promise.reject(new PosFailure('INTERNAL', 'the till is closing')) : enqueue(mode),
    start: () => {
      if (timer === null) schedule();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      abort.abort();
      await running;
    },
  };
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isDatabaseRecord(v: unknown): v is DatabaseCheckRecord {
  return (
    isObject(v) &&
    typeof v['at'] === 'string' &&
    (v['mode'] === 'quick' || v['mode'] === 'integrity') &&
    typeof v['ok'] === 'boolean' &&
    Array.isArray(v['problems']) &&
    v['problems'].every((p) => typeof p === 'string') &&
    typeof v['ms'] === 'number'
  );
}

function isJournalRecord(v: unknown): v is JournalCheckRecord {
  return (
    isObject(v) &&
    typeof v['at'] === 'string' &&
    typeof v['ok'] === 'boolean' &&
    typeof v['entries'] === 'number' &&
    (v['brokenAt'] === null || typeof v['brokenAt'] === 'number') &&
    (v['reason'] === null || typeof v['reason'] === 'string') &&
    typeof v['ms'] === 'number'
  );
}
