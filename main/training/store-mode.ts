// Whether a store holds training or live sales, kept in the store itself (settings `store.mode`), so that the
// data folder, not a command-line flag, decides. Once live, a store stays live.
import type { Database } from '../store/db';

export type StoreMode = 'training' | 'live';

const KEY = 'store.mode';

/** The recorded mode, or null for a store made before modes were recorded (see `holdsLiveSales`). */
export function readStoreMode(db: Database): StoreMode | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(KEY);
  const value = row ? (JSON.parse(row.value) as unknown) : null;
  return value === 'training' || value === 'live' ? value : null;
}

export function markStoreMode(db: Database, mode: StoreMode): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(mode));
}

/** Whether the store has sold anything yet (its first row: no scan). */
export const holdsAnySale = (db: Database): boolean =>
  db.prepare('SELECT 1 FROM sales LIMIT 1').get() !== undefined;
