// Keeps the verified journal checkpoint (checkpoint.ts) close to the head while the till is idle, so the
// start-up walk finds only what was journalled since the last quiet moment, not a day's or a week's entries.
// Each step verifies the entries after the checkpoint (chained from it, re-hashed) and moves it to the head;
// a store with no checkpoint yet gets one from a walk of the genesis while the journal is still small (a large
// one waits for the daily full walk in a worker, which sets it). A broken chain moves nothing: the start-up
// check and the full walk report it on the status bar.
import type { Database } from '../store/db';
import type { MaintenanceTask } from '../store/idle-maintenance';
import { advanceCheckpoint, readCheckpoint } from './checkpoint';
import { verifyJournal } from './journal';
import { STARTUP_WALK_LIMIT } from './start-check';

export function journalCheckpointTask(
  db: Database,
  onBroken: (seq: number, reason: string) => void,
): MaintenanceTask {
  const newest = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM journal');
  let reported = -1;
  return {
    name: 'journal-checkpoint',
    step: () => {
      const head = newest.get()?.seq ?? 0;
      const from = readCheckpoint(db);
      if (from === null ? head === 0 || head > STARTUP_WALK_LIMIT : head <= from.seq) return 0;
      const verdict = verifyJournal(db, from === null ? {} : { from });
      if (!verdict.ok) {
        if (verdict.seq !== reported) onBroken(verdict.seq, verdict.reason);
        reported = verdict.seq;
        return 0;
      }
      advanceCheckpoint(db, { seq: verdict.entries, hash: verdict.head }, from === null);
      return 0; // caught up: nothing more until the next entries
    },
  };
}
