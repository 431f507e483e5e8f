// The receipt search index (FTS5, migration 009) gets a new small segment at every sale's commit. FTS5 would
// merge segments inside whichever commit crosses its threshold; migration 010 turns that off (automerge = 0),
// and this merges them while the till is idle instead, a bounded amount of work per step, so no sale waits on
// it. (FTS5 still merges on its own past 16 segments of one level, a bound if the till is never idle.)
import type { Database } from '../store/db';
import type { MaintenanceTask } from '../store/idle-maintenance';

/** Pages of merge work per step: a few ms. */
const PAGES_PER_STEP = 64;

export function receiptSearchMerge(db: Database): MaintenanceTask {
  const total = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
  const merge = db.prepare(
    `INSERT INTO receipt_search (receipt_search, rank) VALUES ('merge', ${PAGES_PER_STEP})`,
  );
  return {
    name: 'receipt-search',
    step: () => {
      const before = total.get()?.n ?? 0;
      merge.run();
      // FTS5's own signal: a 'merge' that changed fewer than 2 rows found nothing to merge.
      return (total.get()?.n ?? 0) - before >= 2 ? 1 : 0;
    },
  };
}
