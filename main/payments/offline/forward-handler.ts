// Outbox kind 'payment.forward': a card payment taken offline, sent to the gateway later by the sync worker.
// The request body and the idempotency key were stored with the sale, so every send is byte-identical. The
// attempt moves to 'forwarding' in the claim transaction BEFORE the send; a crash leaves it there, and the
// start-up turns it into 'forward_unknown', which is looked up by reference before anything is resent.
import type { Database } from '../../store/db';
import { appendJournal } from '../../audit/journal';
import type { OutboxHandler, HandlerResult } from '../../sync/outbox-worker';
import type { AttemptRepo, Attempt } from '../attempts/attempt-repo';
import type { Outcome } from '../../gateway/client';
import type { AuthorizeRequest, GatewayErrorCode, Payment } from '../../gateway/protocol/schemas';

/**
 * The refusals that are about this payment, so final: the card could not be read, it came after its deadline,
 * or the request itself is malformed. Every other refusal (a suspended terminal, a signature or clock problem)
 * is about the till: the goods are gone, so the payment stays stored and is forwarded again later.
 */
const REFUSES_THE_PAYMENT: ReadonlySet<GatewayErrorCode> = new Set([
  'card_unreadable',
  'deadline_passed',
  'invalid_request',
]);

export interface ForwardDeps {
  readonly db: Database;
  readonly attempts: AttemptRepo;
  readonly now: () => Date;
  /** after an attempt reached a final forward state (the manager's alerts, the status bar) */
  readonly onFinal?: (attemptId: string) => void;
}

export function createForwardHandler(deps: ForwardDeps): OutboxHandler & {
  /** start-up: forwards a crash interrupted may have reached the gateway */
  recoverAfterCrash(): number;
  /** stored payments past their deadline, never sent: expired (a manager alert); returns how many */
  expireOverdue(): number;
} {
  const { db, attempts } = deps;
  const journal = (kind: string, a: Attempt, body: Record<string, unknown>): void => {
    appendJournal(db, {
      at: deps.now().toISOString(),
      kind,
      ref: a.id,
      body: { attemptId: a.id, saleId: a.saleId, amountMinor: a.amountMinor, ...body },
    });
  };

  const final =
    (a: Attempt, from: 'forwarding' | 'forward_unknown', p: Payment): (() => void) =>
    () => {
      const approved = p.status === 'approved';
      attempts.move(a.id, from, approved ? 'forward_approved' : 'forward_declined', {
        gatewayId: p.paymentId,
        authCode: p.authCode,
        responseCode: p.responseCode,
        message: p.message,
      });
      journal(approved ? 'payment.forward-approved' : 'payment.forward-declined', a, {
        responseCode: p.responseCode,
        message: p.message,
      });
      deps.onFinal?.(a.id);
    };

  const answer = (a: Attempt, outcome: Outcome<Payment>): HandlerResult => {
    const from = 'forwarding';
    switch (outcome.kind) {
      case 'ok':
        return { verdict: 'sent', transportFailed: false, apply: final(a, from, outcome.value) };
      case 'rejected':
        if (!REFUSES_THE_PAYMENT.has(outcome.code)) {
          // Counted as a failed exchange (the breaker backs off), retried until the forward deadline.
          return {
            verdict: 'retry',
            error: `${outcome.code}: ${outcome.message}`,
            transportFailed: true,
            apply: () => void attempts.move(a.id, from, 'stored', { message: outcome.message }),
          };
        }
        // Refused for good (forwarded after the deadline, unreadable card, ...): a decline the manager must see.
        return {
          verdict: 'sent',
          transportFailed: false,
          apply: () => {
            attempts.move(a.id, from, 'forward_declined', {
              responseCode: outcome.code,
              message: outcome.message,
            });
            journal('payment.forward-declined', a, { responseCode: outcome.code, message: outcome.message });
            deps.onFinal?.(a.id);
          },
        };
      case 'unreachable':
        // Nothing left: it is simply still stored.
        return {
          verdict: 'retry',
          error: outcome.reason,
          transportFailed: true,
          apply: () => void attempts.move(a.id, from, 'stored'),
        };
      case 'unknown':
        return {
          verdict: 'retry',
          error: outcome.reason,
          transportFailed: true,
          apply: () => void attempts.move(a.id, from, 'forward_unknown', { message: outcome.reason }),
        };
    }
  };

  return {
    prepare(row) {
      const a = attempts.byId(row.ref);
      if (a?.state === 'stored') attempts.move(a.id, 'stored', 'forwarding');
    },
    async send(row, client) {
      const a = attempts.byId(row.ref);
      if (!a) return { verdict: 'failed', error: `no payment attempt ${row.ref}`, transportFailed: false };
      if (a.state === 'forwarding') {
        if (a.requestBody === null)
          return { verdict: 'failed', error: 'no stored request', transportFailed: false };
        const body = JSON.parse(a.requestBody) as AuthorizeRequest;
        return answer(a, await client.authorize(body, a.idempotencyKey));
      }
      if (a.state === 'forward_unknown') {
        const found = await client.lookupPayment(a.id);
        if (found.kind === 'ok' && found.value !== null) {
          return { verdict: 'sent', transportFailed: false, apply: final(a, 'forward_unknown', found.value) };
        }
        if (found.kind === 'ok') {
          // The gateway never saw it: back to stored, and the next claim sends the same request again.
          return {
            verdict: 'retry',
            error: 'not at the gateway; resending',
            transportFailed: false,
            apply: () => void attempts.move(a.id, 'forward_unknown', 'stored'),
          };
        }
        return {
          verdict: 'retry',
          error: found.kind === 'rejected' ? found.message : found.reason,
          transportFailed: found.kind !== 'rejected',
        };
      }
      // Already final (or expired): nothing to send.
      return { verdict: 'sent', transportFailed: false };
    },
    recoverAfterCrash() {
      const stuck = attempts.inStates(['forwarding']);
      db.transaction(() => {
        for (const a of stuck)
          attempts.move(a.id, 'forwarding', 'forward_unknown', {
            message: 'the app stopped while forwarding',
          });
      }).immediate();
      return stuck.length;
    },
    expireOverdue() {
      const now = deps.now().toISOString();
      const overdue = attempts.overdueStored(now);
      if (overdue.length === 0) return 0;
      db.transaction(() => {
        for (const a of overdue) {
          attempts.move(a.id, 'stored', 'expired', { message: 'not forwarded before the deadline' });
          journal('payment.expired', a, { deadline: a.forwardDeadline });
          db.prepare(
            `UPDATE outbox SET state = 'failed', last_error = 'expired', updated_at = ? WHERE idempotency_key = ? AND state = 'pending'`,
          ).run(now, a.idempotencyKey);
        }
      }).immediate();
      for (const a of overdue) deps.onFinal?.(a.id);
      return overdue.length;
    },
  };
}
