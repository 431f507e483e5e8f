// The WAL checkpoint, run in a worker thread on its own connection (main/store/idle-maintenance.ts decides
// when). PASSIVE: it copies what it can without waiting for or blocking the till's writer, so a sale committing
// meanwhile is never held up; what it could not copy waits for the next idle moment.
import type { JobContext } from '../jobs/jobs';
import { openDatabase } from './db';

export interface CheckpointResult {
  /** frames in the WAL when it ran */
  readonly walFrames: number;
  /** frames copied into the database file */
  readonly checkpointed: number;
  /** true when another connection held a lock it needed */
  readonly busy: boolean;
}

export function checkpointDatabase(input: { readonly file: string }, _ctx: JobContext): CheckpointResult {
  const db = openDatabase(input.file, { busyTimeoutMs: 0 });
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    return { walFrames: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0, busy: (row?.busy ?? 0) !== 0 };
  } finally {
    db.close();
  }
}
