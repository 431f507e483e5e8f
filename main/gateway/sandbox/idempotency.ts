// Exactly-once for money-moving requests. The key is scoped to the terminal; the fingerprint is method +
// path + SHA-256 of the body. The first response (status and exact body bytes) is stored in the SAME
// transaction as the ledger change it reports, so either both exist or neither: a retry after a crash or
// a lost response replays the answer instead of charging twice.
import { createHash } from 'node:crypto';
import { HASHES } from '../../../native/crypto/algorithms';
import { sha256Hex } from '../protocol/signing';
import type { HandlerResult } from './context';
import { GatewayFailure } from './errors';
import type { Ledger } from './ledger';

/** Keys are honoured at least this long (the protocol promises 7 days; the POS may retry for 24 h+). */
export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 60 * 60_000;

export function fingerprintOf(method: string, path: string, body: Uint8Array): string {
  return createHash(HASHES.sha256)
    .update(`${method.toUpperCase()}\n${path}\n${sha256Hex(body)}`)
    .digest('hex');
}

export interface WireResponse {
  readonly status: number;
  readonly body: string;
  /** true when this is a stored first answer, not a fresh execution */
  readonly replayed: boolean;
}

const serialize = (r: HandlerResult): WireResponse => ({
  status: r.status,
  body: JSON.stringify(r.body),
  replayed: false,
});

/**
 * Runs `execute` once per (terminal, key). A GatewayFailure thrown by `execute` is a business answer: its
 * ledger changes are rolled back (savepoint) but the error response is stored and replayed like any other.
 * Any other exception rolls everything back and stores nothing.
 */
export function executeOnce(
  ledger: Ledger,
  scope: { terminalId: string; key: string | null; fingerprint: string; route: string; nowMs: number },
  execute: () => HandlerResult,
): WireResponse {
  return ledger.transaction(() => {
    const { key } = scope;
    if (key !== null) {
      const stored = ledger.storedResponse(scope.terminalId, key);
      if (stored) {
        if (stored.fingerprint !== scope.fingerprint) {
          throw new GatewayFailure(
            'idempotency_conflict',
            `Idempotency-Key was first used for a different request (${stored.route})`,
          );
        }
        return { status: stored.status, body: stored.body, replayed: true };
      }
    }
    let response: WireResponse;
    try {
      response = serialize(ledger.transaction(execute));
    } catch (e) {
      if (!(e instanceof GatewayFailure)) throw e;
      response = { status: e.status, body: JSON.stringify(e.toBody()), replayed: false };
    }
    if (key !== null) {
      ledger.storeResponse(
        scope.terminalId,
        key,
        { fingerprint: scope.fingerprint, route: scope.route, status: response.status, body: response.body },
        scope.nowMs,
      );
    }
    return response;
  });
}
