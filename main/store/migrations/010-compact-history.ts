// Version 10: what the till reads on every sale, kept so it never walks history
// (docs/decisions/0014-history-that-stays-fast.md).
// 1. `printer.status` shows the newest error of any print job: only jobs that have one are in this index (a
//    job printed cleanly clears it), so it stays small whatever the history.
// 2. The last sale (main/sale/last-sale.ts) becomes a counters row written by each sale's commit, seeded here
//    from the journal: the newest 'sale.completed' entry (its seq, and the sale id in `hash`).
// 3. The receipt search index stops merging its segments inside sale commits (automerge 0): the till merges
//    them while idle (main/sale/receipt-search-merge.ts).
import type { Migration } from './types';

export const m010CompactHistory: Migration = {
  version: 10,
  name: 'compact-history',
  sql: `
CREATE INDEX print_jobs_errors ON print_jobs(updated_at, id) WHERE last_error IS NOT NULL;
INSERT INTO counters (name, value, hash)
  SELECT 'sale.last', seq, ref FROM journal WHERE kind = 'sale.completed' ORDER BY seq DESC LIMIT 1;
INSERT INTO receipt_search (receipt_search, rank) VALUES ('automerge', 0);
`,
};
