// QR micropay routes. A "user paying" order is brought up to date lazily, whenever it is read: on a query
// (which counts towards the customer's answer), a reverse or a settlement (time only).
import { z } from 'zod';
import { MicropayRequestSchema, ReferenceSchema } from '../payments/protocol/schemas';
import type { HandlerContext } from './context';
import { GatewayFailure } from './errors';
import { handler, newId, ok, referenceTaken, requireCurrency } from './handler-kit';
import { qrOrderView, type QrOrderRow } from './ledger';
import { answerMessage, customerAnswered, schemeOfCode, startQr } from './qr-rules';

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
    // A customer who confirmed before the reverse arrived has paid: that money goes back (reversed).
    const order = refreshQrOrder(ctx, orderOf(ctx, reference), false);
    const now = ctx.now.toISOString();
    if (order.status === 'user_paying') {
      const change = { status: 'closed', message: 'closed before the customer paid' } as const;
      ctx.ledger.updateQrOrder(order.orderId, change);
      return ok(qrOrderView({ ...order, ...change }));
    }
    if (order.status === 'success') {
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
