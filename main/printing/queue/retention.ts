// How long finished print jobs are kept. A job row only says what to print and how it went: once printed (or
// cancelled) and older than this, it goes; its sale or refund stays, and a reprint renders from it again.
import { retentionTask, type MaintenanceTask } from '../../store/idle-maintenance';
import type { JobRepo } from './job-repo';

export const PRINT_JOB_RETENTION_DAYS = 14;

export const printJobRetention = (jobs: JobRepo, days = PRINT_JOB_RETENTION_DAYS): MaintenanceTask =>
  retentionTask('print-jobs', days, jobs.pruneFinished);
