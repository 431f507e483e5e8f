// The sandbox ledger's own schema (separate from the POS database). Forward-only steps keyed by
// `PRAGMA user_version`, each applied with its version bump in one transaction. No card number, track or
// expiry is ever stored: brand, BIN and last four only (PCI DSS 3.3.1, 3.4.1).
import type { Database } from '../../store/db';

// A refund's columns after its payment: step 2 rebuilds the table around the same ones.
const REFUND_COLUMNS = `terminal_id  TEXT NOT NULL,
    reference    TEXT NOT NULL,
    status       TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    message      TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (terminal_id, reference)`;

const STEPS: readonly string[] = [
  `
  CREATE TABLE payments (
    payment_id       TEXT PRIMARY KEY,
    terminal_id      TEXT NOT NULL,
    reference        TEXT NOT NULL,
    status           TEXT NOT NULL,
    authorized_minor INTEGER NOT NULL,
    amount_minor     INTEGER NOT NULL,
    currency         TEXT NOT NULL,
    captured         INTEGER NOT NULL,
    auth_code        TEXT,
    response_code    TEXT NOT NULL,
    message          TEXT NOT NULL,
    brand            TEXT NOT NULL,
    bin              TEXT NOT NULL,
    last4            TEXT NOT NULL,
    entry_mode       TEXT NOT NULL,
    sale_ref         TEXT,
    stored_offline   INTEGER NOT NULL,
    refunded_minor   INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    UNIQUE (terminal_id, reference)
  );
  CREATE TABLE refunds (
    refund_id    TEXT PRIMARY KEY,
    payment_id   TEXT NOT NULL REFERENCES payments (payment_id),
    ${REFUND_COLUMNS}
  );
  CREATE TABLE qr_orders (
    order_id     TEXT PRIMARY KEY,
    terminal_id  TEXT NOT NULL,
    reference    TEXT NOT NULL,
    scheme       TEXT NOT NULL,
    status       TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    subject      TEXT NOT NULL,
    sale_ref     TEXT,
    message      TEXT NOT NULL,
    query_count  INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    paid_at      TEXT,
    reversed_at  TEXT,
    UNIQUE (terminal_id, reference)
  );
  CREATE TABLE idempotency (
    terminal_id  TEXT NOT NULL,
    key          TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    route        TEXT NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT NOT NULL,
    created_ms   INTEGER NOT NULL,
    PRIMARY KEY (terminal_id, key)
  );
  CREATE INDEX idempotency_age ON idempotency (created_ms);
  CREATE TABLE nonces (
    terminal_id TEXT NOT NULL,
    nonce       TEXT NOT NULL,
    ts_ms       INTEGER NOT NULL,
    PRIMARY KEY (terminal_id, nonce)
  );
  CREATE INDEX nonces_age ON nonces (ts_ms);
  CREATE TABLE sales (
    sale_id      TEXT NOT NULL,
    terminal_id  TEXT NOT NULL,
    receipt_no   TEXT NOT NULL,
    completed_at TEXT NOT NULL,
    currency     TEXT NOT NULL,
    total_minor  INTEGER NOT NULL,
    training     INTEGER NOT NULL,
    tenders      TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    PRIMARY KEY (terminal_id, sale_id)
  );
  CREATE TABLE heartbeats (
    terminal_id       TEXT PRIMARY KEY,
    app_version       TEXT NOT NULL,
    pending_count     INTEGER NOT NULL,
    pending_minor     INTEGER NOT NULL,
    oldest_pending_at TEXT,
    received_at       TEXT NOT NULL
  );
  `,
  // 2: QR orders can be refunded. Refunds of card payments and of QR orders share one table and one
  // reference space per terminal (lookupRefund finds either); `kind` says which `payment_id` is meant
  // (card: payments.payment_id, qr: qr_orders.order_id), so the foreign key to payments goes. SQLite cannot
  // drop a constraint: the table is rebuilt, its rows kept as card refunds.
  `
  CREATE TABLE refunds_v2 (
    refund_id    TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('card', 'qr')),
    payment_id   TEXT NOT NULL,
    ${REFUND_COLUMNS}
  );
  INSERT INTO refunds_v2 (refund_id, kind, payment_id, terminal_id, reference, status, amount_minor, reason,
    message, created_at)
  SELECT refund_id, 'card', payment_id, terminal_id, reference, status, amount_minor, reason, message, created_at
  FROM refunds ORDER BY rowid;
  DROP TABLE refunds;
  ALTER TABLE refunds_v2 RENAME TO refunds;
  ALTER TABLE qr_orders ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0;
  `,
  // 3: a reverse that finds no QR order closes its reference, so a micropay still on its way (a slow link, a
  // queue) is refused when it arrives instead of charging a customer the till has already given up on.
  `
  CREATE TABLE qr_closed_references (
    terminal_id TEXT NOT NULL,
    reference   TEXT NOT NULL,
    closed_at   TEXT NOT NULL,
    PRIMARY KEY (terminal_id, reference)
  );
  `,
  // 4: what the acquirer's settlement says differently from the ledger (admin /admin/differences): a fee on
  // a payment, or the payment left out of the settlement altogether. Kept apart from the payment rows, which
  // stay what the terminal was told. `id` is a payments.payment_id (kind card) or qr_orders.order_id (qr).
  // And how many of a terminal's next stored offline forwards the issuer declines, whatever the card.
  `
  CREATE TABLE forward_declines (
    terminal_id TEXT PRIMARY KEY,
    remaining   INTEGER NOT NULL CHECK (remaining >= 0)
  );
  CREATE TABLE settlement_marks (
    kind      TEXT NOT NULL CHECK (kind IN ('card', 'qr')),
    id        TEXT NOT NULL,
    fee_minor INTEGER NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),
    dropped   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, id)
  );
  `,
  // 5: the acquirer settles another amount than the terminal was answered (settled_minor, null: the same),
  // or leaves the payment's refunds out of its settlement for now (refunds_held).
  `
  ALTER TABLE settlement_marks ADD COLUMN settled_minor INTEGER CHECK (settled_minor > 0);
  ALTER TABLE settlement_marks ADD COLUMN refunds_held INTEGER NOT NULL DEFAULT 0;
  `,
];

export const LEDGER_VERSION = STEPS.length;

/**
 * Brings the ledger to LEDGER_VERSION (or to `target`, for tests of older ledgers); refuses a ledger written
 * by a newer sandbox.
 */
export function migrateLedger(db: Database, target: number = LEDGER_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LEDGER_VERSION) {
    throw new Error(`the sandbox ledger is version ${current}; this build knows up to ${LEDGER_VERSION}`);
  }
  STEPS.slice(current, Math.max(current, target)).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
}
