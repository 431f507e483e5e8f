// Adding to the open business day's totals, inside the caller's transaction (a sale's, a refund's, a counted
// event's), so the totals and what they count commit together or not at all. One multi-row upsert per call:
// the day comes from the `business-day` counter inside the statement itself, so the sale path pays one
// statement, not a read and then writes. Positional binding, as on the rest of the sale path.
import type { Database, Statement } from '../store/db';
import type { TotalsRow } from './metrics';

/** Whose figures these are: the shift and the signed-in cashier (null: none). */
export interface Attribution {
  readonly shiftId: string | null;
  readonly operatorId: string | null;
}

export interface DayTotals {
  /** Call inside the caller's transaction. */
  add(rows: readonly TotalsRow[], who: Attribution): void;
}

const ROW = `((SELECT value FROM counters WHERE name = 'business-day'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function createDayTotals(db: Database): DayTotals {
  const statements = new Map<number, Statement>();
  const upsert = (rows: number): Statement => {
    let st = statements.get(rows);
    if (st === undefined) {
      st = db.prepare(`INSERT INTO day_totals (day_no, metric, shift_id, operator_id, n, amount_minor,
          gross_minor, discount_minor, tax_minor, qty_milli, change_minor)
        VALUES ${Array.from({ length: rows }, () => ROW).join(', ')}
        ON CONFLICT (day_no, metric, shift_id, operator_id) DO UPDATE SET
          n = n + excluded.n, amount_minor = amount_minor + excluded.amount_minor,
          gross_minor = gross_minor + excluded.gross_minor,
          discount_minor = discount_minor + excluded.discount_minor, tax_minor = tax_minor + excluded.tax_minor,
          qty_milli = qty_milli + excluded.qty_milli, change_minor = change_minor + excluded.change_minor`);
      statements.set(rows, st);
    }
    return st;
  };
  return {
    add(rows, who) {
      if (rows.length === 0) return;
      const shift = who.shiftId ?? '';
      const operator = who.operatorId ?? '';
      const params: unknown[] = [];
      for (const r of rows) {
        params.push(
          r.metric,
          shift,
          operator,
          r.n,
          r.amountMinor ?? 0,
          r.grossMinor ?? 0,
          r.discountMinor ?? 0,
          r.taxMinor ?? 0,
          r.qtyMilli ?? 0,
          r.changeMinor ?? 0,
        );
      }
      upsert(rows.length).run(params);
    },
  };
}
