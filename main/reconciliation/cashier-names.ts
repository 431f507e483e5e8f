// The cashier rows of a day's breakdown are keyed by operator id; a manager reads "101 王芳". The few
// operators of a day are looked up one by one through the operators' primary key (never a scan of staff),
// each once per view. Training mode's demo manager has no row: it is named as the staff capability names it.
import type { Database } from '../store/db';
import { TRAINING_MANAGER, TRAINING_MANAGER_ID } from '../staff/training-staff';

/** "code name" of an operator by id, or null when no operator has that id. */
export type CashierName = (operatorId: string) => string | null;

export function cashierNames(db: Database): CashierName {
  const byId = db.prepare<[string], { code: string; name: string }>(
    'SELECT code, name FROM operators WHERE id = ?',
  );
  const seen = new Map<string, string | null>();
  return (operatorId) => {
    let label = seen.get(operatorId);
    if (label === undefined) {
      const row = operatorId === TRAINING_MANAGER_ID ? TRAINING_MANAGER : (byId.get(operatorId) ?? null);
      label = row === null ? null : `${row.code} ${row.name}`;
      seen.set(operatorId, label);
    }
    return label;
  };
}
