// The matcher's items of a day (recon_items). A re-run replaces the day's open items with the new ones and
// keeps every resolved item as it was (its key is stable: a resolution survives a re-fetch). Each item is read
// with its resolution (recon_resolutions by its item_id index): one indexed read per day.
import type { ReconItemView, ReconResolutionView, ResolutionAction } from '../api/contract/reconciliation';
import type { Database } from '../store/db';
import type { MatchItem } from './match';

/** recon_items' columns as read (details still JSON), with its resolution's columns when it has one */
export interface ItemRow extends Omit<ReconItemView, 'details' | 'resolution'> {
  details: string;
  action: ResolutionAction | null;
  note: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

/** an item row as the screen sees it: details parsed, the resolution as journalled (who: id, code, name) */
export function itemView(r: ItemRow): ReconItemView {
  const { action, note, resolvedBy, resolvedAt, details, ...item } = r;
  let resolution: ReconResolutionView | null = null;
  if (action !== null && note !== null && resolvedBy !== null && resolvedAt !== null) {
    const by = JSON.parse(resolvedBy) as { operatorId: string; code: string; name: string };
    resolution = { action, note, by: { id: by.operatorId, code: by.code, name: by.name }, at: resolvedAt };
  }
  return { ...item, details: JSON.parse(details) as Record<string, unknown>, resolution };
}

/** the columns of an item with its resolution (`i`: recon_items, `r`: recon_resolutions LEFT JOINed) */
export const ITEM_COLUMNS = `i.id, i.class, i.reference, i.sale_id AS saleId, i.attempt_id AS attemptId,
  i.refund_id AS refundId, i.local_minor AS localMinor, i.settled_minor AS settledMinor, i.details, i.state,
  r.action, r.note, r.resolved_by AS resolvedBy, r.resolved_at AS resolvedAt`;

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
    `SELECT ${ITEM_COLUMNS}
     FROM recon_items i LEFT JOIN recon_resolutions r ON r.item_id = i.id
     WHERE i.day = ? ORDER BY i.class = 'matched', i.class, i.reference, i.item_key`,
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
    ofDay: (day: string): ReconItemView[] => ofDay.all(day).map(itemView),
  };
}
