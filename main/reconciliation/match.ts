// The matcher: settlement rows against the till's side of a day, every pair or difference one item of a
// stable class (RECON_CLASSES). Pure: arrays in, items out, and the two small readers of LocalSide for
// what lies outside the day. Charges match by reference (the attempt id the till sent) first; rows without
// one (some wallet files) then by amount and time within MATCH_WINDOW_MS, same tender and wallet/brand,
// the nearest in time winning. Refunds are compared per payment (a gateway reports them under the payment).
import type { ReconClass, ReconItemFacts } from '../api/contract/reconciliation';
import type { LocalRefund, LocalSide, LocalTender } from './local-side';
import type { SettlementRow } from './settlement-row';

export const MATCH_WINDOW_MS = 10 * 60 * 1000;

export interface MatchItem extends ReconItemFacts {
  /** stable across re-runs of the same day: the class and what it is about */
  readonly key: string;
}

/** A provider status that means no money moved (a charge row reported for information). */
const NOT_SETTLED = /declin|referral|void|fail|closed|revok|cancel|expire/i;
export const chargeSettled = (row: SettlementRow): boolean => !NOT_SETTLED.test(row.status);

/** A local attempt that did take the money (or is still to, offline) as far as the till knows. */
const FORWARD_DECLINED = 'forward_declined';

function item(
  cls: ReconClass,
  about: string,
  p: Omit<MatchItem, 'key' | 'class' | 'details'> & { details?: Record<string, unknown> },
): MatchItem {
  return { key: `${cls}:${about}`, class: cls, ...p, details: p.details ?? {} };
}

const brandFits = (a: string | null, b: string | null): boolean =>
  a === null || b === null || a.toLowerCase() === b.toLowerCase();

/** The unmatched tender nearest in time to `row` within the window, same tender kind and brand. */
function nearestTender(row: SettlementRow, open: readonly LocalTender[]): LocalTender | null {
  const at = Date.parse(row.at);
  let best: LocalTender | null = null;
  let bestGap = MATCH_WINDOW_MS + 1;
  for (const t of open) {
    if (t.kind !== row.tender || t.amountMinor !== row.amountMinor || !brandFits(t.brand, row.brand))
      continue;
    const gap = Math.abs(Date.parse(t.at) - at);
    if (gap < bestGap) [best, bestGap] = [t, gap];
  }
  return best;
}

function chargeAgainstTender(row: SettlementRow, t: LocalTender): MatchItem {
  const base = {
    reference: t.attemptId,
    saleId: t.saleId,
    attemptId: t.attemptId,
    refundId: null,
    localMinor: t.amountMinor,
    details: { local: t, settlement: row },
  };
  if (t.attemptState === FORWARD_DECLINED) {
    return item(chargeSettled(row) ? 'status_mismatch' : 'declined_after_forward', t.attemptId, {
      ...base,
      settledMinor: chargeSettled(row) ? row.amountMinor : 0,
    });
  }
  // A stored offline payment the gateway declined when it was forwarded, whatever the till was told.
  const forwarded = t.attemptState.startsWith('forward_') || t.attemptState === 'stored';
  if (!chargeSettled(row)) {
    return item(forwarded ? 'declined_after_forward' : 'status_mismatch', t.attemptId, {
      ...base,
      settledMinor: 0,
    });
  }
  const cls = row.amountMinor === t.amountMinor ? 'matched' : 'amount_mismatch';
  return item(cls, t.attemptId, { ...base, settledMinor: row.amountMinor });
}

function matchCharges(rows: readonly SettlementRow[], local: LocalSide): MatchItem[] {
  const items: MatchItem[] = [];
  const byAttempt = new Map(local.tenders.map((t) => [t.attemptId, t]));
  const used = new Set<string>();
  const unreferenced: SettlementRow[] = [];
  for (const row of rows) {
    if (row.kind !== 'charge') continue;
    if (row.reference === null) {
      unreferenced.push(row);
      continue;
    }
    const tender = byAttempt.get(row.reference);
    if (tender && !used.has(tender.attemptId)) {
      used.add(tender.attemptId);
      items.push(chargeAgainstTender(row, tender));
      continue;
    }
    const attempt = local.attempt(row.reference);
    // A payment sold on another day's window is that day's business; a declined one with no sale moved
    // nothing. A second charge of a payment already matched is money taken twice.
    if ((attempt?.saleId && !tender) || !chargeSettled(row)) continue;
    items.push(
      item('charged_no_sale', `${row.source}:${row.providerId}`, {
        reference: row.reference,
        saleId: null,
        attemptId: attempt?.attemptId ?? null,
        refundId: null,
        localMinor: 0,
        settledMinor: row.amountMinor,
        details: { attempt, settlement: row },
      }),
    );
  }
  for (const row of unreferenced) {
    const tender = nearestTender(
      row,
      local.tenders.filter((t) => !used.has(t.attemptId)),
    );
    if (tender) {
      used.add(tender.attemptId);
      items.push(chargeAgainstTender(row, tender));
    } else if (chargeSettled(row)) {
      items.push(
        item('charged_no_sale', `${row.source}:${row.providerId}`, {
          reference: null,
          saleId: null,
          attemptId: null,
          refundId: null,
          localMinor: 0,
          settledMinor: row.amountMinor,
          details: { settlement: row },
        }),
      );
    }
  }
  for (const t of local.tenders) {
    if (used.has(t.attemptId)) continue;
    const cls = t.attemptState === FORWARD_DECLINED ? 'declined_after_forward' : 'sale_no_charge';
    items.push(
      item(cls, t.attemptId, {
        reference: t.attemptId,
        saleId: t.saleId,
        attemptId: t.attemptId,
        refundId: null,
        localMinor: t.amountMinor,
        settledMinor: 0,
        details: { local: t },
      }),
    );
  }
  return items;
}

const sum = (xs: readonly { amountMinor: number }[]): number => xs.reduce((n, x) => n + x.amountMinor, 0);

function refundItem(
  ref: string,
  about: string,
  settled: readonly SettlementRow[],
  local: readonly LocalRefund[],
): MatchItem {
  const localMinor = sum(local);
  const settledMinor = sum(settled);
  const cls: ReconClass =
    localMinor === settledMinor
      ? 'matched'
      : localMinor === 0
        ? 'status_mismatch'
        : settledMinor === 0
          ? 'refund_one_side'
          : 'amount_mismatch';
  return item(cls, `refund:${about}`, {
    reference: ref,
    saleId: local[0]?.saleId ?? null,
    attemptId: local[0]?.attemptId ?? null,
    refundId: local.length === 1 ? (local[0]?.refundId ?? null) : null,
    localMinor,
    settledMinor,
    details: { localRefunds: local, settlement: settled },
  });
}

function matchRefunds(rows: readonly SettlementRow[], local: LocalSide): MatchItem[] {
  const items: MatchItem[] = [];
  const settledBy = new Map<string, SettlementRow[]>();
  const unreferenced: SettlementRow[] = [];
  for (const row of rows) {
    if (row.kind !== 'refund') continue;
    if (row.reference === null) unreferenced.push(row);
    else settledBy.set(row.reference, [...(settledBy.get(row.reference) ?? []), row]);
  }
  for (const [ref, settled] of settledBy) items.push(refundItem(ref, ref, settled, local.refundsOf(ref)));
  // A gateway reports a refund under its payment's day: a refund of another day's payment is not missing.
  const chargedHere = new Set(rows.filter((r) => r.kind === 'charge').map((r) => r.reference));
  const gatewayOnly = rows.length > 0 && rows.every((r) => r.source === 'gateway');
  const open = local.refunds.filter(
    (r) => !settledBy.has(r.attemptId) && (!gatewayOnly || chargedHere.has(r.attemptId)),
  );
  const used = new Set<string>();
  for (const row of unreferenced) {
    const hit = open.find(
      (r) =>
        !used.has(r.refundId) &&
        r.kind === row.tender &&
        r.amountMinor === row.amountMinor &&
        Math.abs(Date.parse(r.at) - Date.parse(row.at)) <= MATCH_WINDOW_MS,
    );
    if (hit) used.add(hit.refundId);
    const about = `${row.source}:${row.providerId}`;
    items.push(refundItem(hit?.attemptId ?? about, about, [row], hit ? [hit] : []));
  }
  for (const r of open) if (!used.has(r.refundId)) items.push(refundItem(r.attemptId, r.refundId, [], [r]));
  return items;
}

function fees(rows: readonly SettlementRow[]): MatchItem[] {
  const items: MatchItem[] = rows
    .filter((r) => r.kind === 'fee')
    .map((r) =>
      item('fee', `${r.source}:${r.providerId}:${r.line}`, {
        reference: r.reference,
        saleId: null,
        attemptId: null,
        refundId: null,
        localMinor: 0,
        settledMinor: r.amountMinor + r.feeMinor,
        details: { settlement: r },
      }),
    );
  // Fees carried on charge and refund rows are shown once for the day, not once per payment.
  const carried = rows.filter((r) => r.kind !== 'fee' && r.feeMinor > 0);
  if (carried.length > 0) {
    items.push(
      item('fee', 'rows', {
        reference: null,
        saleId: null,
        attemptId: null,
        refundId: null,
        localMinor: 0,
        settledMinor: carried.reduce((n, r) => n + r.feeMinor, 0),
        details: { rows: carried.length },
      }),
    );
  }
  return items;
}

export function matchDay(rows: readonly SettlementRow[], local: LocalSide): MatchItem[] {
  return [...matchCharges(rows, local), ...matchRefunds(rows, local), ...fees(rows)];
}
