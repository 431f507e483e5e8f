// Persistence of the one open cart. Every change is its own committed transaction (synchronous=FULL), so
// after a crash or power cut the cashier finds the cart exactly as it was at the last acknowledged change.
import type Database from 'better-sqlite3';
import { PosFailure } from '../api/result';
import { CartBodySchema, EMPTY_CART, type CartBody } from './cart-body';
import { assertCartTransition, type CartStatus } from './states';

export interface OpenCart {
  readonly id: string;
  readonly status: 'open';
  readonly version: number;
  readonly body: CartBody;
  readonly openedAt: string;
}

/**
 * A completed cart keeps no body: its sale holds the lines (the body was 2 KB a sale, forever). An abandoned
 * cart keeps its body, as the record of what was rung up and not sold.
 */
export interface ClosedCart {
  readonly id: string;
  readonly status: Exclude<CartStatus, 'open'>;
  readonly version: number;
  readonly openedAt: string;
}

export type CartRecord = OpenCart | ClosedCart;

interface Row {
  id: string;
  status: CartStatus;
  version: number;
  body: string;
  opened_at: string;
}

export interface CartRepo {
  /** The open cart, creating an empty one if there is none. Call inside a transaction. */
  openCart(): OpenCart;
  byId(id: string): CartRecord | null;
  save(id: string, body: CartBody): OpenCart;
  /** Completing a cart drops its body in the same UPDATE (see ClosedCart). */
  close(id: string, to: Exclude<CartStatus, 'open'>): void;
  /**
   * Drops the bodies of up to `limit` completed carts closed before this build did so itself, walking rowids
   * upward from `afterRowid`; returns the last rowid looked at (null when none are left) and how many changed.
   */
  compactCompleted(afterRowid: number, limit: number): { lastRowid: number | null; compacted: number };
}

export function createCartRepo(
  db: Database.Database,
  deps: { now: () => Date; newId: () => string },
): CartRepo {
  const selOpen = db.prepare<[], Row>(
    `SELECT id, status, version, body, opened_at FROM carts WHERE status = 'open'`,
  );
  const selId = db.prepare<[string], Row>(
    `SELECT id, status, version, body, opened_at FROM carts WHERE id = ?`,
  );
  const selVersion = db.prepare<[string], { status: CartStatus; version: number }>(
    `SELECT status, version FROM carts WHERE id = ?`,
  );
  const ins = db.prepare(
    `INSERT INTO carts (id, status, version, body, opened_at, updated_at) VALUES (?, 'open', 0, ?, ?, ?)`,
  );
  const upd = db.prepare(
    `UPDATE carts SET body = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = 'open'`,
  );
  // Only an open cart has somewhere to go (see states.ts), so closing is one guarded UPDATE.
  const closeOpen = db.prepare<[string, string, string, string]>(
    `UPDATE carts SET status = ?, updated_at = ?, body = CASE WHEN ? = 'completed' THEN '' ELSE body END
     WHERE id = ? AND status = 'open'`,
  );
  const batch = db.prepare<[number, number], { rowid: number; status: CartStatus; n: number }>(
    `SELECT rowid, status, length(body) AS n FROM carts WHERE rowid > ? ORDER BY rowid LIMIT ?`,
  );
  const dropBody = db.prepare<[number]>(
    `UPDATE carts SET body = '' WHERE rowid = ? AND status = 'completed'`,
  );

  // The last body text this repo validated, and its parsed value: the open cart is read back on every
  // change and at the tender, and re-validating the same text would only cost time on the commit path.
  let known: { readonly text: string; readonly body: CartBody } | null = null;
  const parseBody = (row: Row): CartBody => {
    if (known?.text === row.body) return known.body;
    const parsed = CartBodySchema.safeParse(JSON.parse(row.body));
    if (!parsed.success) {
      throw new PosFailure('STORAGE_CORRUPT', `Stored cart ${row.id} is unreadable`, { cartId: row.id });
    }
    known = { text: row.body, body: parsed.data };
    return parsed.data;
  };

  // The last record read: every write bumps the version or changes the status, so a row that still has
  // both is the same cart, and its body need not be read again (the tender reads the cart the scan saved).
  let lastRead: CartRecord | null = null;
  const toRecord = (row: Row): CartRecord =>
    (lastRead =
      row.status === 'open'
        ? { id: row.id, status: 'open', version: row.version, body: parseBody(row), openedAt: row.opened_at }
        : { id: row.id, status: row.status, version: row.version, openedAt: row.opened_at });
  const toOpen = (row: Row): OpenCart => {
    const rec = toRecord(row);
    if (rec.status !== 'open') throw new PosFailure('NOT_FOUND', `Cart ${row.id} is not open`);
    return rec;
  };

  const repo: CartRepo = {
    openCart() {
      const row = selOpen.get();
      if (row) return toOpen(row);
      const id = deps.newId();
      const at = deps.now().toISOString();
      ins.run(id, JSON.stringify(EMPTY_CART), at, at);
      return { id, status: 'open', version: 0, body: EMPTY_CART, openedAt: at };
    },
    byId(id) {
      if (lastRead?.id === id) {
        const v = selVersion.get(id);
        if (v?.version === lastRead.version && v.status === lastRead.status) return lastRead;
      }
      const row = selId.get(id);
      return row ? toRecord(row) : null;
    },
    save(id, body) {
      const info = upd.run(JSON.stringify(body), deps.now().toISOString(), id);
      if (info.changes !== 1) throw new PosFailure('NOT_FOUND', `Cart ${id} is not open`);
      const rec = repo.byId(id);
      if (rec?.status !== 'open') throw new PosFailure('NOT_FOUND', `Cart ${id} vanished`);
      return rec;
    },
    close(id, to) {
      assertCartTransition('open', to);
      if (closeOpen.run(to, deps.now().toISOString(), to, id).changes !== 1) {
        throw new PosFailure('NOT_FOUND', `Cart ${id} is not open`, { cartId: id });
      }
    },
    compactCompleted: (afterRowid, limit) =>
      db
        .transaction(() => {
          const rows = batch.all(afterRowid, limit);
          let compacted = 0;
          for (const r of rows)
            if (r.status === 'completed' && r.n > 0) compacted += dropBody.run(r.rowid).changes;
          return { lastRowid: rows.length === 0 ? null : (rows[rows.length - 1]?.rowid ?? null), compacted };
        })
        .immediate(), // read then write: take the write lock first, or another writer's commit fails it
  };
  return repo;
}
