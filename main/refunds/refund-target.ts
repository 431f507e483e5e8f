// Where a refund's money goes back, decided from the sale's tender and the payment behind it; and when it
// cannot go back now. Card and QR refunds are online only (docs/decisions/0011-refunds.md).
import type { SaleView } from '../api/contract';
import { PosFailure, type PosError } from '../api/result';
import type { AttemptRepo } from '../payments/attempts/attempt-repo';
import type { Connectivity } from '../payments/card/card-payments';
import type { GatewayClient } from '../gateway/client';

/** The tender a sale's money goes back to; card and QR: the payment attempt and its gateway id. */
export interface RefundTarget {
  readonly kind: 'cash' | 'card' | 'qr';
  readonly attemptId: string | null;
  readonly gatewayId: string | null;
}

export interface TargetDeps {
  readonly trainingMode: boolean;
  readonly attempts: AttemptRepo;
  readonly gateway: () => GatewayClient | null;
  readonly connectivity: Connectivity;
}

const fail = (code: PosError['code'], message: string, detail?: Record<string, unknown>): never => {
  throw new PosFailure(code, message, detail);
};

/**
 * Where the money of `sale` goes back (its one tender: the drawer, or the card/QR payment at the gateway), or a
 * PosFailure saying why it cannot go back now: a training sale outside training mode (or the reverse), a
 * split tender, a payment that never charged the customer, one still stored offline, or no gateway online.
 */
export function refundTarget(sale: SaleView, d: TargetDeps): RefundTarget {
  if (sale.training !== d.trainingMode) {
    fail(
      'REFUND_NOT_ALLOWED',
      sale.training
        ? 'A training sale can be refunded only in training mode'
        : 'A real sale cannot be refunded in training mode',
    );
  }
  const tender = sale.tenders[0];
  if (tender === undefined || sale.tenders.length > 1) {
    return fail('REFUND_NOT_ALLOWED', 'Only a sale paid with one tender can be refunded here', {
      tenders: sale.tenders.length,
    });
  }
  if (tender.kind === 'cash') return { kind: 'cash', attemptId: null, gatewayId: null };
  const attempt = tender.reference === null ? null : d.attempts.byId(tender.reference);
  if (!attempt) return fail('INTERNAL', `The payment of sale ${sale.saleId} is missing`);
  switch (attempt.state) {
    case 'approved':
    case 'forward_approved':
      break;
    case 'stored':
    case 'forwarding':
    case 'forward_unknown':
      fail(
        'ONLINE_ONLY',
        'This card payment was taken offline and has not reached the gateway yet; it can be refunded once it has been forwarded',
        { paymentState: attempt.state },
      );
      break;
    default:
      fail('REFUND_NOT_ALLOWED', `The payment is ${attempt.state}: the customer was not charged`, {
        paymentState: attempt.state,
      });
  }
  if (d.gateway() === null)
    fail('ONLINE_ONLY', 'No payment gateway is configured; card and QR refunds need one');
  if (!d.connectivity.online()) {
    fail(
      'ONLINE_ONLY',
      'Card and QR refunds need the payment gateway, which is offline now; nothing was refunded. Try again when it is back',
    );
  }
  return { kind: tender.kind, attemptId: attempt.id, gatewayId: attempt.gatewayId };
}
