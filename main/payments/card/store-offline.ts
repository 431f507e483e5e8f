// A card payment taken while the gateway cannot be reached (store-and-forward): within the offline policy, ONE
// transaction stores the attempt with the exact request to forward later, writes the sale through the one
// checkout, queues the forward for the sync worker and journals it (a manager's override of the caps is counted
// in the day's totals there too, for the sale's shift and cashier). Also the pieces the online path shares:
// the authorization request for a card read, the card tender of a settled attempt, the stored totals.
import type { Database } from '../../store/db';
import { formatMajor } from '../../api/money';
import { PosFailure } from '../../api/result';
import { appendJournal } from '../../audit/journal';
import { enqueueOutbox } from '../../outbox/enqueue';
import type { Checkout } from '../../sale/checkout';
import { approvedBy, type Approver } from '../../staff/approvals';
import { createEventCounter } from '../../totals/counted-events';
import type { Attempt, AttemptRepo } from '../attempts/attempt-repo';
import { OPEN_ATTEMPTS_SQL } from '../attempts/states';
import { writePaymentSale, type TenderFacts } from '../settled-sale';
import { checkOffline, type OfflinePolicy, type PolicyVerdict } from '../offline/policy';
import type {
  AuthorizeRequest,
  CardData,
  CardFacts,
  EntryMode,
  Payment,
} from '../../gateway/protocol/schemas';

/** What a reader produced: ciphertext (or a sealed envelope) plus the facts the POS may keep. */
export interface CardRead {
  readonly entryMode: EntryMode;
  readonly data: CardData;
  readonly facts: CardFacts;
}

export interface StoredPayments {
  count: number;
  amountMinor: number;
  oldestAt: string | null;
  nextDeadline: string | null;
}

/** The stored (offline) payments not yet final: count, amount, the oldest and the next deadline. */
export function createStoredTotals(db: Database): () => StoredPayments {
  const stmt = db.prepare<
    [],
    { n: number; total: number | null; oldest: string | null; next: string | null }
  >(
    `SELECT count(*) AS n, sum(amount_minor) AS total, min(stored_at) AS oldest, min(forward_deadline) AS next
     FROM payment_attempts WHERE ${OPEN_ATTEMPTS_SQL} AND state IN ('stored', 'forwarding', 'forward_unknown')`,
  );
  return () => {
    const r = stmt.get();
    return {
      count: r?.n ?? 0,
      amountMinor: r?.total ?? 0,
      oldestAt: r?.oldest ?? null,
      nextDeadline: r?.next ?? null,
    };
  };
}

/** The authorization request for a card read; the same shape online and (with storedOffline) forwarded. */
export const authorizeBody = (
  a: Attempt,
  read: CardRead,
  storedOffline?: AuthorizeRequest['storedOffline'],
): AuthorizeRequest => ({
  reference: a.id,
  amountMinor: a.amountMinor,
  currency: a.currency,
  capture: true,
  entryMode: read.entryMode,
  card: read.data,
  cardFacts: read.facts,
  ...(storedOffline ? { storedOffline } : {}),
});

/** The card tender of an attempt whose money is settled (approved online, or stored offline). */
export const cardTender = (a: Attempt, payment: Payment | null, stored: boolean): TenderFacts => ({
  brand: a.card?.brand ?? null,
  last4: a.card?.last4 ?? null,
  authCode: payment?.authCode ?? null,
  storedOffline: stored,
});

/** OFFLINE_LIMIT, naming the cap that was reached in the shop's terms. */
function offlineRefusal(
  verdict: Extract<PolicyVerdict, { ok: false }>,
  policy: OfflinePolicy,
  currency: string,
): PosFailure {
  const money = (m: number): string => `${formatMajor(m, currency)} ${currency}`;
  const cap =
    verdict.limit === 'perPayment'
      ? money(policy.perPaymentCapMinor)
      : verdict.limit === 'total'
        ? money(policy.totalCapMinor)
        : verdict.limit === 'count'
          ? String(policy.countCap)
          : '';
  return new PosFailure('OFFLINE_LIMIT', `Offline payment refused: ${verdict.limit}`, {
    limit: verdict.limit,
    overridable: verdict.overridable,
    cap,
    ...verdict.detail,
  });
}

export interface OfflineStoreDeps {
  readonly db: Database;
  readonly attempts: AttemptRepo;
  readonly checkout: Checkout;
  readonly policy: OfflinePolicy;
  readonly now: () => Date;
  readonly storedTotals: () => StoredPayments;
}

/** Stores a `created` attempt offline with its sale and its forward, in one IMMEDIATE transaction. */
export function createOfflineStore(deps: OfflineStoreDeps) {
  const { db, attempts } = deps;
  const count = createEventCounter(db);
  const store = db.transaction(
    (a: Attempt, read: CardRead, input: { contact: string; override: Approver | null }) => {
      const now = deps.now();
      const storedAt = now.toISOString();
      const deadline = new Date(now.getTime() + deps.policy.forwardDeadlineHours * 3_600_000).toISOString();
      const body = authorizeBody(a, read, { storedAt, deadline });
      const verdict = checkOffline(
        deps.policy,
        { amountMinor: a.amountMinor, entryMode: read.entryMode, brand: read.facts.brand },
        deps.storedTotals(),
        input.override !== null,
      );
      if (!verdict.ok) throw offlineRefusal(verdict, deps.policy, a.currency);
      const overridden = input.override !== null && verdict.overridden.length > 0 ? input.override : null;
      const moved = attempts.move(a.id, 'created', 'stored', {
        mode: 'offline',
        entryMode: read.entryMode,
        card: read.facts,
        requestBody: JSON.stringify(body),
        storedAt,
        forwardDeadline: deadline,
        customerContact: input.contact,
        ...(overridden ? { overrideBy: JSON.stringify(approvedBy(overridden)) } : {}),
      });
      const sale = writePaymentSale(deps, moved, cardTender(moved, null, true));
      enqueueOutbox(db, {
        kind: 'payment.forward',
        key: moved.idempotencyKey,
        ref: a.id,
        body: { attemptId: a.id },
        at: storedAt,
      });
      appendJournal(db, {
        at: storedAt,
        kind: 'payment.stored-offline',
        ref: a.id,
        body: {
          attemptId: a.id,
          saleId: sale.saleId,
          amountMinor: a.amountMinor,
          deadline,
          last4: read.facts.last4,
          ...(overridden
            ? { override: { limits: verdict.overridden, approvedBy: approvedBy(overridden) } }
            : {}),
        },
      });
      if (overridden) count('override', deps.checkout.attribution());
      return { attempt: attempts.byId(a.id) ?? moved, sale };
    },
  );
  return store;
}
