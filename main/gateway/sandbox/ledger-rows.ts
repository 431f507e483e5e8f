// The sandbox ledger's rows as the handlers see them, the columns they are read with, and the protocol views
// built from them (ledger.ts holds the statements).
import type { CardBrand, Payment, QrOrder, QrScheme, Refund } from '../protocol/schemas';

export type PaymentStatus = Payment['status'];
export type QrStatus = QrOrder['status'];
/** What a QR order will turn into once the customer "answers" on the phone. */
export type QrOutcome = 'success' | 'failed' | 'never';

export interface PaymentRow {
  readonly paymentId: string;
  readonly terminalId: string;
  readonly reference: string;
  readonly status: PaymentStatus;
  readonly authorizedMinor: number;
  readonly amountMinor: number;
  readonly currency: string;
  readonly captured: boolean;
  readonly authCode: string | null;
  readonly responseCode: string;
  readonly message: string;
  readonly brand: CardBrand;
  readonly bin: string;
  readonly last4: string;
  readonly entryMode: string;
  readonly saleRef: string | null;
  readonly storedOffline: boolean;
  readonly refundedMinor: number;
  readonly createdAt: string;
}

/** What a refund gives money back for: a card payment or a QR order. */
export type RefundKind = 'card' | 'qr';

export interface RefundRow {
  readonly refundId: string;
  readonly kind: RefundKind;
  /** kind card: the payment's paymentId; kind qr: the QR order's orderId */
  readonly paymentId: string;
  readonly terminalId: string;
  readonly reference: string;
  readonly status: Refund['status'];
  readonly amountMinor: number;
  readonly reason: string;
  readonly message: string;
  readonly createdAt: string;
}

export interface QrOrderRow {
  readonly orderId: string;
  readonly terminalId: string;
  readonly reference: string;
  readonly scheme: QrScheme;
  readonly status: QrStatus;
  readonly outcome: QrOutcome;
  readonly amountMinor: number;
  readonly currency: string;
  readonly subject: string;
  readonly saleRef: string | null;
  readonly message: string;
  readonly queryCount: number;
  /** the sum of the order's successful refunds (a reversal is not a refund) */
  readonly refundedMinor: number;
  readonly createdAt: string;
  readonly paidAt: string | null;
  readonly reversedAt: string | null;
}

export interface StoredResponse {
  readonly fingerprint: string;
  readonly route: string;
  readonly status: number;
  readonly body: string;
}

export const PAYMENT_COLUMNS = `payment_id AS paymentId, terminal_id AS terminalId, reference, status,
  authorized_minor AS authorizedMinor, amount_minor AS amountMinor, currency, captured, auth_code AS authCode,
  response_code AS responseCode, message, brand, bin, last4, entry_mode AS entryMode, sale_ref AS saleRef,
  stored_offline AS storedOffline, refunded_minor AS refundedMinor, created_at AS createdAt`;
export const REFUND_COLUMNS = `refund_id AS refundId, kind, payment_id AS paymentId, terminal_id AS terminalId, reference,
  status, amount_minor AS amountMinor, reason, message, created_at AS createdAt`;
export const QR_COLUMNS = `order_id AS orderId, terminal_id AS terminalId, reference, scheme, status, outcome,
  amount_minor AS amountMinor, currency, subject, sale_ref AS saleRef, message, query_count AS queryCount,
  refunded_minor AS refundedMinor, created_at AS createdAt, paid_at AS paidAt, reversed_at AS reversedAt`;

export type Raw<T> = { [K in keyof T]: T[K] extends boolean ? number : T[K] };
export const paymentOf = (r: Raw<PaymentRow>): PaymentRow => ({
  ...r,
  captured: r.captured === 1,
  storedOffline: r.storedOffline === 1,
});

export const paymentView = (p: PaymentRow): Payment => ({
  paymentId: p.paymentId,
  reference: p.reference,
  status: p.status,
  amountMinor: p.amountMinor,
  currency: p.currency,
  captured: p.captured,
  authCode: p.authCode,
  responseCode: p.responseCode,
  message: p.message,
  brand: p.brand,
  last4: p.last4,
  refundedMinor: p.refundedMinor,
  createdAt: p.createdAt,
});

export const refundView = (r: RefundRow): Refund => ({
  refundId: r.refundId,
  paymentId: r.paymentId,
  reference: r.reference,
  status: r.status,
  amountMinor: r.amountMinor,
  message: r.message,
  createdAt: r.createdAt,
});

export const qrOrderView = (o: QrOrderRow): QrOrder => ({
  orderId: o.orderId,
  reference: o.reference,
  scheme: o.scheme,
  status: o.status,
  amountMinor: o.amountMinor,
  currency: o.currency,
  message: o.message,
  createdAt: o.createdAt,
  paidAt: o.paidAt,
});
