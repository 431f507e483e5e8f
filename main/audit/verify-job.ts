// The full journal walk, from the genesis, as a worker job (main/jobs/jobs.ts) on its own read-only
// connection: 0.84 s at 200,000 sales, and it ignores the checkpoint, so an edit before it is still found.
import { openDatabase } from '../store/db';
import { verifyJournal, type JournalVerdict } from './journal';

export interface JournalWalkContext {
  progress(done: number, total: number): void;
}

export function verifyJournalFile(input: { readonly file: string }, ctx: JournalWalkContext): JournalVerdict {
  const db = openDatabase(input.file, { readonly: true });
  try {
    return verifyJournal(db, { onProgress: (done, total) => ctx.progress(done, total) });
  } finally {
    db.close();
  }
}
