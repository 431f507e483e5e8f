// How long finished print jobs are kept. A job row only says what to print and how it went: once printed (or
// cancelled) and older than this, it goes; its sale or refund stays, and a reprint renders from it again.
import type { MaintenanceTask } from '../../store/idle-maintenance';
import type { JobRepo } from './job-repo';

export const PRINT_JOB_RETENTION_DAYS = 14;
const BATCH = 200;

export function printJobRetention(jobs: JobRepo, days = PRINT_JOB_RETENTION_DAYS): MaintenanceTask {
  return {
    name: 'print-jobs',
    step: (now) => jobs.pruneFinished(new Date(now.getTime() - days * 86_400_000).toISOString(), BATCH),
  };
}
