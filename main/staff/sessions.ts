// Signing in and out at the till. A sign-in is the operator's own code and PIN, checked exactly as a manager's
// approval is (approvals.ts `verify`: the same answer for an unknown code and a wrong PIN, the same work, the
// same escalating lock, every refusal journalled), or a staff badge naming the code plus the PIN (badge.ts).
// Signing in ends whoever was signed in at this till ('replaced'). Each change is one transaction: the
// session row, its journal entry and, when the cashier changes, the cart handed over (cart-handover.ts: the
// open cart parked for whoever signed in last, the new cashier's parked cart back). Locking keeps the session
// (and so the cart's owner) and stops selling until a sign-in: the same cashier unlocks, another switches.
import type { SessionView, SignInMethod } from '../api/contract';
import { appendJournal } from '../audit/journal';
import type { Database } from '../store/db';
import type { ApprovalInput, Approvals } from './approvals';
import { mustBadgeCode } from './badge';
import type { CartHandoverPort } from './cart-handover';
import type { SessionRepo } from './session-repo';
import type { SignedInState } from './signed-in';

export interface Sessions {
  signIn(input: ApprovalInput, method?: SignInMethod): SessionView;
  /** A scanned badge (`STAFF:<code>`) and the PIN typed after it. */
  signInBadge(badge: string, pin: string): SessionView;
  signOut(): null;
  /** Locks the till (idle, or asked for); null when nobody is signed in. */
  lock(): SessionView | null;
  current(): SessionView | null;
  /** A manager disabled this operator: if they are signed in here, they are not any more. */
  operatorDisabled(operatorId: string): void;
}

export function createSessions(d: {
  readonly db: Database;
  readonly repo: SessionRepo;
  readonly state: SignedInState;
  readonly approvals: Pick<Approvals, 'verify'>;
  readonly terminalId: string;
  readonly now: () => Date;
  readonly newId: () => string;
  /** the till's cart when the cashier changes (provided by sale); absent: the cart stays as it is */
  readonly handover?: CartHandoverPort | undefined;
}): Sessions {
  const { db, repo, state, terminalId } = d;
  const journal = (kind: string, ref: string, body: Record<string, unknown>, at: string): void => {
    appendJournal(db, { at, kind, ref, body: { ...body, terminalId } });
  };

  const signIn = (input: ApprovalInput, method: SignInMethod = 'pin'): SessionView => {
    const op = d.approvals.verify(input);
    const at = d.now().toISOString();
    const id = d.newId();
    const before = state.ref();
    const unlocked = state.current()?.locked === true && before?.operatorId === op.operatorId;
    db.transaction(() => {
      const cart = d.handover?.handOver(repo.lastOperator(terminalId), op.operatorId);
      repo.end(terminalId, 'replaced', at);
      repo.insert(terminalId, { id, operatorId: op.operatorId, method, signedInAt: at });
      const parked = cart?.parked ? { parked: cart.parked } : {};
      const restored = cart?.restored ? { restored: cart.restored } : {};
      journal(
        'staff.signed-in',
        id,
        {
          ...{ operatorId: op.operatorId, code: op.code, method, ...parked, ...restored },
          ...(before ? { replaced: before } : {}),
          ...(unlocked ? { unlocked } : {}),
        },
        at,
      );
    }).immediate();
    const view: SessionView = { ...op, method, since: at };
    state.set(view);
    d.handover?.announce();
    return view;
  };

  const end = (reason: 'sign-out' | 'disabled'): null => {
    const was = state.ref();
    if (!was) return null;
    const at = d.now().toISOString();
    db.transaction(() => {
      const open = repo.open(terminalId);
      repo.end(terminalId, reason, at);
      journal('staff.signed-out', open?.id ?? was.operatorId, { ...was, reason }, at);
    }).immediate();
    state.set(null);
    return null;
  };

  return {
    signIn,
    signInBadge: (badge, pin) => signIn({ operatorCode: mustBadgeCode(badge), pin }, 'badge'),
    signOut: () => end('sign-out'),
    lock() {
      const was = state.current();
      if (!was || was.locked) return was;
      const at = d.now().toISOString();
      db.transaction(() => {
        const open = repo.open(terminalId);
        repo.lock(terminalId, at);
        journal(
          'staff.locked',
          open?.id ?? was.operatorId,
          { operatorId: was.operatorId, code: was.code },
          at,
        );
      }).immediate();
      const view: SessionView = { ...was, locked: true };
      state.set(view);
      return view;
    },
    current: () => state.current(),
    operatorDisabled(operatorId) {
      if (state.ref()?.operatorId === operatorId) end('disabled');
    },
  };
}
