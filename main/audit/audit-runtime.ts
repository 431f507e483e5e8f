// The journal's checks as the host runs them: at start-up the bounded walk after the verified checkpoint
// (start-check.ts), and while the till is idle the checkpoint moved up to the head (checkpoint-task.ts). A
// broken chain never stops selling, but the manager must see it (it means the journal was edited): it is
// logged here and shown on the status bar (main/status/storage-status.ts); the full walk is maintenance's.
import type { Logger } from '../../native/log/logger';
import type { Database } from '../store/db';
import type { MaintenanceTask } from '../store/idle-maintenance';
import { journalCheckpointTask } from './checkpoint-task';
import type { JournalVerdict } from './journal';
import { verifyJournalAtStartup } from './start-check';

export interface JournalChecks {
  /** the verdict of the walk at start-up */
  readonly atStart: JournalVerdict;
  readonly idleTasks: readonly MaintenanceTask[];
}

export function checkJournal(db: Database, log: Logger): JournalChecks {
  const broken = (seq: number, reason: string): void =>
    log('error', 'journal verification failed', { seq, reason });
  const { verdict } = verifyJournalAtStartup(db);
  if (!verdict.ok) broken(verdict.seq, verdict.reason);
  return { atStart: verdict, idleTasks: [journalCheckpointTask(db, broken)] };
}
