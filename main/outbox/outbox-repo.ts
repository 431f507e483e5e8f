// The outbox table: work for the gateway, written in the same transaction as the fact it reports (a sale's
// upload, a stored payment's forward), keyed by the idempotency key it will be sent under.
//
//   pending --claimed by the worker--> sending --done--> sent
//   sending --not done yet (no connection, unknown, 5xx)--> pending (next_attempt_at moved by backoff)
//   sending --refused for good (4xx)--> failed        sending --found at start-up--> pending
import type Database from 'better-sqlite3';

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxRow {
  readonly key: string;
  readonly kind: string;
  readonly ref: string;
  readonly body: string;
  readonly attempts: number;
  readonly createdAt: string;
}

/** An outbox row's columns as the queries read them. */
interface ItemColumns {
  idempotency_key: string;
  kind: string;
  ref: string;
  body: string;
  attempts: number;
  created_at: string;
}

const toRow = (r: ItemColumns): OutboxRow => ({
  key: r.idempotency_key,
  kind: r.kind,
  ref: r.ref,
  body: r.body,
  attempts: r.attempts,
  createdAt: r.created_at,
});

export interface OutboxStats {
  readonly pending: number;
  readonly failed: number;
  readonly oldestPendingAt: string | null;
}

export interface OutboxRepo {
  /** Marks up to `limit` due rows `sending` and returns them (one transaction). */
  claimDue(nowIso: string, limit: number): OutboxRow[];
  /** Applies finished rows in one transaction (group commit for the drain). */
  finish(
    results: readonly { key: string; to: 'sent' | 'pending' | 'failed'; nextAt?: string; error?: string }[],
    nowIso: string,
  ): void;
  /** Start-up: rows a crash left `sending` go back to `pending` (their keys make a resend safe). */
  requeueSending(nowIso: string): number;
  stats(): OutboxStats;
  nextDueAt(): string | null;
  /**
   * Deletes up to `limit` rows sent before `beforeIso` (their fact is in the journal and its own table; the
   * gateway has it), oldest first; returns how many went. Failed rows stay: a manager must see them.
   */
  pruneSent(beforeIso: string, limit: number): number;
  /** Test and manager views. */
  byKey(key: string): (OutboxRow & { state: OutboxState; lastError: string | null }) | null;
}

export function createOutboxRepo(db: Database.Database): OutboxRepo {
  // Ordered by the index alone (state, next_attempt_at): ties (rows due at the same instant) come in key order,
  // so a claim reads `limit` index entries instead of sorting every due row — a 10,000-row backlog stays fast.
  const due = db.prepare<[string, number], ItemColumns>(
    `SELECT idempotency_key, kind, ref, body, attempts, created_at FROM outbox
     WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
  );
  const markSending = db.prepare(
    `UPDATE outbox SET state = 'sending', updated_at = ? WHERE idempotency_key = ? AND state = 'pending'`,
  );
  const toSent = db.prepare(
    `UPDATE outbox SET state = 'sent', last_error = NULL, updated_at = ? WHERE idempotency_key = ? AND state = 'sending'`,
  );
  const toPending =
    db.prepare(`UPDATE outbox SET state = 'pending', attempts = attempts + 1, next_attempt_at = ?,
      last_error = ?, updated_at = ? WHERE idempotency_key = ? AND state = 'sending'`);
  const toFailed =
    db.prepare(`UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, updated_at = ?
      WHERE idempotency_key = ? AND state = 'sending'`);
  const requeue = db.prepare(
    `UPDATE outbox SET state = 'pending', next_attempt_at = ?, updated_at = ? WHERE state = 'sending'`,
  );
  const statsStmt = db.prepare<[], { pending: number; failed: number; oldest: string | null }>(
    `SELECT sum(state IN ('pending', 'sending')) AS pending, sum(state = 'failed') AS failed,
       min(CASE WHEN state IN ('pending', 'sending') THEN created_at END) AS oldest FROM outbox
     WHERE state IN ('pending', 'sending', 'failed')`,
  );
  const nextDue = db.prepare<[], { at: string | null }>(
    `SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'pending'`,
  );
  // A range of outbox_due (state = 'sent', next_attempt_at < cutoff): bounded by `limit`, whatever the history.
  const prune = db.prepare<[string, number]>(
    `DELETE FROM outbox WHERE idempotency_key IN (SELECT idempotency_key FROM outbox
       WHERE state = 'sent' AND next_attempt_at < ? ORDER BY next_attempt_at LIMIT ?)`,
  );
  const byKey = db.prepare<[string], ItemColumns & { state: OutboxState; last_error: string | null }>(
    `SELECT idempotency_key, kind, ref, body, attempts, created_at, state, last_error FROM outbox WHERE idempotency_key = ?`,
  );

  return {
    claimDue: (nowIso, limit) =>
      db
        .transaction(() =>
          due
            .all(nowIso, limit)
            .filter((r) => markSending.run(nowIso, r.idempotency_key).changes === 1)
            .map(toRow),
        )
        .immediate(),
    finish: (results, nowIso) =>
      db
        .transaction(() => {
          for (const r of results) {
            if (r.to === 'sent') toSent.run(nowIso, r.key);
            else if (r.to === 'pending') toPending.run(r.nextAt ?? nowIso, r.error ?? null, nowIso, r.key);
            else toFailed.run(r.error ?? null, nowIso, r.key);
          }
        })
        .immediate(),
    requeueSending: (nowIso) => requeue.run(nowIso, nowIso).changes,
    stats: () => {
      const s = statsStmt.get();
      return { pending: s?.pending ?? 0, failed: s?.failed ?? 0, oldestPendingAt: s?.oldest ?? null };
    },
    nextDueAt: () => nextDue.get()?.at ?? null,
    pruneSent: (beforeIso, limit) => prune.run(beforeIso, limit).changes,
    byKey: (key) => {
      const r = byKey.get(key);
      return r ? { ...toRow(r), state: r.state, lastError: r.last_error } : null;
    },
  };
}
