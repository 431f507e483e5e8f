// The journal's verified checkpoint: the newest {seq, hash} up to which a verification has checked the whole
// chain. Start-up walks only the entries after it (start-check.ts), so its work is bounded by what was
// journalled since the last verification, not by the shop's history.
//
// What it does NOT protect: it is a row in the same file as the journal. Someone who can edit the journal can
// edit it too; lowering or deleting it only makes start-up walk more (still bounded), and raising it to skip an
// edited entry does not hide the edit from the full walk, which starts at the genesis and ignores it
// (verify-job.ts, daily and on demand). The chain itself, like any hash chain kept beside its data, shows edits
// made without recomputing every later hash; it cannot show a journal rewritten whole from the edit onwards.
import type { Database } from '../store/db';
import { entryHash, type Head, type JournalEntry } from './journal';

export const CHECKPOINT_KEY = 'journal.verified';

/** The stored checkpoint, or null when there is none or it is not a valid {seq, hash}. */
export function readCheckpoint(db: Database): Head | null {
  const row = db
    .prepare<[string], { seq: unknown; hash: unknown }>(
      'SELECT value AS seq, hash FROM counters WHERE name = ?',
    )
    .get(CHECKPOINT_KEY);
  if (row === undefined) return null;
  const { seq, hash } = row;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 && typeof hash === 'string'
    ? { seq, hash }
    : null;
}

/** Whether entry `at.seq` is in the journal with hash `at.hash` and its content still hashes to it. */
export function isOnChain(db: Database, at: Head): boolean {
  const row = db
    .prepare<[number], JournalEntry>(
      'SELECT seq, at, kind, ref, body, prev_hash, hash FROM journal WHERE seq = ?',
    )
    .get(at.seq);
  return row !== undefined && row.hash === at.hash && entryHash(row) === row.hash;
}

/**
 * Records `to` as verified. Call only with the head of a verification that checked every entry up to it:
 * from the genesis, or from the checkpoint it replaces. Moves forward only, unless the stored checkpoint is
 * no longer on the chain (then a walk from the genesis replaces it). Returns whether it was written.
 */
export function advanceCheckpoint(db: Database, to: Head, fromGenesis: boolean): boolean {
  if (to.seq <= 0) return false;
  return db.transaction((): boolean => {
    const current = readCheckpoint(db);
    const behind = current === null || current.seq < to.seq;
    const stale = fromGenesis && current !== null && !isOnChain(db, current);
    if (!behind && !stale) return false;
    db.prepare<[string, number, string]>(
      `INSERT INTO counters (name, value, hash) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value, hash = excluded.hash`,
    ).run(CHECKPOINT_KEY, to.seq, to.hash);
    return true;
  })();
}
