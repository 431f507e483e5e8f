// Version 10: what the print queue's status needs, indexed, so it never walks the printed history
// (docs/decisions/0014-history-that-stays-fast.md). `printer.status` shows the newest error of any job: only
// jobs that have one are in this index (a job printed cleanly clears it), so it stays small whatever the history.
import type { Migration } from './types';

export const m010CompactHistory: Migration = {
  version: 10,
  name: 'compact-history',
  sql: `
CREATE INDEX print_jobs_errors ON print_jobs(updated_at, id) WHERE last_error IS NOT NULL;
`,
};
