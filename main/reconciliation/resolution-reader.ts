// How each resolved difference of a day was resolved: the action, the note, who approved it and when, read
// from recon_resolutions through its item index (the day's items by their (day, item_key) key first).
import type { ResolutionAction } from '../api/contract/reconciliation';
import type { Database } from '../store/db';

export interface ItemResolution {
  readonly action: ResolutionAction;
  readonly note: string;
  /** the approver's name (and operator code) as journalled */
  readonly by: string;
  readonly at: string;
}

interface Row {
  itemId: string;
  action: ResolutionAction;
  note: string;
  resolvedBy: string;
  resolvedAt: string;
}

/** "王经理 (900)" from the stored approvedBy JSON; the raw text if it is not that shape. */
function approverName(json: string): string {
  try {
    const by = JSON.parse(json) as { name?: unknown; code?: unknown };
    if (typeof by.name === 'string') return typeof by.code === 'string' ? `${by.name} (${by.code})` : by.name;
  } catch {
    // an older or hand-made row: shown as stored
  }
  return json;
}

export function createResolutionReader(db: Database) {
  const ofDay = db.prepare<[string], Row>(
    `SELECT r.item_id AS itemId, r.action, r.note, r.resolved_by AS resolvedBy, r.resolved_at AS resolvedAt
     FROM recon_items i JOIN recon_resolutions r ON r.item_id = i.id
     WHERE i.day = ? ORDER BY r.resolved_at`,
  );
  /** item id -> its resolution (the latest, should an item ever carry two) */
  return (day: string): ReadonlyMap<string, ItemResolution> =>
    new Map(
      ofDay
        .all(day)
        .map((r) => [
          r.itemId,
          { action: r.action, note: r.note, by: approverName(r.resolvedBy), at: r.resolvedAt },
        ]),
    );
}
