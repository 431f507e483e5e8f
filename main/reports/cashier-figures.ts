// Sales, returns and voids per cashier, named from the operators on file. Training's demo manager has no row:
// its name comes from training-staff.ts; anyone else without a row (removed since) is shown by id. Voids come
// from the same day_totals rows as the sales: a counted event is kept per cashier already (counted-events.ts).
import type { CashierFigures } from '../api/contract/reports';
import type { Database } from '../store/db';
import { TRAINING_MANAGER, TRAINING_MANAGER_ID } from '../staff/training-staff';
import { returnsOf, salesOf, type TotalsRowRead } from './day-figures';
import { COUNTS, REFUNDS, SALES } from '../totals/metrics';

/** The metrics that put a cashier on the report: someone who only cleared carts is still listed. */
const CASHIER_METRICS: readonly string[] = [SALES, REFUNDS, COUNTS.void, COUNTS.lineVoid];

const countOf = (rows: readonly TotalsRowRead[], metric: string): number =>
  rows.reduce((s, r) => s + (r.metric === metric ? r.n : 0), 0);

export function cashiersOf(db: Database, rows: readonly TotalsRowRead[]): CashierFigures[] {
  const ids = [...new Set(rows.filter((r) => CASHIER_METRICS.includes(r.metric)).map((r) => r.operatorId))];
  const named = db.prepare<[string], { code: string; name: string }>(
    'SELECT code, name FROM operators WHERE id = ?',
  );
  return ids.sort().map((id) => {
    const mine = rows.filter((r) => r.operatorId === id);
    const op = id === '' ? undefined : named.get(id);
    const who =
      op ??
      (id === TRAINING_MANAGER_ID ? { code: TRAINING_MANAGER.code, name: TRAINING_MANAGER.name } : null);
    return {
      operatorId: id === '' ? null : id,
      code: who?.code ?? null,
      name: who?.name ?? (id === '' ? null : id),
      sales: salesOf(mine),
      returns: returnsOf(mine),
      voids: countOf(mine, COUNTS.void),
      lineVoids: countOf(mine, COUNTS.lineVoid),
    };
  });
}
