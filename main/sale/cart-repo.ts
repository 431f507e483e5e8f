// Persistence of the one open cart. Every change is its own committed transaction (synchronous=FULL), so
// after a crash or power cut the cashier finds the cart exactly as it was at the last acknowledged change.
import type Database from 'better-sqlite3';
import { PosFailure } from '../api/result';
import { CartBodySchema, EMPTY_CART, type CartBody } from './cart-body';
import { assertCartTransition, type CartStatus } from './states';

export interface CartRecord {
  readonly id: string;
  readonly status: CartStatus;
  readonly version: number;
  readonly body: CartBody;
  readonly openedAt: string;
}

interface Row {
  id: string;
  status: CartStatus;
  version: number;
  body: string;
  opened_at: string;
}

export interface CartRepo {
  /** The open cart, creating an empty one if there is none. Call inside a transaction. */
  openCart(): CartRecord;
  byId(id: string): CartRecord | null;
  save(id: string, body: CartBody): CartRecord;
  close(id: string, to: Exclude<CartStatus, 'open'>): void;
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
  const ins = db.prepare(
    `INSERT INTO carts (id, status, version, body, opened_at, updated_at) VALUES (?, 'open', 0, ?, ?, ?)`,
  );
  const upd = db.prepare(
    `UPDATE carts SET body = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = 'open'`,
  );
  const setStatus = db.prepare(`UPDATE carts SET status = ?, updated_at = ? WHERE id = ?`);

  const toRecord = (row: Row): CartRecord => {
    const parsed = CartBodySchema.safeParse(JSON.parse(row.body));
    if (!parsed.success) {
      throw new PosFailure('STORAGE_CORRUPT', `Stored cart ${row.id} is unreadable`, { cartId: row.id });
    }
    return {
      id: row.id,
      status: row.status,
      version: row.version,
      body: parsed.data,
      openedAt: row.opened_at,
    };
  };

  const repo: CartRepo = {
    openCart() {
      const row = selOpen.get();
      if (row) return toRecord(row);
      const id = deps.newId();
      const at = deps.now().toISOString();
      ins.run(id, JSON.stringify(EMPTY_CART), at, at);
      return { id, status: 'open', version: 0, body: EMPTY_CART, openedAt: at };
    },
    byId(id) {
      const row = selId.get(id);
      return row ? toRecord(row) : null;
    },
    save(id, body) {
      const info = upd.run(JSON.stringify(body), deps.now().toISOString(), id);
      if (info.changes !== 1) throw new PosFailure('NOT_FOUND', `Cart ${id} is not open`);
      const rec = repo.byId(id);
      if (!rec) throw new PosFailure('NOT_FOUND', `Cart ${id} vanished`);
      return rec;
    },
    close(id, to) {
      const rec = repo.byId(id);
      if (!rec) throw new PosFailure('NOT_FOUND', `Cart ${id} not found`);
      assertCartTransition(rec.status, to);
      setStatus.run(to, deps.now().toISOString(), id);
    },
  };
  return repo;
}
