// The full journal walk, from the genesis, as a worker job (main/jobs/jobs.ts) on its own read-only
// connection: 0.84 s at 200,000 sales, and it ignores the checkpoint, so an edit before it is still found.
// It answers with the first break told in full (journal-report.ts), which is also a JournalVerdict.
import { openDatabase } from '../store/db';
import type { JournalReport } from '../api/contract/journal';
import { reportJournal } from './journal-report';

export interface JournalWalkContext {
  progress(done: number, total: number): void;
}

export function verifyJournalFile(input: { readonly file: string }, ctx: JournalWalkContext): JournalReport {
  const db = openDatabase(input.file, { readonly: true });
  try {
    return reportJournal(db, (done, total) => ctx.progress(done, total));
  } finally {
    db.close();
  }
}
