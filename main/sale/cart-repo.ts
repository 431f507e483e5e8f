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
  /** Completing a cart drops its body (see ClosedCart). Call inside a transaction: two rows change. */
  close(id: string, to: 'completed' | 'abandoned'): void;
  /** Sets the open cart aside, body and all, for `owner` (cart-handover.ts). Inside a transaction. */
  park(id: string, owner: string): void;
  /** The cart parked for this operator, if any. */
  parkedFor(owner: string): string | null;
  /** Makes a parked cart the open one again; there must be no open cart. Inside a transaction. */
  unpark(id: string): void;
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
  // The open cart's version and body live in `cart_open` (migration 011); a closed cart's in `carts`.
  const selOpen = db.prepare<[], Row>(
    `SELECT c.id, c.status, o.version, o.body, c.opened_at
     FROM cart_open o JOIN carts c ON c.id = o.cart_id WHERE o.slot = 1 AND c.status = 'open'`,
  );
  const selId = db.prepare<[string], Row>(
    `SELECT c.id, c.status, coalesce(o.version, c.version) AS version, coalesce(o.body, c.body) AS body,
            c.opened_at
     FROM carts c LEFT JOIN cart_open o ON o.slot = 1 AND o.cart_id = c.id AND c.status = 'open' WHERE c.id = ?`,
  );
  const selVersion = db.prepare<[string], { status: CartStatus; version: number }>(
    `SELECT c.status, coalesce(o.version, c.version) AS version
     FROM carts c LEFT JOIN cart_open o ON o.slot = 1 AND o.cart_id = c.id AND c.status = 'open' WHERE c.id = ?`,
  );
  const ins = db.prepare<[string, string, string]>(
    `INSERT INTO carts (id, status, version, body, opened_at, updated_at) VALUES (?, 'open', 0, '', ?, ?)`,
  );
  // A row left by a close that never finished cannot be, as close runs in its caller's transaction; the
  // REPLACE only keeps one slot whatever an older build left.
  const insOpen = db.prepare<[string, string, string]>(
    `INSERT OR REPLACE INTO cart_open (slot, cart_id, version, body, updated_at) VALUES (1, ?, 0, ?, ?)`,
  );
  const upd = db.prepare<[string, string, string]>(
    `UPDATE cart_open SET body = ?, version = version + 1, updated_at = ? WHERE slot = 1 AND cart_id = ?`,
  );
  // Only an open cart has somewhere to go (see states.ts), so closing is one guarded UPDATE. A completed
  // cart keeps no body; an abandoned one takes its body along.
  const closeOpen = db.prepare<[{ to: string; at: string; id: string }]>(
    `UPDATE carts SET status = @to, updated_at = @at,
       version = coalesce((SELECT version FROM cart_open WHERE slot = 1 AND cart_id = @id), version),
       body = CASE WHEN @to = 'completed' THEN ''
                   ELSE coalesce((SELECT body FROM cart_open WHERE slot = 1 AND cart_id = @id), body) END
     WHERE id = @id AND status = 'open'`,
  );
  const delOpen = db.prepare<[string]>(`DELETE FROM cart_open WHERE slot = 1 AND cart_id = ?`);
  // Parking and its way back (migration 017): statements of their own, so the commit's close is untouched.
  const parkOpen = db.prepare<[{ owner: string; at: string; id: string }]>(
    `UPDATE carts SET status = 'parked', owner_operator_id = @owner, updated_at = @at,
       version = (SELECT version FROM cart_open WHERE slot = 1 AND cart_id = @id),
       body = (SELECT body FROM cart_open WHERE slot = 1 AND cart_id = @id)
     WHERE id = @id AND status = 'open'`,
  );
  const selParked = db.prepare<[string], { id: string }>(
    `SELECT id FROM carts WHERE owner_operator_id = ? AND status = 'parked'`,
  );
  const insUnparked = db.prepare<[string, string]>(
    `INSERT INTO cart_open (slot, cart_id, version, body, updated_at)
     SELECT 1, id, version, body, ? FROM carts WHERE id = ? AND status = 'parked'`,
  );
  const unparkRow = db.prepare<[string, string]>(
    `UPDATE carts SET status = 'open', body = '', updated_at = ? WHERE id = ? AND status = 'parked'`,
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
      ins.run(id, at, at);
      insOpen.run(id, JSON.stringify(EMPTY_CART), at);
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
      if (closeOpen.run({ to, at: deps.now().toISOString(), id }).changes !== 1) {
        throw new PosFailure('NOT_FOUND', `Cart ${id} is not open`, { cartId: id });
      }
      delOpen.run(id);
    },
    park(id, owner) {
      assertCartTransition('open', 'parked');
      if (parkOpen.run({ owner, at: deps.now().toISOString(), id }).changes !== 1) {
        throw new PosFailure('NOT_FOUND', `Cart ${id} is not open`, { cartId: id });
      }
      delOpen.run(id);
    },
    parkedFor: (owner) => selParked.get(owner)?.id ?? null,
    unpark(id) {
      assertCartTransition('parked', 'open');
      const at = deps.now().toISOString();
      // cart_open first: its one slot refuses a second open cart before the carts row changes.
      if (insUnparked.run(at, id).changes !== 1 || unparkRow.run(at, id).changes !== 1) {
        throw new PosFailure('NOT_FOUND', `Cart ${id} is not parked`, { cartId: id });
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
