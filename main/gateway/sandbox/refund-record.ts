// What card and QR refunds share in the sandbox: one reference space for both (a reference used by any refund
// is taken), and a refund written to the ledger whether it is made or refused (a refusal is answered with
// status failed and its reason, like a real acquirer's refund response).
import type { z } from 'zod';
import type { RefundRequestSchema } from '../protocol/schemas';
import type { HandlerContext } from './context';
import { newId, referenceTaken } from './handler-kit';
import type { RefundRow } from './ledger';

type RefundRequest = z.infer<typeof RefundRequestSchema>;

/** Throws the conflict when this terminal already used the refund's reference (card or QR). */
export function assertRefundReferenceFree(ctx: HandlerContext, reference: string): void {
  const taken = ctx.ledger.refundByReference(ctx.terminalId, reference);
  if (taken) throw referenceTaken('refund', reference, taken.refundId);
}

/** Writes the refund of `paymentId` (a card payment or a QR order): made when `refusal` is null. */
export function recordRefund(
  ctx: HandlerContext,
  req: RefundRequest,
  target: { readonly kind: RefundRow['kind']; readonly paymentId: string },
  refusal: string | null,
): RefundRow {
  const row: RefundRow = {
    refundId: newId('rf'),
    kind: target.kind,
    paymentId: target.paymentId,
    terminalId: ctx.terminalId,
    reference: req.reference,
    status: refusal === null ? 'succeeded' : 'failed',
    amountMinor: req.amountMinor,
    reason: req.reason,
    message: refusal ?? 'refunded',
    createdAt: ctx.now.toISOString(),
  };
  ctx.ledger.insertRefund(row);
  return row;
}
