// Request signing, shared by the gateway client and the sandbox gateway. Each request is signed with the
// terminal's secret: HMAC-SHA256 over a canonical text of method, path (with query), timestamp, nonce, the
// SHA-256 of the body and the terminal id. The gateway refuses a timestamp outside ±5 minutes and a nonce it
// has seen within that window, so a captured request cannot be replayed; the Idempotency-Key (part of the
// signed text) makes a deliberate retry safe. Every answer is signed back with the same secret over its
// status, its body's hash and the request it answers (method, path, nonce): the client believes nothing that
// is unsigned, altered, or an earlier answer replayed for another request.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { HASHES } from '../../../native/crypto/algorithms';

export const SIGNATURE_SCHEME = 'CPOS1-HMAC-SHA256';
export const RESPONSE_SIGNATURE_SCHEME = 'CPOS1-RESPONSE-HMAC-SHA256';
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export const HEADERS = {
  terminal: 'x-terminal-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  bodyHash: 'x-content-sha256',
  idempotencyKey: 'idempotency-key',
  authorization: 'authorization',
  responseSignature: 'x-response-signature',
} as const;

export interface TerminalCredentials {
  readonly terminalId: string;
  /** the shared secret, at least 32 bytes */
  readonly secret: Uint8Array;
}

export interface SignInput {
  readonly method: string;
  /** path and query exactly as sent, e.g. /v1/payments?reference=abc */
  readonly path: string;
  readonly body: string;
  readonly idempotencyKey?: string | undefined;
  readonly now: Date;
  readonly nonce?: string;
}

export const sha256Hex = (text: string | Uint8Array): string =>
  createHash(HASHES.sha256).update(text).digest('hex');

/** What a signature covers besides the request line: who, when, which body, and the retry key. */
interface SignedFields {
  readonly timestamp: string;
  readonly nonce: string;
  readonly bodyHash: string;
  readonly terminalId: string;
  readonly idempotencyKey: string;
}

/** HMAC-SHA256 over lines joined by LF: both signatures' one canonical form. */
const hmacLines = (secret: Uint8Array, lines: readonly string[]): string =>
  createHmac(HASHES.sha256, secret).update(lines.join('\n'), 'utf8').digest('hex');

/** Compares two hex signatures in constant time. */
function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The HMAC both sides compute: over the scheme, the request line and the signed fields, one per line. */
function requestSignature(
  secret: Uint8Array,
  request: { readonly method: string; readonly path: string },
  f: SignedFields,
): string {
  return hmacLines(secret, [
    SIGNATURE_SCHEME,
    request.method.toUpperCase(),
    request.path,
    f.timestamp,
    f.nonce,
    f.bodyHash,
    f.terminalId,
    f.idempotencyKey,
  ]);
}

/** The headers to send with the request (lower-case names). */
export function signRequest(creds: TerminalCredentials, input: SignInput): Record<string, string> {
  const timestamp = input.now.toISOString();
  const nonce = input.nonce ?? randomBytes(16).toString('base64url');
  const bodyHash = sha256Hex(input.body);
  const idempotencyKey = input.idempotencyKey ?? '';
  const terminalId = creds.terminalId;
  const signature = requestSignature(creds.secret, input, {
    timestamp,
    nonce,
    bodyHash,
    terminalId,
    idempotencyKey,
  });
  return {
    [HEADERS.terminal]: creds.terminalId,
    [HEADERS.timestamp]: timestamp,
    [HEADERS.nonce]: nonce,
    [HEADERS.bodyHash]: bodyHash,
    ...(idempotencyKey ? { [HEADERS.idempotencyKey]: idempotencyKey } : {}),
    [HEADERS.authorization]: `${SIGNATURE_SCHEME} Signature=${signature}`,
  };
}

export type VerifyFailure = 'unauthenticated' | 'stale_timestamp' | 'replayed_nonce' | 'invalid_request';

export interface VerifyInput {
  readonly method: string;
  readonly path: string;
  readonly body: Uint8Array;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly now: Date;
  /** the terminal's secret, or undefined for an unknown terminal */
  readonly secretFor: (terminalId: string) => Uint8Array | undefined;
  /** true if the nonce was fresh (and is now remembered); false if it was seen before */
  readonly rememberNonce: (terminalId: string, nonce: string, timestampMs: number) => boolean;
}

export type VerifyResult =
  | { readonly ok: true; readonly terminalId: string; readonly idempotencyKey: string | null }
  | { readonly ok: false; readonly code: VerifyFailure; readonly message: string };

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The gateway side: checks in the order that leaks least (signature before nonce bookkeeping). */
export function verifyRequest(input: VerifyInput): VerifyResult {
  const h = input.headers;
  const terminalId = one(h[HEADERS.terminal]);
  const timestamp = one(h[HEADERS.timestamp]);
  const nonce = one(h[HEADERS.nonce]);
  const claimedBodyHash = one(h[HEADERS.bodyHash]);
  const auth = one(h[HEADERS.authorization]);
  const idempotencyKey = one(h[HEADERS.idempotencyKey]) ?? '';
  if (!terminalId || !timestamp || !nonce || !claimedBodyHash || !auth) {
    return { ok: false, code: 'unauthenticated', message: 'missing signature headers' };
  }
  const secret = input.secretFor(terminalId);
  if (!secret) return { ok: false, code: 'unauthenticated', message: 'unknown terminal' };
  const bodyHash = sha256Hex(input.body);
  if (bodyHash !== claimedBodyHash) {
    return { ok: false, code: 'unauthenticated', message: 'body does not match x-content-sha256' };
  }
  const prefix = `${SIGNATURE_SCHEME} Signature=`;
  const given = auth.startsWith(prefix) ? auth.slice(prefix.length) : '';
  const expected = requestSignature(secret, input, {
    timestamp,
    nonce,
    bodyHash,
    terminalId,
    idempotencyKey,
  });
  if (!sameSignature(given, expected)) {
    return { ok: false, code: 'unauthenticated', message: 'bad signature' };
  }
  const ts = Date.parse(timestamp);
  if (!Number.isFinite(ts) || Math.abs(input.now.getTime() - ts) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, code: 'stale_timestamp', message: 'timestamp outside the allowed window' };
  }
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) {
    return { ok: false, code: 'invalid_request', message: 'malformed nonce' };
  }
  if (!input.rememberNonce(terminalId, nonce, ts)) {
    return { ok: false, code: 'replayed_nonce', message: 'nonce already used' };
  }
  return { ok: true, terminalId, idempotencyKey: idempotencyKey || null };
}

/** What an answer's signature covers: the request it answers and what it says. */
export interface ResponseToSign {
  /** the request's method and path (with query) exactly as sent */
  readonly method: string;
  readonly path: string;
  /** the REQUEST's x-nonce: binds the answer to that one request */
  readonly nonce: string;
  readonly status: number;
  /** the exact body bytes sent */
  readonly body: string | Uint8Array;
}

function responseSignature(secret: Uint8Array, r: ResponseToSign): string {
  return hmacLines(secret, [
    RESPONSE_SIGNATURE_SCHEME,
    r.method.toUpperCase(),
    r.path,
    r.nonce,
    String(r.status),
    sha256Hex(r.body),
  ]);
}

/** The gateway side: the header that signs an answer. */
export function signResponse(secret: Uint8Array, r: ResponseToSign): Record<string, string> {
  return {
    [HEADERS.responseSignature]: `${RESPONSE_SIGNATURE_SCHEME} Signature=${responseSignature(secret, r)}`,
  };
}

/**
 * The client side: whether the answer carries a valid signature for THIS request. A missing header, an
 * altered status or body, or a signature made for another request's nonce are all `false`.
 */
export function verifyResponse(
  secret: Uint8Array,
  r: ResponseToSign & { readonly header: string | string[] | undefined },
): boolean {
  const header = one(r.header);
  const prefix = `${RESPONSE_SIGNATURE_SCHEME} Signature=`;
  if (header === undefined || !header.startsWith(prefix)) return false;
  return sameSignature(header.slice(prefix.length), responseSignature(secret, r));
}
