// QR micropay routes. A "user paying" order is brought up to date lazily, whenever it is read: on a query
// (which counts towards the customer's answer), a reverse, a refund or a settlement (time only).
import { z } from 'zod';
import { MicropayRequestSchema, ReferenceSchema, RefundRequestSchema } from '../protocol/schemas';
import type { HandlerContext } from './context';
import { GatewayFailure } from './errors';
import { handler, newId, ok, referenceTaken, requireCurrency } from './handler-kit';
import { qrOrderView, refundView, type QrOrderRow } from './ledger';
import { answerMessage, customerAnswered, schemeOfCode, startQr } from './qr-rules';
import { assertRefundReferenceFree, recordRefund } from './refund-record';

const NoParams = z.strictObject({});
const ReferenceParams = z.strictObject({ reference: ReferenceSchema });

/** Applies the customer's answer if it has come by now; `asQuery` counts this read as one more poll. */
export function refreshQrOrder(ctx: HandlerContext, order: QrOrderRow, asQuery: boolean): QrOrderRow {
  if (order.status !== 'user_paying') return order;
  const queryCount = order.queryCount + (asQuery ? 1 : 0);
  const ageMs = ctx.now.getTime() - Date.parse(order.createdAt);
  if (!customerAnswered(order.outcome, queryCount, ageMs, ctx.config.qrTiming)) {
    if (asQuery) ctx.ledger.updateQrOrder(order.orderId, { queryCount });
    return { ...order, queryCount };
  }
  const status = order.outcome === 'success' ? 'success' : 'failed';
  const change = {
    status,
    queryCount,
    message: answerMessage(order.outcome),
    paidAt: status === 'success' ? ctx.now.toISOString() : null,
  } as const;
  ctx.ledger.updateQrOrder(order.orderId, change);
  return { ...order, ...change };
}

function orderOf(ctx: HandlerContext, reference: string): QrOrderRow {
  const o = ctx.ledger.qrOrderByReference(ctx.terminalId, reference);
  if (!o) throw new GatewayFailure('not_found', `no QR order with reference ${reference}`);
  return o;
}

export const micropay = handler(MicropayRequestSchema, NoParams, (ctx, req) => {
  requireCurrency(ctx, req.currency);
  const codeScheme = schemeOfCode(req.authCode);
  if (codeScheme !== req.scheme) {
    throw new GatewayFailure(
      'invalid_request',
      codeScheme === null
        ? 'authCode is not a WeChat, Alipay or UnionPay payment code'
        : `authCode is a ${codeScheme} payment code, not ${req.scheme}`,
    );
  }
  const taken = ctx.ledger.qrOrderByReference(ctx.terminalId, req.reference);
  if (taken) throw referenceTaken('QR order', req.reference, taken.orderId);
  const closedAt = ctx.ledger.qrReferenceClosedAt(ctx.terminalId, req.reference);
  if (closedAt !== null) {
    // The terminal reversed this reference before its micropay got here: it has given up on it.
    throw new GatewayFailure(
      'idempotency_conflict',
      `reference ${req.reference} was closed by a reverse at ${closedAt}; a new payment needs a new reference`,
    );
  }
  const start = startQr(req.amountMinor);
  const now = ctx.now.toISOString();
  const row: QrOrderRow = {
    orderId: newId('qr'),
    terminalId: ctx.terminalId,
    reference: req.reference,
    scheme: req.scheme,
    status: start.status,
    outcome: start.outcome,
    amountMinor: req.amountMinor,
    currency: req.currency,
    subject: req.subject,
    saleRef: req.saleRef ?? null,
    message: start.message,
    queryCount: 0,
    refundedMinor: 0,
    createdAt: now,
    paidAt: start.status === 'success' ? now : null,
    reversedAt: null,
  };
  ctx.ledger.insertQrOrder(row);
  return ok(qrOrderView(row));
});

export const queryQr = handler(z.undefined(), ReferenceParams, (ctx, _body, { reference }) =>
  ok(qrOrderView(refreshQrOrder(ctx, orderOf(ctx, reference), true))),
);

export const reverseQr = handler(
  z.union([z.undefined(), z.strictObject({})]),
  ReferenceParams,
  (ctx, _body, { reference }) => {
    const now = ctx.now.toISOString();
    const found = ctx.ledger.qrOrderByReference(ctx.terminalId, reference);
    if (!found) {
      // Nothing to reverse yet, but the terminal has given up on this reference: close it, so a micropay
      // still on its way is refused instead of charging. Answered not_found as before, but returned rather
      // than thrown: a thrown failure rolls back what the handler wrote, and the closing must stay.
      ctx.ledger.closeQrReference(ctx.terminalId, reference, now);
      const f = new GatewayFailure(
        'not_found',
        `no QR order with reference ${reference}; the reference is closed`,
      );
      return { status: f.status, body: f.toBody() };
    }
    // A customer who confirmed before the reverse arrived has paid: that money goes back (reversed).
    const order = refreshQrOrder(ctx, found, false);
    if (order.status === 'user_paying') {
      const change = { status: 'closed', message: 'closed before the customer paid' } as const;
      ctx.ledger.updateQrOrder(order.orderId, change);
      return ok(qrOrderView({ ...order, ...change }));
    }
    if (order.status === 'success') {
      // A reversal gives back the whole amount: after a refund that would pay part of it back twice.
      if (order.refundedMinor > 0) {
        throw new GatewayFailure(
          'invalid_request',
          `the QR order has ${order.refundedMinor} refunded already; refund the rest instead of reversing it`,
        );
      }
      const change = {
        status: 'reversed',
        message: 'reversed; the money went back',
        reversedAt: now,
      } as const;
      ctx.ledger.updateQrOrder(order.orderId, change);
      return ok(qrOrderView({ ...order, ...change }));
    }
    return ok(qrOrderView(order));
  },
);

/**
 * Refunds (part of) a paid QR order, found by the order's reference; the body's reference is the refund's
 * own. Like a card refund: a refund that cannot be made is recorded and answered with status failed.
 */
export const refundQr = handler(RefundRequestSchema, ReferenceParams, (ctx, req, { reference }) => {
  const order = refreshQrOrder(ctx, orderOf(ctx, reference), false);
  assertRefundReferenceFree(ctx, req.reference);
  const remaining = order.amountMinor - order.refundedMinor;
  const refusal =
    order.status !== 'success'
      ? `only a paid QR order can be refunded; this one is ${order.status}`
      : req.amountMinor > remaining
        ? `only ${remaining} of the order is left to refund`
        : null;
  const row = recordRefund(ctx, req, { kind: 'qr', paymentId: order.orderId }, refusal);
  if (refusal === null) {
    ctx.ledger.updateQrOrder(order.orderId, { refundedMinor: order.refundedMinor + req.amountMinor });
  }
  return ok(refundView(row));
});
