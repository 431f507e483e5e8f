// The journal entry of an action a manager approved, naming who approved it, in its own transaction: for
// actions that write nothing else (a store check or backup asked for from the UI).
import { appendJournal } from '../audit/journal';
import type { Database } from '../store/db';
import { approvedBy, type Approver } from './approvals';

export type ApprovedActionJournal = (kind: string, approver: Approver, body: Record<string, unknown>) => void;

export function journalApprovedAction(db: Database, now: () => Date): ApprovedActionJournal {
  return (kind, approver, body) =>
    db
      .transaction(() =>
        appendJournal(db, {
          at: now().toISOString(),
          kind,
          ref: null,
          body: { ...body, approvedBy: approvedBy(approver) },
        }),
      )
      .immediate();
}
