// Version 9: the receipts screen's searches, each served by an index, so none walks the sales history
// (docs/decisions/0015-receipts-search.md).
// - `receipt_search`: an FTS5 trigram index over each receipt number followed by '$$'. A fragment of 3+
//   characters is found by `doc LIKE '%frag%'` (FTS5 narrows by trigrams, then checks the stored text, so
//   detail=none is enough: ~20 bytes a sale less than detail=full). The '$$' end mark puts trigrams such as
//   '27$' and '7$$' in the index, so a 1-2 character query finds the receipts that END with it. Its rowid is
//   the insertion order (existing sales by time, then commit order): fragment results page by it.
//   Kept by a trigger on `sales`, inside whatever transaction writes the sale. Receipt numbers are printed,
//   so they never change: an UPDATE of one is refused rather than leaving the index stale.
// - `sales_total`: an amount search, newest first, read in index order (no sort of every sale of that amount).
// - `payment_attempts_last4`: card last four; partial, so cash and QR payments add nothing to it.
import type { Migration } from './types';

export const m009ReceiptSearch: Migration = {
  version: 9,
  name: 'receipt-search',
  sql: `
CREATE VIRTUAL TABLE receipt_search USING fts5(doc, tokenize = 'trigram', detail = none, columnsize = 0);
INSERT INTO receipt_search (doc) SELECT receipt_no || '$$' FROM sales ORDER BY completed_at, id;
CREATE TRIGGER sales_receipt_search AFTER INSERT ON sales
  BEGIN INSERT INTO receipt_search (doc) VALUES (new.receipt_no || '$$'); END;
CREATE TRIGGER sales_receipt_no_fixed BEFORE UPDATE OF receipt_no ON sales WHEN new.receipt_no <> old.receipt_no
  BEGIN SELECT RAISE(ABORT, 'a receipt number never changes'); END;

CREATE INDEX sales_total ON sales(total_minor, completed_at);
CREATE INDEX payment_attempts_last4 ON payment_attempts(last4) WHERE last4 IS NOT NULL;
`,
};
