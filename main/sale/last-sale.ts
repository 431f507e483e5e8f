// Which sale was committed last (reprinted without a manager's approval, shown at start-up): kept in
// `counters` by the sale's own commit, so reading it is one key lookup at any history size. It is the sale of
// the newest 'sale.completed' journal entry — commit order, not the wall clock (an NTP correction steps it
// back) nor the receipt number text (the terminal id may be renamed) — and the row's value is that entry's seq.
// The counters row shares its page with the receipt counter and the journal head, which every sale writes anyway.
import type { Database, Statement } from '../store/db';

export const LAST_SALE_KEY = 'sale.last';

const cache = new WeakMap<Database, Statement<[number, string]>>();

/** Inside the sale's transaction, right after its journal entry. */
export function noteLastSale(db: Database, saleId: string, journalSeq: number): void {
  let st = cache.get(db);
  if (st === undefined) {
    st = db.prepare<
      [number, string]
    >(`INSERT INTO counters (name, value, hash) VALUES ('${LAST_SALE_KEY}', ?, ?)
      ON CONFLICT (name) DO UPDATE SET value = excluded.value, hash = excluded.hash`);
    cache.set(db, st);
  }
  st.run(journalSeq, saleId);
}
