// Typed results at every process boundary: services never throw across IPC, they return one of these.
// The renderer maps `error.code` to a translated message; `detail` carries specifics (line numbers, codes).

export const ERROR_CODES = [
  'INVALID_PAYLOAD', // schema validation failed (wrong shape from the renderer)
  'FORBIDDEN_SENDER', // IPC/WebSocket call from a frame or origin that is not ours
  'UNKNOWN_CHANNEL',
  'BARCODE_MALFORMED', // not a well-formed EAN/UPC/GS1 code (bad length, bad check digit, bad characters)
  'BARCODE_UNKNOWN', // well-formed, but no product carries it
  'CARD_DATA_IN_BARCODE', // a card number or magstripe track where a barcode was expected; never echoed
  'PRODUCT_NOT_FOUND',
  'LINE_NOT_FOUND',
  'CART_EMPTY',
  'CART_STALE', // the tender was for an older version of the cart than the one on file
  'DISCOUNT_INVALID', // e.g. an amount larger than the line, a percentage over 100 %
  'QUANTITY_INVALID',
  'TENDER_INSUFFICIENT', // cash given is less than the total due
  'CSV_INVALID', // catalog import: see detail.errors for per-line reasons
  'STORAGE_FULL', // SQLITE_FULL: disk is full; nothing was written
  'STORAGE_BUSY', // the database is locked by another process
  'STORAGE_CORRUPT',
  'CONFIG_CORRUPT', // config.json unreadable or invalid; left untouched
  'CONFIG_MISSING', // config.json gone beside a store that holds data: no defaults are guessed for a live shop
  'NOT_FOUND',
  'APPROVAL_DENIED', // a manager approval with a wrong operator code or PIN, or by someone not permitted
  'APPROVAL_LOCKED', // that operator is locked for a while after repeated wrong PINs
  'APPROVAL_REQUIRED', // the action needs a manager's approval it did not carry (detail: permission, limits)
  'PIN_REFUSED', // a new PIN the PIN policy refuses (detail: reason, minLength; main/staff/pin-policy.ts)
  'STAFF_CONFLICT', // a staff change that cannot be made (detail.reason: code-taken, last-manager, has-manager)
  'CART_LOCKED', // a card or QR payment for this cart may be moving money; resolve it first
  'PAYMENT_STATE_CHANGED', // the payment moved on meanwhile (another path handled it); read it again
  'PAYMENT_DECLINED', // the gateway declined (detail: responseCode, message)
  'PAYMENT_UNKNOWN', // no answer after sending: the outcome is being looked up; no second attempt meanwhile
  'OFFLINE_LIMIT', // store-and-forward refused (detail: limit, with the figures)
  'ONLINE_ONLY', // refunds and QR payments need the gateway
  'CONTACT_REQUIRED', // an offline card payment needs the customer's phone or e-mail
  'CARD_UNREADABLE', // a bad swipe or track data that does not parse; swipe again
  'CARD_READER_NOT_WEDGE', // clear tracks typed at the keyboard, but the configured reader is no keyboard wedge
  'GATEWAY_UNREACHABLE', // the gateway could not be reached and nothing was sent
  'GATEWAY_KEY_UNTRUSTED', // the gateway's card key is not the pinned one (or none is pinned): no wedge swipes
  'REFUND_NOT_ALLOWED', // more than is left to refund, a payment that never charged the customer, ...
  'REFUND_REFUSED', // the gateway refused the refund (detail: message); nothing was paid back
  'REFUND_UNKNOWN', // no answer after sending the refund: it is being looked up; no second refund meanwhile
  'INTERNAL',
  'STORAGE_TOO_NEW', // the database was written by a newer app version; it is left untouched
  'SETTINGS_INVALID', // a settings change that config.json's schema refuses (detail.issues: path and reason)
  'NOTHING_CHANGED', // a settings save equal to what is on file: nothing written, nothing journaled
  'MODE_CONFLICT', // training and live would mix (training with a real gateway, --training on a live store)
  'REAL_MANAGER_REQUIRED', // leaving training needs a manager on file, not the training manager
  'SHIFT_ALREADY_OPEN', // the drawer already has a shift that is not closed (detail: drawerId, state)
  'SHIFT_NOT_OPEN', // no shift in the state this step needs (detail: drawerId, state, step; main/shifts/states.ts)
  'SIGN_IN_REQUIRED', // selling outside training needs a signed-in cashier (main/sale/till-gate.ts)
  'SHIFT_REQUIRED', // selling outside training needs an open shift on the till's drawer
  'Z_REFUSED', // a Z cannot close the day now (detail.blockers: open shifts, payments or refunds in doubt)
  'COUNT_INVALID', // a cash count with an unknown denomination or a count that is not a whole number in range
  'SETTLEMENT_INVALID', // a settlement file refused whole (detail: line, 1-based, and reason; main/reconciliation/formats/)
  'RESOLUTION_NOT_ALLOWED', // a reconciliation difference that cannot take this action (detail: reason, class, action)
  'RECON_ITEM_NOT_FOUND', // no reconciliation item with this id (a re-run gave the day's open items new ids)
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface PosError {
  readonly code: ErrorCode;
  /** English, for logs and support; the UI translates by `code`. Never contains card data. */
  readonly message: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PosError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = (code: ErrorCode, message: string, detail?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: detail === undefined ? { code, message } : { code, message, detail },
});

/** A typed error that services may throw internally; the dispatcher turns it into a `Result`. */
export class PosFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'PosFailure';
  }
}
