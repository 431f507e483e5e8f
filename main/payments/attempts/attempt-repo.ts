// Persistence of payment attempts. Every state change is one guarded UPDATE (WHERE state = the state it comes
// from), checked against the transition table first, so two racing paths (the cashier's retry and the sync
// worker) cannot both move one attempt.
import type Database from 'better-sqlite3';
import { PosFailure } from '../../api/result';
import type { CardFacts, EntryMode, QrScheme } from '../../gateway/protocol/schemas';
import {
  assertAttemptTransition,
  BLOCKING_STATES,
  isFinal,
  isIndexedOpen,
  OPEN_ATTEMPTS_SQL,
  type AttemptState,
} from './states';

export interface Attempt {
  readonly id: string;
  readonly kind: 'card' | 'qr';
  readonly mode: 'online' | 'offline';
  readonly state: AttemptState;
  readonly cartId: string;
  readonly cartVersion: number;
  readonly saleId: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly idempotencyKey: string;
  readonly entryMode: EntryMode | null;
  readonly card: CardFacts | null;
  readonly qrScheme: QrScheme | null;
  readonly qrCodeMasked: string | null;
  /** the exact request body; null once the attempt is final */
  readonly requestBody: string | null;
  readonly gatewayId: string | null;
  readonly authCode: string | null;
  readonly responseCode: string | null;
  readonly message: string | null;
  readonly customerContact: string | null;
  readonly storedAt: string | null;
  readonly forwardDeadline: string | null;
  readonly overrideBy: string | null;
  readonly polls: number;
  readonly acknowledgedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface Row {
  id: string;
  kind: 'card' | 'qr';
  mode: 'online' | 'offline';
  state: AttemptState;
  cart_id: string;
  cart_version: number;
  sale_id: string | null;
  amount_minor: number;
  currency: string;
  idempotency_key: string;
  entry_mode: EntryMode | null;
  brand: CardFacts['brand'] | null;
  bin: string | null;
  last4: string | null;
  expiry: string | null;
  qr_scheme: QrScheme | null;
  qr_code_masked: string | null;
  request_body: string | null;
  gateway_id: string | null;
  auth_code: string | null;
  response_code: string | null;
  message: string | null;
  customer_contact: string | null;
  stored_at: string | null;
  forward_deadline: string | null;
  override_by: string | null;
  polls: number;
  acknowledged_at: string | null;
  created_at: string;
  updated_at: string;
}

const toAttempt = (r: Row): Attempt => ({
  id: r.id,
  kind: r.kind,
  mode: r.mode,
  state: r.state,
  cartId: r.cart_id,
  cartVersion: r.cart_version,
  saleId: r.sale_id,
  amountMinor: r.amount_minor,
  currency: r.currency,
  idempotencyKey: r.idempotency_key,
  entryMode: r.entry_mode,
  card:
    r.brand !== null && r.bin !== null && r.last4 !== null && r.expiry !== null
      ? { brand: r.brand, bin: r.bin, last4: r.last4, expiry: r.expiry }
      : null,
  qrScheme: r.qr_scheme,
  qrCodeMasked: r.qr_code_masked,
  requestBody: r.request_body,
  gatewayId: r.gateway_id,
  authCode: r.auth_code,
  responseCode: r.response_code,
  message: r.message,
  customerContact: r.customer_contact,
  storedAt: r.stored_at,
  forwardDeadline: r.forward_deadline,
  overrideBy: r.override_by,
  polls: r.polls,
  acknowledgedAt: r.acknowledged_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface NewAttempt {
  readonly id: string;
  readonly kind: 'card' | 'qr';
  readonly mode: 'online' | 'offline';
  readonly cartId: string;
  readonly cartVersion: number;
  readonly amountMinor: number;
  readonly currency: string;
  readonly customerContact?: string | null;
  readonly overrideBy?: string | null;
}

/** Fields a transition may set alongside the new state. */
export interface AttemptChanges {
  readonly mode?: 'online' | 'offline';
  readonly entryMode?: EntryMode;
  readonly card?: CardFacts;
  readonly qrScheme?: QrScheme;
  readonly qrCodeMasked?: string;
  readonly requestBody?: string;
  readonly gatewayId?: string | null;
  readonly authCode?: string | null;
  readonly responseCode?: string | null;
  readonly message?: string | null;
  readonly storedAt?: string;
  readonly forwardDeadline?: string;
  readonly saleId?: string;
  readonly polls?: number;
  readonly overrideBy?: string;
  readonly customerContact?: string;
}

export interface AttemptRepo {
  insert(a: NewAttempt): Attempt;
  byId(id: string): Attempt | null;
  /** The attempt that blocks this cart (created/authorizing/unknown/user_paying/reversing), if any. */
  blockingFor(cartId: string): Attempt | null;
  /** Moves `id` from `from` to `to`; throws if it is no longer in `from`. Final states drop the request body. */
  move(id: string, from: AttemptState, to: AttemptState, changes?: AttemptChanges): Attempt;
  inStates(states: readonly AttemptState[]): Attempt[];
  /** Stored offline payments whose forward deadline has passed. */
  overdueStored(nowIso: string): Attempt[];
  /** The customer contact of an attempt still waiting for its card (asked for once the gateway is offline). */
  setContact(id: string, contact: string): Attempt;
  /** Links the sale written in the same transaction as the approval or the offline storing. */
  attachSale(id: string, saleId: string): void;
  acknowledge(id: string): void;
}

const COLS = `id, kind, mode, state, cart_id, cart_version, sale_id, amount_minor, currency, idempotency_key,
  entry_mode, brand, bin, last4, expiry, qr_scheme, qr_code_masked, request_body, gateway_id, auth_code,
  response_code, message, customer_contact, stored_at, forward_deadline, override_by, polls, acknowledged_at,
  created_at, updated_at`;

export function createAttemptRepo(db: Database.Database, deps: { now: () => Date }): AttemptRepo {
  const ins =
    db.prepare(`INSERT INTO payment_attempts (id, kind, mode, state, cart_id, cart_version, amount_minor,
      currency, idempotency_key, customer_contact, override_by, created_at, updated_at)
    VALUES (?, ?, ?, 'created', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const byId = db.prepare<[string], Row>(`SELECT ${COLS} FROM payment_attempts WHERE id = ?`);
  const blocking = db.prepare<[string], Row>(
    `SELECT ${COLS} FROM payment_attempts WHERE cart_id = ? AND state IN (${BLOCKING_STATES.map(
      (s) => `'${s}'`,
    ).join(', ')})`,
  );
  const contactStmt = db.prepare(
    `UPDATE payment_attempts SET customer_contact = ?, updated_at = ? WHERE id = ? AND state = 'created'`,
  );
  // The UPDATEs a transition makes differ only by which columns it sets: a handful of shapes, each prepared once.
  const statements = new Map<string, Database.Statement>();
  const cached = (sql: string): Database.Statement => {
    let st = statements.get(sql);
    if (st === undefined) {
      st = db.prepare(sql);
      statements.set(sql, st);
    }
    return st;
  };
  const overdue = db.prepare<[string], Row>(
    `SELECT ${COLS} FROM payment_attempts WHERE ${OPEN_ATTEMPTS_SQL} AND state = 'stored' AND forward_deadline < ?
     ORDER BY forward_deadline`,
  );
  const attach = db.prepare('UPDATE payment_attempts SET sale_id = ? WHERE id = ? AND sale_id IS NULL');
  const ack = db.prepare('UPDATE payment_attempts SET acknowledged_at = ?, updated_at = ? WHERE id = ?');

  const repo: AttemptRepo = {
    insert(a) {
      const at = deps.now().toISOString();
      // The idempotency key exists (and is committed) before anything is sent under it.
      ins.run(
        a.id,
        a.kind,
        a.mode,
        a.cartId,
        a.cartVersion,
        a.amountMinor,
        a.currency,
        `pay:${a.id}`,
        a.customerContact ?? null,
        a.overrideBy ?? null,
        at,
        at,
      );
      const row = byId.get(a.id);
      if (!row) throw new PosFailure('INTERNAL', 'payment attempt vanished after insert');
      return toAttempt(row);
    },
    byId(id) {
      const r = byId.get(id);
      return r ? toAttempt(r) : null;
    },
    blockingFor(cartId) {
      const r = blocking.get(cartId);
      return r ? toAttempt(r) : null;
    },
    move(id, from, to, c = {}) {
      assertAttemptTransition(from, to);
      const sets: string[] = ['state = ?', 'updated_at = ?'];
      const values: unknown[] = [to, deps.now().toISOString()];
      const set = (col: string, v: unknown): void => {
        sets.push(`${col} = ?`);
        values.push(v);
      };
      if (c.mode !== undefined) set('mode', c.mode);
      if (c.entryMode !== undefined) set('entry_mode', c.entryMode);
      if (c.card !== undefined) {
        set('brand', c.card.brand);
        set('bin', c.card.bin);
        set('last4', c.card.last4);
        set('expiry', c.card.expiry);
      }
      if (c.qrScheme !== undefined) set('qr_scheme', c.qrScheme);
      if (c.qrCodeMasked !== undefined) set('qr_code_masked', c.qrCodeMasked);
      if (c.gatewayId !== undefined) set('gateway_id', c.gatewayId);
      if (c.authCode !== undefined) set('auth_code', c.authCode);
      if (c.responseCode !== undefined) set('response_code', c.responseCode);
      if (c.message !== undefined) set('message', c.message);
      if (c.storedAt !== undefined) set('stored_at', c.storedAt);
      if (c.forwardDeadline !== undefined) set('forward_deadline', c.forwardDeadline);
      if (c.saleId !== undefined) set('sale_id', c.saleId);
      if (c.polls !== undefined) set('polls', c.polls);
      if (c.overrideBy !== undefined) set('override_by', c.overrideBy);
      if (c.customerContact !== undefined) set('customer_contact', c.customerContact);
      // Card ciphertext is held only until the outcome is known (PCI DSS 3.3.1).
      if (isFinal(to)) set('request_body', null);
      else if (c.requestBody !== undefined) set('request_body', c.requestBody);
      const info = cached(`UPDATE payment_attempts SET ${sets.join(', ')} WHERE id = ? AND state = ?`).run(
        ...values,
        id,
        from,
      );
      if (info.changes !== 1) {
        throw new PosFailure('PAYMENT_STATE_CHANGED', `Payment ${id} is no longer ${from}`, {
          attemptId: id,
          from,
          to,
        });
      }
      const row = byId.get(id);
      if (!row) throw new PosFailure('INTERNAL', `payment attempt ${id} vanished`);
      return toAttempt(row);
    },
    inStates(states) {
      if (states.length === 0) return [];
      // Only unfinished states are asked for in the app; a finished one would need a scan, so it is refused.
      const closed = states.filter((st) => !isIndexedOpen(st));
      if (closed.length > 0)
        throw new PosFailure('INTERNAL', `inStates reads unfinished attempts only, not ${closed.join(', ')}`);
      return (
        cached(
          `SELECT ${COLS} FROM payment_attempts
           WHERE ${OPEN_ATTEMPTS_SQL} AND state IN (${states.map(() => '?').join(', ')})
           ORDER BY created_at, id`,
        ) as Database.Statement<string[], Row>
      )
        .all(...states)
        .map(toAttempt);
    },
    overdueStored: (nowIso) => overdue.all(nowIso).map(toAttempt),
    setContact(id, contact) {
      if (contactStmt.run(contact, deps.now().toISOString(), id).changes !== 1) {
        throw new PosFailure('PAYMENT_STATE_CHANGED', `Payment ${id} is no longer waiting for a card`, {
          attemptId: id,
        });
      }
      const r = byId.get(id);
      if (!r) throw new PosFailure('INTERNAL', `payment attempt ${id} vanished`);
      return toAttempt(r);
    },
    attachSale(id, saleId) {
      if (attach.run(saleId, id).changes !== 1) {
        throw new PosFailure('INTERNAL', `payment ${id} already has a sale`, { attemptId: id });
      }
    },
    acknowledge(id) {
      const at = deps.now().toISOString();
      ack.run(at, at, id);
    },
  };
  return repo;
}
