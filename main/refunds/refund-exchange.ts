// The gateway side of a card or QR refund, exactly once: send the stored request (same key, same bytes
// every time), read what the answer proves (refunded, refused, provably not sent, or unknown), look an unknown
// one up by reference, and write each outcome with its journal entry (and, once refunded, its slip's job).
import type { Database } from '../store/db';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import type { AttemptRepo } from '../payments/attempts/attempt-repo';
import type { Connectivity } from '../payments/card/card-payments';
import type { GatewayClient, Outcome } from '../gateway/client';
import type { Refund } from '../gateway/protocol/schemas';
import { enqueueRefund } from '../printing/queue/enqueue';
import type { DayTotals } from '../totals/day-totals';
import type { RefundRecord, RefundRepo } from './refund-repo';
import { addRefundTotals } from './refund-totals';

export interface ExchangeDeps {
  readonly db: Database;
  readonly refunds: RefundRepo;
  readonly attempts: AttemptRepo;
  readonly gateway: () => GatewayClient | null;
  readonly connectivity: Connectivity;
  readonly now: () => Date;
  /** the business day's totals: a refund adds itself when it completes */
  readonly totals: DayTotals;
  /** a slip was queued: wake the printer */
  readonly onQueued: () => void;
}

export interface RefundExchange {
  /** Appends a refund's journal entry (inside the caller's transaction). */
  journal(kind: string, refundId: string, body: Record<string, unknown>): void;
  /** Sends a 'sending' refund's stored request; the error the manager sees, or null once refunded. */
  send(rec: RefundRecord): Promise<PosFailure | null>;
  /** Looks an 'unknown' refund up (resending it if the gateway never saw it); null once refunded. */
  lookUp(refundId: string): Promise<PosFailure | null>;
  /** Runs `fn` as the only request for this refund in this process. */
  exclusive<T>(refundId: string, fn: () => Promise<T>): Promise<T>;
  /** A request for this refund is out from this process right now. */
  busy(refundId: string): boolean;
}

export function createRefundExchange(d: ExchangeDeps): RefundExchange {
  const { db, refunds } = d;
  const busy = new Set<string>(); // refunds with a request in flight from this process

  const journal = (kind: string, refundId: string, body: Record<string, unknown>): void => {
    appendJournal(db, { at: d.now().toISOString(), kind, ref: refundId, body: { refundId, ...body } });
  };

  const complete = (rec: RefundRecord, gatewayId: string | null): void => {
    const at = d.now();
    db.transaction(() => {
      refunds.move(rec.id, 'completed', { at: at.toISOString(), gatewayId });
      journal('refund.completed', rec.id, {
        refundNo: rec.refundNo,
        saleId: rec.saleId,
        tenderKind: rec.tenderKind,
        amountMinor: rec.amountMinor,
        gatewayId,
      });
      addRefundTotals(d.totals, rec);
      enqueueRefund(db, { refundId: rec.id, now: at });
    }).immediate();
    d.onQueued();
  };

  const failed = (rec: RefundRecord, message: string): void => {
    db.transaction(() => {
      refunds.move(rec.id, 'failed', { at: d.now().toISOString(), message });
      journal('refund.failed', rec.id, { refundNo: rec.refundNo, saleId: rec.saleId, message });
    }).immediate();
  };

  /** What an answer (or its absence) means for the refund; returns the error the cashier sees, if any. */
  const apply = (rec: RefundRecord, r: Outcome<Refund | null>): PosFailure | null => {
    d.connectivity.report(r);
    switch (r.kind) {
      case 'ok':
        if (r.value === null) return null; // a lookup that found nothing: the caller resends
        if (r.value.status === 'succeeded') {
          complete(rec, r.value.refundId);
          return null;
        }
        failed(rec, r.value.message);
        return new PosFailure('REFUND_REFUSED', `The gateway refused the refund: ${r.value.message}`, {
          refundId: rec.id,
          message: r.value.message,
        });
      case 'rejected':
        failed(rec, `${r.code}: ${r.message}`);
        return new PosFailure('REFUND_REFUSED', `The gateway refused the refund: ${r.message}`, {
          refundId: rec.id,
          message: r.message,
          gatewayCode: r.code,
        });
      case 'unreachable':
        failed(rec, `not sent: ${r.reason}`);
        return new PosFailure(
          'GATEWAY_UNREACHABLE',
          'The payment gateway could not be reached; card and QR refunds are online-only, and nothing was refunded',
          { refundId: rec.id },
        );
      case 'unknown':
        refunds.move(rec.id, 'unknown', { at: d.now().toISOString(), message: r.reason });
        return new PosFailure(
          'REFUND_UNKNOWN',
          'The gateway did not answer; the refund is being looked up, and no second refund can start meanwhile',
          { refundId: rec.id },
        );
    }
  };

  /** Sends the stored request (first time, or again after a lookup found nothing): same key, same bytes. */
  const send = async (rec: RefundRecord): Promise<PosFailure | null> => {
    const client = d.gateway();
    if (!client || rec.requestBody === null || rec.idempotencyKey === null || rec.attemptId === null) {
      return new PosFailure('INTERNAL', `Refund ${rec.id} cannot be sent`);
    }
    const body = JSON.parse(rec.requestBody) as { reference: string; amountMinor: number; reason: string };
    const paymentId = rec.tenderKind === 'qr' ? null : d.attempts.byId(rec.attemptId)?.gatewayId;
    if (rec.tenderKind !== 'qr' && !paymentId) {
      return new PosFailure('INTERNAL', `The payment refunded by ${rec.id} has no gateway id`);
    }
    let outcome: Outcome<Refund>;
    try {
      outcome =
        rec.tenderKind === 'qr'
          ? await client.refundQr(rec.attemptId, body, rec.idempotencyKey)
          : await client.refund(paymentId ?? '', body, rec.idempotencyKey);
    } catch (e) {
      // The client classifies every answer; a throw is a bug somewhere below it, after the request may have
      // gone out: unknown, never "not done".
      outcome = { kind: 'unknown', reason: e instanceof Error ? e.message : String(e) };
    }
    return apply(rec, outcome);
  };

  const exclusive = async <T>(refundId: string, fn: () => Promise<T>): Promise<T> => {
    if (busy.has(refundId)) {
      throw new PosFailure('REFUND_UNKNOWN', 'The refund is being sent or looked up right now', { refundId });
    }
    busy.add(refundId);
    try {
      return await fn();
    } finally {
      busy.delete(refundId);
    }
  };

  const lookUp = (refundId: string): Promise<PosFailure | null> =>
    exclusive(refundId, async () => {
      const rec = refunds.record(refundId);
      if (!rec || rec.state !== 'unknown') return null;
      const client = d.gateway();
      if (!client) return null;
      const found = await client.lookupRefund(refundId);
      if (found.kind === 'ok' && found.value === null) {
        // The gateway never saw it: nothing was paid back, so sending the same request again is safe.
        refunds.move(rec.id, 'sending', { at: d.now().toISOString() });
        return send({ ...rec, state: 'sending' });
      }
      if (found.kind === 'ok') return apply(rec, found);
      d.connectivity.report(found);
      return new PosFailure('REFUND_UNKNOWN', 'The refund could not be looked up yet', { refundId });
    });

  return { journal, send, lookUp, exclusive, busy: (id) => busy.has(id) };
}
