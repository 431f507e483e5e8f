// Differences on demand (POST /admin/differences): what happens at a real acquirer or wallet without the till
// taking part, so reconciliation can be tested against every class of difference. Each action changes the
// ledger (and with it the settlement and the bill files) exactly as the real event would:
// - charge: a payment the till never learnt of, under a new reference or under the reference of a till attempt
//   whose answer was lost (the gateway had no record of it when the till asked, then the charge landed);
// - portal-refund: a refund made at the merchant portal, of a payment the till has as paid;
// - decline-after-forward: a stored offline payment the till forwarded and was told approved, declined later;
//   decline-next-forwards: the next forwards are declined as they arrive (the till hears of it then);
// - drop: the settlement leaves a payment out; fee: the settlement charges a fee on a payment;
// - settle-amount: the settlement settles another amount than the terminal was answered;
// - hold-refunds: the settlement leaves a payment's refunds out (the acquirer has not processed them yet).
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { BrandSchema, QrSchemeSchema, ReferenceSchema } from '../protocol/schemas';
import type { GatewayConfig, HandlerContext } from './context';
import { GatewayFailure } from './errors';
import { armForwardDeclines } from './forward-declines';
import { newId, referenceTaken } from './handler-kit';
import {
  paymentView,
  qrOrderView,
  refundView,
  type Ledger,
  type PaymentRow,
  type QrOrderRow,
  type RefundKind,
} from './ledger';
import { recordRefund } from './refund-record';
import { markPayment, type SettlementMark } from './settlement-marks';

const terminalId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);
const minor = z.int().min(1).max(99_999_999_999);
const instant = z.iso.datetime({ offset: false });
const target = { terminalId, reference: ReferenceSchema };

export const DifferenceSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('charge'),
    terminalId,
    tender: z.enum(['card', 'qr']),
    amountMinor: minor,
    /** absent: a reference the till never sent; given: a lost attempt's (it must have no payment yet) */
    reference: ReferenceSchema.optional(),
    /** card only (default visa) */
    brand: BrandSchema.optional(),
    /** qr only (default wechat) */
    scheme: QrSchemeSchema.optional(),
    /** default: now */
    at: instant.optional(),
  }),
  z.strictObject({
    action: z.literal('portal-refund'),
    ...target,
    /** default: all that is left to refund */
    amountMinor: minor.optional(),
    at: instant.optional(),
  }),
  z.strictObject({ action: z.literal('decline-after-forward'), ...target }),
  /** the terminal's next `count` stored offline forwards (default 1) are declined when they arrive */
  z.strictObject({
    action: z.literal('decline-next-forwards'),
    terminalId,
    count: z.int().min(0).max(1000).optional(),
  }),
  z.strictObject({ action: z.literal('drop'), ...target }),
  z.strictObject({ action: z.literal('fee'), ...target, feeMinor: z.int().min(0).max(99_999_999_999) }),
  z.strictObject({ action: z.literal('settle-amount'), ...target, amountMinor: minor }),
  z.strictObject({ action: z.literal('hold-refunds'), ...target }),
]);
export type Difference = z.infer<typeof DifferenceSchema>;

type Found =
  { readonly kind: 'card'; readonly row: PaymentRow } | { readonly kind: 'qr'; readonly row: QrOrderRow };

function findPayment(ledger: Ledger, terminal: string, reference: string): Found {
  const card = ledger.paymentByReference(terminal, reference);
  if (card) return { kind: 'card', row: card };
  const qr = ledger.qrOrderByReference(terminal, reference);
  if (qr) return { kind: 'qr', row: qr };
  throw new GatewayFailure('not_found', `terminal ${terminal} has no payment or QR order ${reference}`);
}

const idOf = (f: Found): string => (f.kind === 'card' ? f.row.paymentId : f.row.orderId);
const viewOf = (f: Found): unknown => (f.kind === 'card' ? paymentView(f.row) : qrOrderView(f.row));

/** Applies one difference in one ledger transaction; answers what it made or changed. */
export function applyDifference(
  ledger: Ledger,
  config: GatewayConfig,
  now: Date,
  d: Difference,
): Record<string, unknown> {
  return ledger.transaction(() => {
    switch (d.action) {
      case 'charge':
        return charge(ledger, config, now, d);
      case 'portal-refund':
        return portalRefund({ ledger, terminalId: d.terminalId, now: new Date(d.at ?? now), config }, d);
      case 'decline-after-forward':
        return declineAfterForward(ledger, d.terminalId, d.reference);
      case 'decline-next-forwards':
        armForwardDeclines(ledger, d.terminalId, d.count ?? 1);
        return { action: d.action, terminalId: d.terminalId, armed: d.count ?? 1 };
      case 'drop':
      case 'fee':
      case 'settle-amount':
      case 'hold-refunds': {
        const found = findPayment(ledger, d.terminalId, d.reference);
        const kind: RefundKind = found.kind;
        const mark = markPayment(ledger, kind, idOf(found), markChange(d));
        return { action: d.action, kind, payment: viewOf(found), ...mark };
      }
    }
  });
}

function markChange(
  d: Extract<Difference, { action: 'drop' | 'fee' | 'settle-amount' | 'hold-refunds' }>,
): Partial<SettlementMark> {
  switch (d.action) {
    case 'drop':
      return { dropped: true };
    case 'fee':
      return { feeMinor: d.feeMinor };
    case 'settle-amount':
      return { settledMinor: d.amountMinor };
    case 'hold-refunds':
      return { refundsHeld: true };
  }
}

function charge(
  ledger: Ledger,
  config: GatewayConfig,
  now: Date,
  d: Extract<Difference, { action: 'charge' }>,
): Record<string, unknown> {
  const reference = d.reference ?? `portal-${newId('chg')}`;
  const taken =
    ledger.paymentByReference(d.terminalId, reference) ?? ledger.qrOrderByReference(d.terminalId, reference);
  if (taken)
    throw referenceTaken('payment', reference, 'paymentId' in taken ? taken.paymentId : taken.orderId);
  const at = d.at ?? now.toISOString();
  if (d.tender === 'card') {
    const row: PaymentRow = {
      paymentId: newId('pay'),
      terminalId: d.terminalId,
      reference,
      status: 'approved',
      authorizedMinor: d.amountMinor,
      amountMinor: d.amountMinor,
      currency: config.currency,
      captured: true,
      authCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      responseCode: '00',
      message: 'approved (charged without the terminal)',
      brand: d.brand ?? 'visa',
      bin: '411111',
      last4: '1111',
      entryMode: 'chip',
      saleRef: null,
      storedOffline: false,
      refundedMinor: 0,
      createdAt: at,
    };
    ledger.insertPayment(row);
    return { action: d.action, kind: 'card', payment: paymentView(row) };
  }
  const order: QrOrderRow = {
    orderId: newId('qr'),
    terminalId: d.terminalId,
    reference,
    scheme: d.scheme ?? 'wechat',
    status: 'success',
    outcome: 'success',
    amountMinor: d.amountMinor,
    currency: config.currency,
    subject: 'paid without the terminal',
    saleRef: null,
    message: 'paid (charged without the terminal)',
    queryCount: 0,
    refundedMinor: 0,
    createdAt: at,
    paidAt: at,
    reversedAt: null,
  };
  ledger.insertQrOrder(order);
  return { action: d.action, kind: 'qr', payment: qrOrderView(order) };
}

function portalRefund(
  ctx: HandlerContext,
  d: Extract<Difference, { action: 'portal-refund' }>,
): Record<string, unknown> {
  const found = findPayment(ctx.ledger, d.terminalId, d.reference);
  const paid =
    found.kind === 'card'
      ? found.row.status === 'approved' && found.row.captured
      : found.row.status === 'success';
  const remaining = found.row.amountMinor - found.row.refundedMinor;
  const amountMinor = d.amountMinor ?? remaining;
  if (!paid || remaining <= 0) {
    throw new GatewayFailure(
      'invalid_request',
      `payment ${d.reference} is ${found.row.status}: nothing to refund`,
    );
  }
  if (amountMinor > remaining) {
    throw new GatewayFailure(
      'invalid_request',
      `only ${remaining} of payment ${d.reference} is left to refund`,
    );
  }
  const req = { reference: `portal-${newId('rf')}`, amountMinor, reason: 'refunded at the merchant portal' };
  const refund = recordRefund(ctx, req, { kind: found.kind, paymentId: idOf(found) }, null);
  const refundedMinor = found.row.refundedMinor + amountMinor;
  if (found.kind === 'card') {
    const status = refundedMinor === found.row.amountMinor ? 'refunded' : 'approved';
    ctx.ledger.updatePayment(found.row.paymentId, { refundedMinor, status });
  } else {
    ctx.ledger.updateQrOrder(found.row.orderId, { refundedMinor });
  }
  return { action: d.action, kind: found.kind, refund: refundView(refund) };
}

function declineAfterForward(ledger: Ledger, terminal: string, reference: string): Record<string, unknown> {
  const p = ledger.paymentByReference(terminal, reference);
  if (!p) throw new GatewayFailure('not_found', `terminal ${terminal} has no card payment ${reference}`);
  if (!p.storedOffline || p.status !== 'approved' || p.refundedMinor > 0) {
    throw new GatewayFailure(
      'invalid_request',
      `only a forwarded stored offline payment, approved and not refunded, can be declined after forward`,
    );
  }
  ledger.updatePayment(p.paymentId, { status: 'declined', captured: false });
  return {
    action: 'decline-after-forward',
    kind: 'card',
    payment: paymentView(ledger.paymentById(p.paymentId) ?? p),
  };
}
