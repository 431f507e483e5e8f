// A payment attempt as the UI sees it (no card data beyond brand and last four).
import type { PaymentView } from '../api/contract';
import type { Attempt } from './attempts/attempt-repo';

export function toPaymentView(a: Attempt): PaymentView {
  return {
    attemptId: a.id,
    kind: a.kind,
    mode: a.mode,
    state: a.state,
    amountMinor: a.amountMinor,
    currency: a.currency,
    brand: a.card?.brand ?? null,
    last4: a.card?.last4 ?? null,
    qrScheme: a.qrScheme,
    authCode: a.authCode,
    responseCode: a.responseCode,
    message: a.message,
    saleId: a.saleId,
    storedAt: a.storedAt,
    forwardDeadline: a.forwardDeadline,
    acknowledged: a.acknowledgedAt !== null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
