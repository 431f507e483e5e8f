// Version 5: card and QR payments. `payment_attempts` holds each try to take a tender's money (states in
// main/payments/attempts/states.ts); tenders gain card and QR kinds that point at their attempt.
// Card data: only brand, BIN, last four and expiry are kept for good. The exact request body (reader
// ciphertext + KSN, or the sealed envelope: never clear data) is kept only until the attempt is final, so a
// resend after an unknown outcome is byte-identical, then set to NULL (PCI DSS 3.3.1).
import type { Migration } from './types';

export const m005Payments: Migration = {
  version: 5,
  name: 'payments',
  sql: `
CREATE TABLE payment_attempts (
  id                 TEXT PRIMARY KEY,                      -- also the gateway reference
  kind               TEXT NOT NULL CHECK (kind IN ('card', 'qr')),
  mode               TEXT NOT NULL CHECK (mode IN ('online', 'offline')),
  state              TEXT NOT NULL CHECK (state IN ('created', 'authorizing', 'approved', 'declined', 'unknown',
                       'user_paying', 'reversing', 'cancelled', 'stored', 'forwarding', 'forward_unknown',
                       'forward_approved', 'forward_declined', 'expired')),
  cart_id            TEXT NOT NULL REFERENCES carts(id),
  cart_version       INTEGER NOT NULL,
  sale_id            TEXT REFERENCES sales(id),             -- set in the sale's commit
  amount_minor       INTEGER NOT NULL CHECK (amount_minor > 0),
  currency           TEXT NOT NULL,
  idempotency_key    TEXT NOT NULL UNIQUE,                  -- stored before the first request goes out
  entry_mode         TEXT,
  brand              TEXT,
  bin                TEXT,
  last4              TEXT,
  expiry             TEXT,
  qr_scheme          TEXT,
  qr_code_masked     TEXT,
  request_body       TEXT,                                  -- NULL once final (see above)
  gateway_id         TEXT,
  auth_code          TEXT,
  response_code      TEXT,
  message            TEXT,
  customer_contact   TEXT,                                  -- offline card payments only
  stored_at          TEXT,
  forward_deadline   TEXT,
  override_by        TEXT,                                  -- JSON: the manager who overrode an offline limit
  polls              INTEGER NOT NULL DEFAULT 0,
  acknowledged_at    TEXT,                                  -- a manager saw the alert / resolved it
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (kind = 'card' OR mode = 'online')                  -- QR payments are online only
) STRICT, WITHOUT ROWID;
-- No second attempt for a cart while one may be moving money.
CREATE UNIQUE INDEX payment_attempts_one_active ON payment_attempts(cart_id)
  WHERE state IN ('created', 'authorizing', 'unknown', 'user_paying', 'reversing');
CREATE INDEX payment_attempts_open ON payment_attempts(state, updated_at)
  WHERE state NOT IN ('approved', 'declined', 'cancelled', 'forward_approved');
CREATE INDEX payment_attempts_sale ON payment_attempts(sale_id) WHERE sale_id IS NOT NULL;

CREATE TABLE tenders_v5 (
  sale_id        TEXT NOT NULL REFERENCES sales(id),
  id             TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'qr')),
  amount_minor   INTEGER NOT NULL CHECK (amount_minor >= 0),
  tendered_minor INTEGER NOT NULL CHECK (tendered_minor >= 0),
  change_minor   INTEGER NOT NULL CHECK (change_minor >= 0),
  attempt_id     TEXT REFERENCES payment_attempts(id),
  created_at     TEXT NOT NULL,
  PRIMARY KEY (sale_id, id),
  CHECK ((kind = 'cash') = (attempt_id IS NULL))
) STRICT, WITHOUT ROWID;
INSERT INTO tenders_v5 (sale_id, id, kind, amount_minor, tendered_minor, change_minor, attempt_id, created_at)
  SELECT sale_id, id, kind, amount_minor, tendered_minor, change_minor, NULL, created_at FROM tenders;
DROP TABLE tenders;
ALTER TABLE tenders_v5 RENAME TO tenders;
`,
};
