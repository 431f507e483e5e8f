// The gateway's settlement (GET /v1/settlements/{date}, or its JSON or CSV file) as settlement rows: every
// payment of the day is a charge row carrying the gateway's status (a declined or voided one too: the
// matcher needs them for declined_after_forward), and a payment with refundedMinor > 0 also yields a refund
// row for that amount. The totals are checked against the payments before any row is handed out.
import { PAYMENT_STATUSES, QR_STATUSES, type Settlement } from '../../gateway/protocol/schemas';
import type { SettlementRow, SettlementSummary } from '../settlement-row';
import { refuse } from './refuse';

export type GatewayPayment = Pick<
  Settlement['payments'][number],
  | 'kind'
  | 'id'
  | 'reference'
  | 'status'
  | 'amountMinor'
  | 'refundedMinor'
  | 'brandOrScheme'
  | 'at'
  | 'feeMinor'
>;

// As the gateway counts them in totals.approvedMinor (main/gateway/sandbox/settlement.ts).
const SETTLED: Readonly<Record<GatewayPayment['kind'], ReadonlySet<string>>> = {
  card: new Set(['approved', 'refunded']),
  qr: new Set(['success', 'reversed']),
};
const KNOWN: Readonly<Record<GatewayPayment['kind'], readonly string[]>> = {
  card: PAYMENT_STATUSES,
  qr: QR_STATUSES.filter((s) => s !== 'user_paying'),
};

/** Whether the gateway counts a payment in this status as money taken (before any refund). */
export const isSettledStatus = (kind: GatewayPayment['kind'], status: string): boolean =>
  SETTLED[kind].has(status);

/** The rows of one payment (`line`: its line in a CSV file, its index + 1 in the JSON). */
export function gatewayPaymentRows(line: number, p: GatewayPayment, terminalId: string): SettlementRow[] {
  if (!KNOWN[p.kind].includes(p.status)) throw refuse(line, 'status', { column: 'status', found: p.status });
  if (p.refundedMinor > p.amountMinor)
    throw refuse(line, 'amount', { column: 'refundedMinor', found: p.refundedMinor });
  const charge: SettlementRow = {
    line,
    source: 'gateway',
    kind: 'charge',
    reference: p.reference,
    providerId: p.id,
    refundId: null,
    tender: p.kind,
    brand: p.brandOrScheme || null,
    amountMinor: p.amountMinor,
    feeMinor: p.feeMinor,
    at: p.at,
    status: p.status,
    terminalId,
  };
  return p.refundedMinor > 0
    ? [charge, { ...charge, kind: 'refund', amountMinor: p.refundedMinor, feeMinor: 0, status: 'refunded' }]
    : [charge];
}

/** What the totals are checked against, counted as the payments go by. */
export class PaymentCount {
  count = 0;
  approvedMinor = 0;
  feeMinor = 0;

  add(p: GatewayPayment): void {
    this.count++;
    this.feeMinor += p.feeMinor;
    if (isSettledStatus(p.kind, p.status)) this.approvedMinor += p.amountMinor;
  }
}

/**
 * Checks the gateway's totals against its payments. The refunded total counts refunds on the day they
 * happened (possibly of another day's payments), so it is checked for consistency with the net, not
 * against the payments' refundedMinor.
 */
export function checkGatewayTotals(
  line: number,
  counted: PaymentCount,
  totals: Settlement['totals'],
  rows: number,
): SettlementSummary {
  if (totals.count !== counted.count) throw refuse(line, 'summary', { column: 'count', rows: counted.count });
  if (totals.approvedMinor !== counted.approvedMinor) {
    throw refuse(line, 'summary', { column: 'approvedMinor', rows: counted.approvedMinor });
  }
  if (totals.netMinor !== totals.approvedMinor - totals.refundedMinor) {
    throw refuse(line, 'summary', { column: 'netMinor', found: totals.netMinor });
  }
  return {
    rows,
    chargedMinor: totals.approvedMinor,
    refundedMinor: totals.refundedMinor,
    feeMinor: counted.feeMinor,
  };
}

/** The rows of a settlement the gateway answered (already schema-checked by the client). */
export function settlementRows(s: Settlement): { rows: SettlementRow[]; summary: SettlementSummary } {
  const counted = new PaymentCount();
  const rows = s.payments.flatMap((p, i) => {
    counted.add(p);
    return gatewayPaymentRows(i + 1, p, s.terminalId);
  });
  return { rows, summary: checkGatewayTotals(s.payments.length + 1, counted, s.totals, rows.length) };
}
