// Completed carts written before this build still hold their bodies (~2 KB each): their sales hold the lines,
// so the bodies are dropped in the background, a batch at a time, from where the last batch stopped (a cursor
// in `counters`). New completions drop the body themselves (cart-repo close), so this finishes once.
import type { Database } from '../store/db';
import type { MaintenanceTask } from '../store/idle-maintenance';
import type { CartRepo } from './cart-repo';

const CURSOR = 'carts.compacted';
const DONE = -1;
const BATCH = 500;

export function cartCompaction(db: Database, carts: CartRepo): MaintenanceTask {
  const read = db.prepare<[string], { value: number }>(`SELECT value FROM counters WHERE name = ?`);
  const write = db.prepare<[string, number]>(
    `INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
  );
  return {
    name: 'carts',
    step: () =>
      db
        .transaction(() => {
          const from = read.get(CURSOR)?.value ?? 0;
          if (from === DONE) return 0;
          const { lastRowid, compacted } = carts.compactCompleted(from, BATCH);
          write.run(CURSOR, lastRowid ?? DONE);
          // A batch of carts that needed nothing still moved the cursor: report progress so the walk goes on.
          return lastRowid === null ? 0 : Math.max(compacted, 1);
        })
        .immediate(),
  };
}
