// Who is signed in at this till, held in memory (a sale reads it on the cashier's time, so no query) and
// loaded from operator_sessions at start: a restart keeps the cashier signed in, as a crash or a power cut
// should not throw them out mid-sale (the idle lock guards an unattended till, and a locked till stays locked
// across a restart). A session whose operator is gone or disabled by then is ended at load, journalled.
import type { SessionView, SignedInStatus } from '../api/contract';
import { appendJournal } from '../audit/journal';
import type { Database } from '../store/db';
import type { SignedInRef } from './approvals';
import type { Operator } from './operator-repo';
import type { SessionRepo } from './session-repo';

export interface SignedInState {
  current(): SessionView | null;
  /** what the journal and a sale's attribution record */
  ref(): SignedInRef | null;
  /** who may sell now: the signed-in cashier unless the till is locked (main/sale/till-gate.ts) */
  seller(): SignedInRef | null;
  set(view: SessionView | null): void;
}

export const statusOf = (v: SessionView | null): SignedInStatus | null =>
  v ? { code: v.code, name: v.name, ...(v.locked ? { locked: true } : {}) } : null;

export function loadSignedIn(d: {
  readonly db: Database;
  readonly repo: SessionRepo;
  readonly terminalId: string;
  /** an operator on file, or training mode's demo manager */
  readonly operator: (id: string) => Operator | null;
  readonly now: () => Date;
  readonly onChange: (s: SignedInStatus | null) => void;
}): SignedInState {
  let view: SessionView | null = null;
  let ref: SignedInRef | null = null;
  const row = d.repo.open(d.terminalId);
  if (row) {
    const op = d.operator(row.operatorId);
    if (op?.active) {
      view = {
        operatorId: op.id,
        code: op.code,
        name: op.name,
        role: op.role,
        method: row.method,
        since: row.signedInAt,
        ...(row.lockedAt ? { locked: true } : {}),
      };
      ref = { operatorId: op.id, code: op.code };
    } else {
      const at = d.now().toISOString();
      d.db
        .transaction(() => {
          d.repo.end(d.terminalId, 'disabled', at);
          appendJournal(d.db, {
            at,
            kind: 'staff.signed-out',
            ref: row.id,
            body: { operatorId: row.operatorId, reason: 'disabled' },
          });
        })
        .immediate();
    }
  }
  d.onChange(statusOf(view));
  return {
    current: () => view,
    ref: () => ref,
    seller: () => (view?.locked ? null : ref),
    set(next) {
      view = next;
      ref = next ? { operatorId: next.operatorId, code: next.code } : null;
      d.onChange(statusOf(next));
    },
  };
}
