// The matcher's items of a day (recon_items). A re-run replaces the day's open items with the new ones and
// keeps every resolved item as it was (its key is stable: a resolution survives a re-fetch).
import type { ReconClass, ReconItemView } from '../api/contract/reconciliation';
import type { Database } from '../store/db';
import type { MatchItem } from './match';

interface ItemRow {
  id: string;
  class: ReconClass;
  reference: string | null;
  saleId: string | null;
  attemptId: string | null;
  refundId: string | null;
  localMinor: number;
  settledMinor: number;
  details: string;
  state: 'open' | 'resolved';
}

export function createReconItems(db: Database, deps: { now: () => Date; newId: () => string }) {
  const resolvedKeys = db
    .prepare<[string], string>(`SELECT item_key FROM recon_items WHERE day = ? AND state = 'resolved'`)
    .pluck();
  const dropOpen = db.prepare<[string]>(`DELETE FROM recon_items WHERE day = ? AND state = 'open'`);
  const insert = db.prepare(
    `INSERT INTO recon_items (id, day, item_key, class, reference, sale_id, attempt_id, refund_id, local_minor,
       settled_minor, details, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
  );
  const ofDay = db.prepare<[string], ItemRow>(
    `SELECT id, class, reference, sale_id AS saleId, attempt_id AS attemptId, refund_id AS refundId,
       local_minor AS localMinor, settled_minor AS settledMinor, details, state
     FROM recon_items WHERE day = ? ORDER BY class = 'matched', class, reference, item_key`,
  );

  const replace = db.transaction((day: string, items: readonly MatchItem[]) => {
    const keep = new Set(resolvedKeys.all(day));
    dropOpen.run(day);
    const at = deps.now().toISOString();
    for (const i of items) {
      if (keep.has(i.key)) continue;
      insert.run(
        deps.newId(),
        day,
        i.key,
        i.class,
        i.reference,
        i.saleId,
        i.attemptId,
        i.refundId,
        i.localMinor,
        i.settledMinor,
        JSON.stringify(i.details),
        at,
      );
    }
  });

  return {
    replace: (day: string, items: readonly MatchItem[]): void => replace.immediate(day, items),
    ofDay: (day: string): ReconItemView[] =>
      ofDay.all(day).map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> })),
  };
}
