// The payment attempt lifecycle, in one place (persisted in payment_attempts.state). An attempt is one try to
// take one tender's money; its id is the gateway reference and its idempotency key is stored BEFORE the first
// request goes out, so whatever happens on the wire, the next step can ask the gateway what became of it.
//
// Online (card or QR):
//   created --request sent--> authorizing --answer--> approved | declined
//   authorizing --timeout / reset / 5xx after sending--> unknown --lookup by reference--> approved | declined
//   unknown --lookup: the gateway never saw it--> authorizing        (resent with the SAME key and body)
//   authorizing --provably not sent (no connection)--> created        (may then be stored offline, or cancelled)
//   created --cashier cancels--> cancelled
//   QR only: authorizing --"user paying"--> user_paying --poll--> approved | declined
//            user_paying | unknown --poll limit reached / unresolvable--> reversing --reversed--> cancelled
//            unknown --lookup: the gateway has no such order (yet)--> reversing  (closes the reference there)
// Offline card (store-and-forward), after the policy allowed it:
//   created --stored with the sale--> stored --sync worker sends--> forwarding --answer--> forward_approved
//   forwarding --answer: declined (or forwarded too late)--> forward_declined      (a manager alert)
//   forwarding --not sent, or refused for a reason not about the card (terminal suspended)--> stored
//   forwarding --unknown--> forward_unknown --lookup--> forward_approved |
//   forward_declined | stored (never seen: sent again with the same key)
//   stored --forward deadline passed unsent--> expired                              (a manager alert)
// No second attempt for the same cart may start while one is created/authorizing/unknown/user_paying/reversing.
import { PAYMENT_STATES, type PaymentState } from '../../api/contract';
import { PosFailure } from '../../api/result';

// The list of states is the contract's (main/api/contract/payments.ts): the UI's PaymentState IS this type, so
// a state added here is one the screen must handle, and the two cannot drift apart.
export const ATTEMPT_STATES = PAYMENT_STATES;
export type AttemptState = PaymentState;

export const ATTEMPT_TRANSITIONS: Readonly<Record<AttemptState, readonly AttemptState[]>> = {
  created: ['authorizing', 'stored', 'cancelled'],
  authorizing: ['approved', 'declined', 'unknown', 'user_paying', 'created'],
  unknown: ['approved', 'declined', 'authorizing', 'user_paying', 'reversing'],
  user_paying: ['approved', 'declined', 'unknown', 'reversing'],
  reversing: ['cancelled'],
  approved: [],
  declined: [],
  cancelled: [],
  stored: ['forwarding', 'expired'],
  forwarding: ['forward_approved', 'forward_declined', 'forward_unknown', 'stored'],
  forward_unknown: ['forward_approved', 'forward_declined', 'stored', 'forwarding'],
  forward_approved: [],
  forward_declined: [],
  expired: [],
};

/** An attempt in one of these blocks its cart: the money may be moving. */
export const BLOCKING_STATES: readonly AttemptState[] = [
  'created',
  'authorizing',
  'unknown',
  'user_paying',
  'reversing',
];

/**
 * The rows of the partial index payment_attempts_open (migration 005), as SQL. SQLite uses a partial index only
 * when the query repeats its condition, so every query over unfinished attempts adds this one: it then reads
 * those few rows, not every payment the shop ever took.
 */
export const OPEN_ATTEMPTS_SQL = `state NOT IN ('approved', 'declined', 'cancelled', 'forward_approved')`;
const NOT_INDEXED: readonly AttemptState[] = ['approved', 'declined', 'cancelled', 'forward_approved'];
/** Whether attempts in `state` are in payment_attempts_open (so a query for them can be indexed). */
export const isIndexedOpen = (state: AttemptState): boolean => !NOT_INDEXED.includes(state);

/** Outcomes a manager must see (the recovery and alerts screen). */
export const NEEDS_MANAGER: readonly AttemptState[] = ['unknown', 'forward_declined', 'expired'];

export const isFinal = (s: AttemptState): boolean => ATTEMPT_TRANSITIONS[s].length === 0;

export function assertAttemptTransition(from: AttemptState, to: AttemptState): void {
  if (!ATTEMPT_TRANSITIONS[from].includes(to)) {
    throw new PosFailure('INTERNAL', `Payment attempt cannot go from ${from} to ${to}`);
  }
}
