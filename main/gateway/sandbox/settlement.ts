// The day's settlement for one terminal: every card and QR payment of that business day with a final status,
// and totals. Business day = the calendar date of the payment in the configured zone (default UTC); refunds
// (of card payments and of QR orders) and QR reversals count on the day they happened, which may be later
// than the payment's. The acquirer's own view (settlement-marks.ts) applies: a dropped payment is absent, with
// its refunds and reversal, a fee shows on its row, a settled amount replaces the answered one, and held
// refunds are absent (a card payment refunded in full then stands as approved).
import type { Settlement } from '../protocol/schemas';
import type { Ledger, PaymentRow, QrOrderRow } from './ledger';
import { markOf, settlementMarks } from './settlement-marks';

// Building an Intl formatter costs far more than using one; settlements format every row.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function businessDateOf(iso: string, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

const CARD_SETTLED = new Set(['approved', 'refunded']);
const QR_SETTLED = new Set(['success', 'reversed']);

export function buildSettlement(p: {
  ledger: Ledger;
  terminalId: string;
  businessDate: string;
  currency: string;
  timeZone: string;
  /** QR orders as they stand now (pending "user paying" orders already brought up to date) */
  qrOrders: readonly QrOrderRow[];
}): Settlement {
  const onDay = (iso: string | null): boolean =>
    iso !== null && businessDateOf(iso, p.timeZone) === p.businessDate;
  const marks = settlementMarks(p.ledger);
  const allCards = p.ledger.payments(p.terminalId).filter((c) => !markOf(marks, 'card', c.paymentId).dropped);
  const allQrs = p.qrOrders.filter((q) => !markOf(marks, 'qr', q.orderId).dropped);
  const cards = allCards.filter(
    (c) => onDay(c.createdAt) && c.currency === p.currency && !(c.status === 'approved' && !c.captured),
  );
  const qrs = allQrs.filter(
    (q) => onDay(q.createdAt) && q.currency === p.currency && q.status !== 'user_paying',
  );
  const settled = (kind: 'card' | 'qr', id: string, amountMinor: number): number =>
    markOf(marks, kind, id).settledMinor ?? amountMinor;
  const held = (kind: 'card' | 'qr', id: string): boolean => markOf(marks, kind, id).refundsHeld;
  const payments: Settlement['payments'] = [
    ...cards.map((c: PaymentRow) => ({
      kind: 'card' as const,
      id: c.paymentId,
      reference: c.reference,
      saleRef: c.saleRef,
      status: c.status === 'refunded' && held('card', c.paymentId) ? ('approved' as const) : c.status,
      amountMinor: settled('card', c.paymentId, c.amountMinor),
      refundedMinor: held('card', c.paymentId) ? 0 : c.refundedMinor,
      brandOrScheme: c.brand,
      last4: c.last4,
      storedOffline: c.storedOffline,
      at: c.createdAt,
      feeMinor: markOf(marks, 'card', c.paymentId).feeMinor,
    })),
    ...qrs.map((q) => ({
      kind: 'qr' as const,
      id: q.orderId,
      reference: q.reference,
      saleRef: q.saleRef,
      status: q.status,
      amountMinor: settled('qr', q.orderId, q.amountMinor),
      refundedMinor: q.status === 'reversed' ? q.amountMinor : held('qr', q.orderId) ? 0 : q.refundedMinor,
      brandOrScheme: q.scheme,
      last4: null,
      storedOffline: false,
      at: q.createdAt,
      feeMinor: markOf(marks, 'qr', q.orderId).feeMinor,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  const approvedMinor =
    cards
      .filter((c) => CARD_SETTLED.has(c.status))
      .reduce((n, c) => n + settled('card', c.paymentId, c.amountMinor), 0) +
    qrs
      .filter((q) => QR_SETTLED.has(q.status))
      .reduce((n, q) => n + settled('qr', q.orderId, q.amountMinor), 0);
  // Refunds of a dropped payment are left out with it (no entry in these maps).
  const currencyOf = {
    card: new Map(allCards.map((c) => [c.paymentId, c.currency])),
    qr: new Map(allQrs.map((q) => [q.orderId, q.currency])),
  };
  const refundedMinor =
    p.ledger
      .refunds(p.terminalId)
      .filter(
        (r) =>
          r.status === 'succeeded' &&
          onDay(r.createdAt) &&
          !held(r.kind, r.paymentId) &&
          currencyOf[r.kind].get(r.paymentId) === p.currency,
      )
      .reduce((n, r) => n + r.amountMinor, 0) +
    allQrs
      .filter((q) => q.status === 'reversed' && q.currency === p.currency && onDay(q.reversedAt))
      .reduce((n, q) => n + q.amountMinor, 0);
  return {
    businessDate: p.businessDate,
    terminalId: p.terminalId,
    currency: p.currency,
    payments,
    totals: { count: payments.length, approvedMinor, refundedMinor, netMinor: approvedMinor - refundedMinor },
  };
}
