// The one way a row enters the outbox: a kind from the table below with its body's type, written inside the
// transaction that commits the fact it reports (a sale and its upload, a stored payment and its forward), so the
// fact never exists without its row nor the row without its fact. The sync worker (main/sync/) drains them.
import type { Database, Statement } from '../store/db';
import type { SaleUpload } from '../gateway/protocol/schemas';

/** Every kind of outbox row and the body it carries (stored as JSON in `outbox.body`). */
export interface OutboxBodies {
  /** a completed sale for the gateway's records; keyed `sale:<saleId>` */
  readonly 'sale.upload': SaleUpload;
  /** a card payment stored offline, to be authorized when the gateway is back; keyed by the attempt's key */
  readonly 'payment.forward': { readonly attemptId: string };
}

export type OutboxKind = keyof OutboxBodies;

export interface OutboxItem<K extends OutboxKind> {
  readonly kind: K;
  /** the idempotency key it will be sent under (and the row's primary key) */
  readonly key: string;
  /** what it is about (a sale id, an attempt id) */
  readonly ref: string;
  readonly body: OutboxBodies[K];
  /** ISO instant: created, updated and first due at */
  readonly at: string;
}

// One prepared statement per connection: this runs in every sale's commit.
const statements = new WeakMap<Database, Statement>();

/** Queues `item` for the sync worker. Throws unless called inside a transaction on `db`. */
export function enqueueOutbox<K extends OutboxKind>(db: Database, item: OutboxItem<K>): void {
  if (!db.inTransaction) {
    // Outside a transaction the row could commit without its fact (or the fact without it): refuse.
    throw new Error(
      `outbox ${item.kind} ${item.key}: enqueue only inside the transaction that commits its fact`,
    );
  }
  let insert = statements.get(db);
  if (insert === undefined) {
    insert = db.prepare(`INSERT INTO outbox (idempotency_key, kind, ref, body, state, attempts,
      next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?)`);
    statements.set(db, insert);
  }
  insert.run(item.key, item.kind, item.ref, JSON.stringify(item.body), item.at, item.at, item.at);
}
