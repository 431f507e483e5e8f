// Counted events (metrics.ts COUNTS): a no-sale, a reprint, an override, a void or a line void adds one to its
// business day's count for the shift and cashier it happened under, inside the transaction of the event's own
// journal entry (or cart change), so the count and the event commit together or not at all.
import type { Database } from '../store/db';
import { createDayTotals, type Attribution } from './day-totals';
import { COUNTS, type CountName } from './metrics';

/** Inside the caller's transaction: one more `name` for `who`. */
export type CountEvent = (name: CountName, who: Attribution) => void;

/** Nobody's: outside a shift, nobody signed in (the default where no attribution port is wired). */
export const NOBODY: Attribution = { shiftId: null, operatorId: null };
export const nobody = (): Attribution => NOBODY;

export function createEventCounter(db: Database): CountEvent {
  const totals = createDayTotals(db); // one prepared single-row upsert, made on first use
  return (name, who) => totals.add([{ metric: COUNTS[name], n: 1 }], who);
}
