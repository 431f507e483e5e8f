// One business day of one wallet's QR payments as the wallet's own bill lists them (wechat-bill.ts,
// alipay-bill.ts write them): a row per paid order on the day it was paid and a row per refund or reversal on
// the day it happened, across every terminal of the merchant account (the wallet bills the merchant, and names
// the terminal as the device). What the settlement leaves out (settlement-marks.ts) the bill leaves out too,
// and it bills the amount the settlement settles.
import type { QrScheme } from '../protocol/schemas';
import type { Ledger, QrOrderRow } from './ledger';
import { businessDateOf } from './settlement';
import { markOf, settlementMarks } from './settlement-marks';

export interface BillRow {
  readonly kind: 'charge' | 'refund';
  readonly order: QrOrderRow;
  /** when the charge or the refund happened (ISO-8601 UTC) */
  readonly at: string;
  /** what moved: the order's amount for a charge, the refund's for a refund */
  readonly amountMinor: number;
  readonly feeMinor: number;
  /** refunds: the wallet's refund id and the merchant's refund number; charges: null */
  readonly refundId: string | null;
  readonly refundReference: string | null;
}

export interface BillDay {
  readonly businessDate: string;
  readonly timeZone: string;
  readonly rows: readonly BillRow[];
}

export function billRows(p: {
  ledger: Ledger;
  scheme: QrScheme;
  businessDate: string;
  currency: string;
  timeZone: string;
}): BillDay {
  const onDay = (iso: string | null): iso is string =>
    iso !== null && businessDateOf(iso, p.timeZone) === p.businessDate;
  const marks = settlementMarks(p.ledger);
  const orders = p.ledger
    .qrOrders()
    .filter(
      (q) => q.scheme === p.scheme && q.currency === p.currency && !markOf(marks, 'qr', q.orderId).dropped,
    );
  const byId = new Map(orders.map((q) => [q.orderId, q]));
  const rows: BillRow[] = [];
  for (const q of orders) {
    if ((q.status === 'success' || q.status === 'reversed') && onDay(q.createdAt)) {
      const { feeMinor, settledMinor } = markOf(marks, 'qr', q.orderId);
      rows.push({
        kind: 'charge',
        order: q,
        at: q.createdAt,
        amountMinor: settledMinor ?? q.amountMinor,
        feeMinor,
        ...NO_REFUND,
      });
    }
    // A reversal (撤销) reaches the bill as a refund of the whole order, under the order's own number.
    if (q.status === 'reversed' && onDay(q.reversedAt)) {
      const refund = { refundId: `${q.orderId}-reverse`, refundReference: q.reference };
      rows.push({
        kind: 'refund',
        order: q,
        at: q.reversedAt,
        amountMinor: q.amountMinor,
        feeMinor: 0,
        ...refund,
      });
    }
  }
  for (const r of p.ledger.refunds()) {
    const order = r.kind === 'qr' ? byId.get(r.paymentId) : undefined;
    if (!order || r.status !== 'succeeded' || !onDay(r.createdAt)) continue;
    if (markOf(marks, 'qr', order.orderId).refundsHeld) continue;
    const refund = { refundId: r.refundId, refundReference: r.reference };
    rows.push({ kind: 'refund', order, at: r.createdAt, amountMinor: r.amountMinor, feeMinor: 0, ...refund });
  }
  rows.sort((a, b) => a.at.localeCompare(b.at));
  return { businessDate: p.businessDate, timeZone: p.timeZone, rows };
}

const NO_REFUND = { refundId: null, refundReference: null } as const;

/** Yuan with two decimals from fen ("12.50"); the wallets' files state money this way. */
export const yuan = (minor: number): string =>
  `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;

// The wallets write local China time (UTC+8, no daylight saving) whatever the shop's zone.
const chinaClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "YYYY-MM-DD HH:mm:ss" in China time, as the wallets write times. */
export const chinaTime = (iso: string): string => chinaClock.format(new Date(iso));

/** Free text (a subject) made safe for a comma-separated field: no separators, quotes or line breaks. */
export const plainField = (text: string): string => text.replace(/[,`"\r\n\t#]/g, ' ');

export const billTotals = (rows: readonly BillRow[]) => ({
  charges: rows.filter((r) => r.kind === 'charge'),
  refunds: rows.filter((r) => r.kind === 'refund'),
  chargedMinor: rows.filter((r) => r.kind === 'charge').reduce((n, r) => n + r.amountMinor, 0),
  refundedMinor: rows.filter((r) => r.kind === 'refund').reduce((n, r) => n + r.amountMinor, 0),
  feeMinor: rows.reduce((n, r) => n + r.feeMinor, 0),
});
