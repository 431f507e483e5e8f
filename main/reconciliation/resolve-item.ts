// Resolving one difference of a day: in ONE transaction the recon_resolutions row, the item marked resolved
// and its 'recon.resolved' journal entry (who approved, the action, the note, what the item was). When that
// leaves the day with no open difference, the moment is journalled too ('recon.day-reconciled'): once per
// time the day becomes reconciled (a re-run of reconcile that finds new differences opens it again).
import type { ReconItemView, ResolutionAction } from '../api/contract/reconciliation';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import type { Database } from '../store/db';
import { approvedBy, type Approver } from '../staff/approvals';
import { actionFits } from './resolution-rules';

/** the item resolved, as journalled: its facts without the details, and its day */
interface Item extends Omit<ReconItemView, 'details' | 'resolution'> {
  day: string;
}

export interface DayStatus {
  readonly reconciled: boolean;
  readonly open: number;
  readonly resolved: number;
}

export interface ResolveInput {
  readonly itemId: string;
  readonly action: ResolutionAction;
  readonly note: string;
}

const refuse = (reason: 'matched' | 'resolved' | 'action', item: Item, action: ResolutionAction) =>
  new PosFailure('RESOLUTION_NOT_ALLOWED', `item ${item.id} (${item.class}) cannot be resolved: ${reason}`, {
    reason,
    class: item.class,
    action,
  });

export function createResolver(db: Database, deps: { now: () => Date; newId: () => string }) {
  const byId = db.prepare<[string], Item>(
    `SELECT id, day, class, reference, sale_id AS saleId, attempt_id AS attemptId, refund_id AS refundId,
       local_minor AS localMinor, settled_minor AS settledMinor, state FROM recon_items WHERE id = ?`,
  );
  const counts = db.prepare<[string], { open: number; resolved: number }>(
    `SELECT coalesce(sum(state = 'open'), 0) AS open, coalesce(sum(state = 'resolved'), 0) AS resolved
     FROM recon_items WHERE day = ? AND class <> 'matched'`,
  );
  const markResolved = db.prepare<[string, string]>(
    `UPDATE recon_items SET state = 'resolved', updated_at = ? WHERE id = ? AND state = 'open'`,
  );
  const insert = db.prepare(
    `INSERT INTO recon_resolutions (id, item_id, action, note, resolved_by, resolved_at, journal_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  function status(day: string): DayStatus {
    const c = counts.get(day) ?? { open: 0, resolved: 0 };
    return { reconciled: c.open === 0, open: c.open, resolved: c.resolved };
  }

  /** Refuses (RESOLUTION_NOT_ALLOWED / NOT_FOUND) before a manager is asked for a PIN. */
  function check(input: ResolveInput): Item {
    const item = byId.get(input.itemId);
    if (!item) throw new PosFailure('NOT_FOUND', `no reconciliation item ${input.itemId}`);
    if (item.class === 'matched') throw refuse('matched', item, input.action);
    if (item.state === 'resolved') throw refuse('resolved', item, input.action);
    if (!actionFits(input.action, item.class)) throw refuse('action', item, input.action);
    return item;
  }

  const resolve = db.transaction((input: ResolveInput, approver: Approver): string => {
    const item = check(input); // again inside the transaction: another till may have resolved it meanwhile
    const at = deps.now().toISOString();
    const by = approvedBy(approver);
    const { id, day, state: _state, ...about } = item;
    const { seq } = appendJournal(db, {
      at,
      kind: 'recon.resolved',
      ref: id,
      body: { day, itemId: id, ...about, action: input.action, note: input.note, approvedBy: by },
    });
    insert.run(deps.newId(), id, input.action, input.note, JSON.stringify(by), at, seq);
    markResolved.run(at, id);
    const after = status(day);
    // This resolution closed the last open difference: the day became reconciled now.
    if (after.reconciled) {
      appendJournal(db, {
        at,
        kind: 'recon.day-reconciled',
        ref: day,
        body: { day, resolved: after.resolved },
      });
    }
    return day;
  });

  return {
    status,
    check,
    /** the item's day */
    resolve: (input: ResolveInput, approver: Approver): string => resolve.immediate(input, approver),
  };
}
