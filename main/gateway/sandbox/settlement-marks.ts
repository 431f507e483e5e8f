// The acquirer's side of a payment where it differs from the ledger (ledger steps 4 and 5): a fee it charged,
// the payment missing from its settlement, another amount settled than the terminal was answered, or the
// payment's refunds not (yet) in its settlement. Set only through /admin/differences; read by every
// settlement and bill.
import type { Ledger, RefundKind } from './ledger';

export interface SettlementMark {
  readonly feeMinor: number;
  readonly dropped: boolean;
  /** what the acquirer settles for the payment; null: what the terminal was answered */
  readonly settledMinor: number | null;
  /** the payment's refunds are left out of the settlement (and the bills) */
  readonly refundsHeld: boolean;
}

export const NO_MARK: SettlementMark = {
  feeMinor: 0,
  dropped: false,
  settledMinor: null,
  refundsHeld: false,
};

interface MarkRow {
  kind: string;
  id: string;
  feeMinor: number;
  dropped: number;
  settledMinor: number | null;
  refundsHeld: number;
}

const COLUMNS =
  'kind, id, fee_minor AS feeMinor, dropped, settled_minor AS settledMinor, refunds_held AS refundsHeld';

const markOfRow = (r: MarkRow): SettlementMark => ({
  feeMinor: r.feeMinor,
  dropped: r.dropped === 1,
  settledMinor: r.settledMinor,
  refundsHeld: r.refundsHeld === 1,
});

/** Sets some of one payment's (card) or QR order's (qr) marks, keeping what is not given. */
export function markPayment(
  ledger: Ledger,
  kind: RefundKind,
  id: string,
  change: Partial<SettlementMark>,
): SettlementMark {
  const next = { ...(readMark(ledger, kind, id) ?? NO_MARK), ...change };
  ledger.db
    .prepare(
      `INSERT INTO settlement_marks (kind, id, fee_minor, dropped, settled_minor, refunds_held)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET fee_minor = excluded.fee_minor, dropped = excluded.dropped,
         settled_minor = excluded.settled_minor, refunds_held = excluded.refunds_held`,
    )
    .run(kind, id, next.feeMinor, next.dropped ? 1 : 0, next.settledMinor, next.refundsHeld ? 1 : 0);
  return next;
}

function readMark(ledger: Ledger, kind: RefundKind, id: string): SettlementMark | undefined {
  const r = ledger.db
    .prepare(`SELECT ${COLUMNS} FROM settlement_marks WHERE kind = ? AND id = ?`)
    .get(kind, id) as MarkRow | undefined;
  return r && markOfRow(r);
}

/** Every mark, keyed `${kind}:${id}` (a settlement reads them all once rather than one query a row). */
export function settlementMarks(ledger: Ledger): ReadonlyMap<string, SettlementMark> {
  const rows = ledger.db.prepare(`SELECT ${COLUMNS} FROM settlement_marks`).all() as MarkRow[];
  return new Map(rows.map((r) => [`${r.kind}:${r.id}`, markOfRow(r)]));
}

export const markOf = (
  marks: ReadonlyMap<string, SettlementMark>,
  kind: RefundKind,
  id: string,
): SettlementMark => marks.get(`${kind}:${id}`) ?? NO_MARK;
