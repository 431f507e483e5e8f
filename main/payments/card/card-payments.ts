// Where a card payment is decided: online authorization, store-and-forward when the gateway cannot be
// reached, and what an unknown outcome means. One attempt per try; the attempt blocks its cart while money may
// be moving, so the amount cannot change under it and no second attempt can start (states.ts).
//
// The sale is written in the SAME transaction that records the approval (or the offline storing), so an
// approved payment always has its sale and a sale never exists without its payment. A crash between sending
// and hearing back leaves the attempt `authorizing`; at start-up that becomes `unknown`, and the resolver
// looks it up by reference before anything else happens.
import type { Database } from '../../store/db';
import type { SaleView } from '../../api/contract';
import { PosFailure } from '../../api/result';
import { appendJournal } from '../../audit/journal';
import type { Checkout } from '../../sale/checkout';
import type { Approver } from '../../staff/approvals';
import type { Attempt, AttemptRepo } from '../attempts/attempt-repo';
import type { GatewayClient, Outcome } from '../../gateway/client';
import type { OfflinePolicy } from '../offline/policy';
import type { AuthorizeRequest, Payment } from '../../gateway/protocol/schemas';
import { writeApprovedSale } from '../settled-sale';
import { paymentLocks } from '../tender-locks';
import {
  authorizeBody,
  createOfflineStore,
  createStoredTotals,
  cardTender,
  type CardRead,
  type StoredPayments,
} from './store-offline';

export interface StartCardInput {
  readonly cartId: string;
  readonly cartVersion: number;
  /** asked for when the payment may be taken offline (a decline after forwarding must reach the customer) */
  readonly customerContact?: string | undefined;
  /** a manager's approval to go over the offline amount/count caps (payments.offlineOverride) */
  readonly override?: Approver | undefined;
}

export type CardResult =
  | { readonly outcome: 'approved'; readonly attempt: Attempt; readonly sale: SaleView }
  | { readonly outcome: 'stored'; readonly attempt: Attempt; readonly sale: SaleView }
  | { readonly outcome: 'declined'; readonly attempt: Attempt }
  | { readonly outcome: 'unknown'; readonly attempt: Attempt };

export interface Connectivity {
  /** false while the circuit breaker is open: go offline without waiting for a timeout */
  online(): boolean;
  report(outcome: Outcome<unknown>): void;
}

export interface CardPaymentDeps {
  readonly db: Database;
  readonly attempts: AttemptRepo;
  /** opens the cart for tender and writes the sale (main/sale/checkout.ts) */
  readonly checkout: Checkout;
  readonly gateway: () => GatewayClient | null;
  readonly connectivity: Connectivity;
  readonly policy: OfflinePolicy;
  readonly now: () => Date;
  readonly newId: () => string;
  /** after any attempt change (status bar, recovery screen) */
  readonly onChange?: (attempt: Attempt) => void;
}

export interface CardPayments {
  start(input: StartCardInput): Attempt;
  /** The reader's data for a `created` attempt: authorize online, or store offline within the policy. */
  submit(attemptId: string, read: CardRead): Promise<CardResult>;
  cancel(attemptId: string): Attempt;
  /** Looks an unknown attempt up by reference and settles it (resends it if the gateway never saw it). */
  resolve(attemptId: string): Promise<CardResult>;
  /** Start-up: an attempt left `authorizing` by a crash may have reached the gateway: it is unknown. */
  recoverAfterCrash(): number;
  /**
   * While running: an attempt `authorizing` with no request in flight lost its answer on the way to the disk
   * (e.g. a full disk when the gateway had approved): unknown, to be looked up like one found at start-up.
   */
  recoverStranded(): number;
  /** The stored (offline) payments: count and amount, for the policy and the status bar. */
  storedTotals(): StoredPayments;
}

const CONTACT = /^(\+?[0-9][0-9 -]{5,19}|[^@\s]{1,64}@[^@\s]{1,190})$/;

export function createCardPayments(deps: CardPaymentDeps): CardPayments {
  const { db, attempts } = deps;
  const changed = (a: Attempt): Attempt => {
    deps.onChange?.(a);
    return a;
  };
  const storedTotals = createStoredTotals(db);
  const storeOffline = createOfflineStore({ ...deps, storedTotals });

  /** The attempt, which must be in `state` (another path may have moved it on meanwhile). */
  const attemptIn = (attemptId: string, state: Attempt['state']): Attempt => {
    const a = attempts.byId(attemptId);
    if (!a) throw new PosFailure('NOT_FOUND', `No payment ${attemptId}`, { attemptId });
    if (a.state !== state) {
      throw new PosFailure('PAYMENT_STATE_CHANGED', `Payment ${attemptId} is ${a.state}, not ${state}`, {
        attemptId,
        state: a.state,
      });
    }
    return a;
  };

  const settleApproved = db.transaction((a: Attempt, from: 'authorizing' | 'unknown', p: Payment) => {
    const moved = attempts.move(a.id, from, 'approved', {
      gatewayId: p.paymentId,
      authCode: p.authCode,
      responseCode: p.responseCode,
      message: p.message,
    });
    const sale = writeApprovedSale(deps, moved, cardTender(moved, p, false), {
      gatewayId: p.paymentId,
      last4: moved.card?.last4 ?? null,
    });
    return { attempt: attempts.byId(a.id) ?? moved, sale };
  });

  const settleDeclined = db.transaction(
    (
      a: Attempt,
      from: 'authorizing' | 'unknown',
      code: string,
      message: string,
      gatewayId: string | null,
    ) => {
      const moved = attempts.move(a.id, from, 'declined', { responseCode: code, message, gatewayId });
      appendJournal(db, {
        at: deps.now().toISOString(),
        kind: 'payment.declined',
        ref: a.id,
        body: { attemptId: a.id, amountMinor: a.amountMinor, responseCode: code, message },
      });
      return moved;
    },
  );

  const toResult = async (
    a: Attempt,
    from: 'authorizing' | 'unknown',
    outcome: Outcome<Payment>,
  ): Promise<CardResult> => {
    deps.connectivity.report(outcome);
    switch (outcome.kind) {
      case 'ok': {
        const p = outcome.value;
        if (p.status === 'approved') {
          const { attempt, sale } = settleApproved.immediate(a, from, p);
          return { outcome: 'approved', attempt: changed(attempt), sale };
        }
        return {
          outcome: 'declined',
          attempt: changed(settleDeclined.immediate(a, from, p.responseCode, p.message, p.paymentId)),
        };
      }
      case 'rejected':
        // A definite "not done" (bad card data, ...): the attempt ends, the cart is free for another try.
        return {
          outcome: 'declined',
          attempt: changed(settleDeclined.immediate(a, from, outcome.code, outcome.message, null)),
        };
      case 'unreachable':
      case 'unknown': {
        // Unreachable from 'authorizing' means nothing left: back to created so it can be stored offline.
        if (outcome.kind === 'unreachable' && from === 'authorizing') {
          return {
            outcome: 'unknown',
            attempt: changed(attempts.move(a.id, 'authorizing', 'created', { message: outcome.reason })),
          };
        }
        const moved =
          from === 'unknown'
            ? (attempts.byId(a.id) ?? a)
            : attempts.move(a.id, from, 'unknown', { message: outcome.reason });
        return { outcome: 'unknown', attempt: changed(moved) };
      }
    }
  };

  const start: CardPayments['start'] = (input) =>
    changed(
      db
        .transaction((): Attempt => {
          const contact = input.customerContact?.trim() ?? '';
          // The same cart's attempt still waiting for its card (e.g. the gateway went away at the swipe and the
          // contact is now given): that attempt goes on; nothing was charged under it.
          let waiting: Attempt | null = null;
          const { cart, view } = deps.checkout.open(input, {
            check: () => {
              if (contact !== '' && !CONTACT.test(contact)) {
                throw new PosFailure('CONTACT_REQUIRED', 'A phone number or an e-mail address is needed');
              }
            },
            locks: paymentLocks(attempts, (b) => {
              const goesOn =
                b.state === 'created' && b.kind === 'card' && b.cartVersion === input.cartVersion;
              if (goesOn) waiting = b;
              return goesOn;
            }),
          });
          if (waiting !== null) {
            const w: Attempt = waiting;
            return contact === '' ? w : attempts.setContact(w.id, contact);
          }
          return attempts.insert({
            id: deps.newId(),
            kind: 'card',
            mode: 'online',
            cartId: cart.id,
            cartVersion: cart.version,
            amountMinor: view.totals.totalMinor,
            currency: view.currency,
            customerContact: contact === '' ? null : contact,
          });
        })
        .immediate(),
    );

  const overrides = new Map<string, Approver>();

  // Card attempts with an authorization request out right now (this process): the others left `authorizing`
  // are stranded (recoverStranded).
  const inFlight = new Set<string>();
  const authorize = async (
    client: GatewayClient,
    a: Attempt,
    body: AuthorizeRequest,
  ): Promise<Outcome<Payment>> => {
    inFlight.add(a.id);
    try {
      return await client.authorize(body, a.idempotencyKey);
    } catch (e) {
      // The client classifies every answer; a throw is a bug below it, after the request may have gone out.
      return { kind: 'unknown', reason: e instanceof Error ? e.message : String(e) };
    } finally {
      inFlight.delete(a.id);
    }
  };
  /** At start-up every `authorizing` attempt (card or QR); while running, only cards not in flight here. */
  const strandedToUnknown = (message: string, running: boolean): number => {
    const stuck = attempts
      .inStates(['authorizing'])
      .filter((a) => !running || (a.kind === 'card' && !inFlight.has(a.id)));
    if (stuck.length === 0) return 0;
    db.transaction(() => {
      for (const a of stuck) attempts.move(a.id, 'authorizing', 'unknown', { message });
    }).immediate();
    if (running) for (const a of stuck) deps.onChange?.(attempts.byId(a.id) ?? a);
    return stuck.length;
  };

  return {
    start(input) {
      const a = start(input);
      if (input.override) overrides.set(a.id, input.override);
      return a;
    },
    async submit(attemptId, read) {
      const a = attemptIn(attemptId, 'created');
      const client = deps.gateway();
      if (client && deps.connectivity.online()) {
        const body = authorizeBody(a, read);
        const text = JSON.stringify(body);
        // Committed before the request leaves: after a crash the attempt is found and looked up.
        const sending = changed(
          db
            .transaction(() =>
              attempts.move(a.id, 'created', 'authorizing', {
                entryMode: read.entryMode,
                card: read.facts,
                requestBody: text,
              }),
            )
            .immediate(),
        );
        const result = await toResult(sending, 'authorizing', await authorize(client, a, body));
        // Nothing left the till: fall through to store-and-forward with the same card read.
        if (!(result.outcome === 'unknown' && result.attempt.state === 'created')) return result;
      }
      const again = attempts.byId(attemptId) ?? a;
      const contact = again.customerContact;
      if (contact === null) {
        throw new PosFailure('CONTACT_REQUIRED', 'The gateway is offline: the customer contact is needed', {
          attemptId,
        });
      }
      const { attempt, sale } = storeOffline.immediate(again, read, {
        contact,
        override: overrides.get(attemptId) ?? null,
      });
      overrides.delete(attemptId);
      return { outcome: 'stored', attempt: changed(attempt), sale };
    },
    cancel(attemptId) {
      attemptIn(attemptId, 'created');
      overrides.delete(attemptId);
      return changed(db.transaction(() => attempts.move(attemptId, 'created', 'cancelled')).immediate());
    },
    async resolve(attemptId) {
      const a = attemptIn(attemptId, 'unknown');
      const client = deps.gateway();
      if (!client) throw new PosFailure('GATEWAY_UNREACHABLE', 'No gateway is configured');
      const found = await client.lookupPayment(a.id);
      deps.connectivity.report(found);
      if (found.kind !== 'ok') return { outcome: 'unknown', attempt: a };
      if (found.value !== null) return toResult(a, 'unknown', { kind: 'ok', value: found.value });
      // The gateway never saw it: send the very same request again under the same key.
      if (a.requestBody === null)
        throw new PosFailure('INTERNAL', `payment ${a.id} has no request to resend`);
      const body = JSON.parse(a.requestBody) as AuthorizeRequest;
      const sending = changed(
        db.transaction(() => attempts.move(a.id, 'unknown', 'authorizing')).immediate(),
      );
      const outcome = await authorize(client, a, body);
      if (outcome.kind === 'unreachable') {
        // It was not sent this time either; it stays unknown (it may yet be stored, never silently dropped).
        deps.connectivity.report(outcome);
        return {
          outcome: 'unknown',
          attempt: changed(attempts.move(a.id, 'authorizing', 'unknown', { message: outcome.reason })),
        };
      }
      return toResult(sending, 'authorizing', outcome);
    },
    recoverAfterCrash: () => strandedToUnknown('the app stopped while waiting for the gateway', false),
    recoverStranded: () => strandedToUnknown('its answer was not recorded', true),
    storedTotals,
  };
}
