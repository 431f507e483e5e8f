// The acquirer's side of a payment where it differs from the ledger (ledger step 4): a fee it charged, or the
// payment missing from its settlement. Set only through /admin/differences; read by every settlement and bill.
import type { Ledger, RefundKind } from './ledger';

export interface SettlementMark {
  readonly feeMinor: number;
  readonly dropped: boolean;
}

export const NO_MARK: SettlementMark = { feeMinor: 0, dropped: false };

/** Sets the fee and/or the dropped flag of one payment (card) or QR order (qr), keeping what is not given. */
export function markPayment(
  ledger: Ledger,
  kind: RefundKind,
  id: string,
  change: Partial<SettlementMark>,
): SettlementMark {
  const next = { ...(readMark(ledger, kind, id) ?? NO_MARK), ...change };
  ledger.db
    .prepare(
      `INSERT INTO settlement_marks (kind, id, fee_minor, dropped) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET fee_minor = excluded.fee_minor, dropped = excluded.dropped`,
    )
    .run(kind, id, next.feeMinor, next.dropped ? 1 : 0);
  return next;
}

function readMark(ledger: Ledger, kind: RefundKind, id: string): SettlementMark | undefined {
  const r = ledger.db
    .prepare('SELECT fee_minor AS feeMinor, dropped FROM settlement_marks WHERE kind = ? AND id = ?')
    .get(kind, id) as { feeMinor: number; dropped: number } | undefined;
  return r && { feeMinor: r.feeMinor, dropped: r.dropped === 1 };
}

/** Every mark, keyed `${kind}:${id}` (a settlement reads them all once rather than one query a row). */
export function settlementMarks(ledger: Ledger): ReadonlyMap<string, SettlementMark> {
  const rows = ledger.db
    .prepare('SELECT kind, id, fee_minor AS feeMinor, dropped FROM settlement_marks')
    .all() as { kind: string; id: string; feeMinor: number; dropped: number }[];
  return new Map(rows.map((r) => [`${r.kind}:${r.id}`, { feeMinor: r.feeMinor, dropped: r.dropped === 1 }]));
}

export const markOf = (
  marks: ReadonlyMap<string, SettlementMark>,
  kind: RefundKind,
  id: string,
): SettlementMark => marks.get(`${kind}:${id}`) ?? NO_MARK;
