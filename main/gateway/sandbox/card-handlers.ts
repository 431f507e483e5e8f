// Card routes: authorize (sale or authorization only), capture, void, refund and lookup by reference; and
// the lookup of a refund by reference, which finds QR refunds (qr-handlers.ts) too.
// The clear PAN exists only inside `authorize`, long enough to check it and take brand, BIN and last four.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import {
  AuthorizeRequestSchema,
  CaptureRequestSchema,
  ReferenceSchema,
  RefundRequestSchema,
  VoidRequestSchema,
} from '../protocol/schemas';
import { brandOf } from './card-number';
import { decide } from './card-rules';
import type { HandlerContext } from './context';
import { CardUnreadable, GatewayFailure } from './errors';
import { FORWARD_DECLINED, takeForwardDecline } from './forward-declines';
import { handler, newId, ok, referenceTaken, requireCurrency } from './handler-kit';
import { paymentView, refundView, type PaymentRow } from './ledger';
import { assertRefundReferenceFree, recordRefund } from './refund-record';

const PaymentIdParams = z.strictObject({ paymentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const NoParams = z.strictObject({});

function paymentOf(ctx: HandlerContext, paymentId: string): PaymentRow {
  const p = ctx.ledger.paymentById(paymentId);
  // Another terminal's payment is as invisible as a missing one.
  if (!p || p.terminalId !== ctx.terminalId) throw new GatewayFailure('not_found', `no payment ${paymentId}`);
  return p;
}

export const authorize = handler(AuthorizeRequestSchema, NoParams, (ctx, req) => {
  requireCurrency(ctx, req.currency);
  const taken = ctx.ledger.paymentByReference(ctx.terminalId, req.reference);
  if (taken) throw referenceTaken('payment', req.reference, taken.paymentId);
  if (req.storedOffline) {
    if (Date.parse(req.storedOffline.deadline) < ctx.now.getTime()) {
      throw new GatewayFailure(
        'deadline_passed',
        `this stored payment was due by ${req.storedOffline.deadline}; it is not processed`,
      );
    }
    if (!req.capture) {
      throw new GatewayFailure('online_only', 'an authorization without capture cannot be stored offline');
    }
  }
  const { pan, expiry } = ctx.config.decryptCard(req.card, { reference: req.reference });
  // The POS's card facts come from the same swipe; a mismatch means a mix-up or tampering.
  if (pan.slice(-4) !== req.cardFacts.last4 || !pan.startsWith(req.cardFacts.bin)) {
    throw new CardUnreadable('cardFacts (BIN/last four) do not match the encrypted card data');
  }
  const presentedAt = req.storedOffline ? new Date(req.storedOffline.storedAt) : ctx.now;
  const forwardDeclined = req.storedOffline !== undefined && takeForwardDecline(ctx.ledger, ctx.terminalId);
  const decision = forwardDeclined ? FORWARD_DECLINED : decide(req, pan, expiry, presentedAt);
  const approved = decision.status === 'approved';
  const row: PaymentRow = {
    paymentId: newId('pay'),
    terminalId: ctx.terminalId,
    reference: req.reference,
    status: decision.status,
    authorizedMinor: req.amountMinor,
    amountMinor: req.amountMinor,
    currency: req.currency,
    captured: approved && req.capture,
    authCode: approved ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null,
    responseCode: decision.responseCode,
    message: decision.message,
    brand: brandOf(pan),
    bin: req.cardFacts.bin,
    last4: req.cardFacts.last4,
    entryMode: req.entryMode,
    saleRef: req.saleRef ?? null,
    storedOffline: req.storedOffline !== undefined,
    refundedMinor: 0,
    createdAt: ctx.now.toISOString(),
  };
  ctx.ledger.insertPayment(row);
  return ok(paymentView(row));
});

export const capture = handler(CaptureRequestSchema, PaymentIdParams, (ctx, req, { paymentId }) => {
  const p = paymentOf(ctx, paymentId);
  if (p.status !== 'approved' || p.captured) {
    throw new GatewayFailure(
      'invalid_request',
      `only an approved, uncaptured authorization can be captured; this one is ${p.captured ? 'captured' : p.status}`,
    );
  }
  if (req.amountMinor > p.authorizedMinor) {
    throw new GatewayFailure(
      'invalid_request',
      `cannot capture ${req.amountMinor}: only ${p.authorizedMinor} was authorized`,
    );
  }
  ctx.ledger.updatePayment(paymentId, { captured: true, amountMinor: req.amountMinor });
  return ok(paymentView(paymentOf(ctx, paymentId)));
});

export const voidPayment = handler(VoidRequestSchema, PaymentIdParams, (ctx, _req, { paymentId }) => {
  const p = paymentOf(ctx, paymentId);
  if (p.status === 'voided') return ok(paymentView(p));
  if (p.status !== 'approved' || p.refundedMinor > 0) {
    throw new GatewayFailure(
      'invalid_request',
      `only an approved payment without refunds can be voided; this one is ${p.status}`,
    );
  }
  ctx.ledger.updatePayment(paymentId, { status: 'voided' });
  return ok(paymentView(paymentOf(ctx, paymentId)));
});

export const refund = handler(RefundRequestSchema, PaymentIdParams, (ctx, req, { paymentId }) => {
  const p = paymentOf(ctx, paymentId);
  assertRefundReferenceFree(ctx, req.reference);
  const remaining = p.amountMinor - p.refundedMinor;
  const refusal =
    p.status !== 'approved'
      ? `the payment is ${p.status}`
      : !p.captured
        ? 'the payment was never captured (void it instead)'
        : req.amountMinor > remaining
          ? `only ${remaining} of the payment is left to refund`
          : null;
  const row = recordRefund(ctx, req, { kind: 'card', paymentId }, refusal);
  if (refusal === null) {
    const refundedMinor = p.refundedMinor + req.amountMinor;
    ctx.ledger.updatePayment(paymentId, {
      refundedMinor,
      status: refundedMinor === p.amountMinor ? 'refunded' : 'approved',
    });
  }
  return ok(refundView(row));
});

/** Finds a refund by the POS's reference, card or QR alike (how an unknown refund outcome is resolved). */
export const lookupRefund = handler(
  z.undefined(),
  z.strictObject({ reference: ReferenceSchema }),
  (ctx, _body, { reference }) => {
    const r = ctx.ledger.refundByReference(ctx.terminalId, reference);
    if (!r) throw new GatewayFailure('not_found', `no refund with reference ${reference}`);
    return ok(refundView(r));
  },
);

export const lookupPayment = handler(
  z.undefined(),
  z.strictObject({ reference: ReferenceSchema }),
  (ctx, _body, { reference }) => {
    const p = ctx.ledger.paymentByReference(ctx.terminalId, reference);
    if (!p) throw new GatewayFailure('not_found', `no payment with reference ${reference}`);
    return ok(paymentView(p));
  },
);
