// One typed failure for everything the sandbox refuses. Handlers throw it; the server turns it into the
// protocol's GatewayError body with the HTTP status below, so a status and its code never disagree.
import type { GatewayError, GatewayErrorCode } from '../protocol/schemas';

export const STATUS_OF: Record<GatewayErrorCode, number> = {
  invalid_request: 400,
  idempotency_key_required: 400,
  unauthenticated: 401,
  stale_timestamp: 401,
  replayed_nonce: 401,
  terminal_suspended: 403,
  not_found: 404,
  idempotency_conflict: 409,
  card_unreadable: 422,
  deadline_passed: 422,
  online_only: 422,
  internal: 500,
};

export class GatewayFailure extends Error {
  readonly code: GatewayErrorCode;
  readonly status: number;

  constructor(code: GatewayErrorCode, message: string, status: number = STATUS_OF[code]) {
    super(message);
    this.name = 'GatewayFailure';
    this.code = code;
    this.status = status;
  }

  toBody(): GatewayError {
    return { error: { code: this.code, message: this.message } };
  }
}

/** A card that could not be decrypted or parsed. The message never contains card data. */
export class CardUnreadable extends GatewayFailure {
  constructor(message: string) {
    super('card_unreadable', message);
    this.name = 'CardUnreadable';
  }
}
