// The journal check at start-up, bounded whatever the history: the entries after the verified checkpoint
// (checkpoint.ts), and never more than STARTUP_WALK_LIMIT of them. Everything before is the full walk's job,
// in a worker thread (verify-job.ts, run by main/health/maintenance.ts).
import type { Database } from '../store/db';
import { mapSqliteError } from '../store/errors';
import { advanceCheckpoint, readCheckpoint } from './checkpoint';
import { verifyJournal, type Head, type JournalVerdict } from './journal';

/** ~40 ms of hashing: about ten busy days of entries since the last verification. */
export const STARTUP_WALK_LIMIT = 10_000;

export interface StartupJournalCheck {
  readonly verdict: JournalVerdict;
  /**
   * Where the walk started: 'genesis' (the whole chain), 'checkpoint' (after the verified checkpoint), or
   * 'window' (the newest STARTUP_WALK_LIMIT entries only: no usable checkpoint, or it is too far behind).
   */
  readonly from: 'genesis' | 'checkpoint' | 'window';
  /** Entries hashed. */
  readonly walked: number;
}

export function verifyJournalAtStartup(
  db: Database,
  limit: number = STARTUP_WALK_LIMIT,
): StartupJournalCheck {
  try {
    return walkFromCheckpoint(db, limit);
  } catch (e) {
    // A journal page too damaged to read is a failed check, not a failed start: open no longer reads every
    // page (main/store/db.ts), so this walk may be the first to meet one, and selling must go on.
    if (mapSqliteError(e)?.code !== 'STORAGE_CORRUPT') throw e;
    const reason = `the journal could not be read: ${(e as Error).message}`;
    return { verdict: { ok: false, seq: 0, reason }, from: 'genesis', walked: 0 };
  }
}

function walkFromCheckpoint(db: Database, limit: number): StartupJournalCheck {
  const newest =
    db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM journal').get()?.seq ?? 0;
  const checkpoint = readCheckpoint(db);
  let start: { from: StartupJournalCheck['from']; at: Head | undefined };
  // A checkpoint past the newest entry means entries after it were cut: walking from it reports that.
  if (checkpoint !== null && newest - checkpoint.seq <= limit) start = { from: 'checkpoint', at: checkpoint };
  else if (newest <= limit) start = { from: 'genesis', at: undefined };
  else start = { from: 'window', at: windowStart(db, newest - limit) };
  const verdict = verifyJournal(db, start.at === undefined ? {} : { from: start.at });
  // Only a walk that covered everything up to its head may move the checkpoint (the window did not).
  if (verdict.ok && start.from !== 'window')
    advanceCheckpoint(db, { seq: verdict.entries, hash: verdict.head }, start.from === 'genesis');
  const walked = verdict.ok
    ? verdict.entries - (start.at?.seq ?? 0)
    : Math.max(0, verdict.seq - (start.at?.seq ?? 0));
  return { verdict, from: start.from, walked };
}

/** The entry the window starts after, trusted only for its own hash (verifyJournal re-hashes it). */
function windowStart(db: Database, seq: number): Head {
  const row = db.prepare<[number], { hash: string }>('SELECT hash FROM journal WHERE seq = ?').get(seq);
  // A missing entry: anchor on a hash no entry has, so the walk reports entry `seq` as altered or removed.
  return { seq, hash: row?.hash ?? '' };
}
