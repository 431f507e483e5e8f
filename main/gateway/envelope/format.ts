// The card-data envelope on the wire: a flat JSON object of base64url strings, strictly validated on the way in
// (it arrives from outside; anything unexpected is refused rather than guessed at).
import { EnvelopeError } from './errors';

export const ENVELOPE_VERSION = 1;
export const ENVELOPE_ALG = 'RSA-OAEP-256+A256GCM';
export const IV_BYTES = 12; // the GCM standard nonce size (NIST SP 800-38D)
export const TAG_BYTES = 16;
export const AES_KEY_BYTES = 32;
const SHA256_BYTES = 32;

export interface CardEnvelope {
  readonly v: typeof ENVELOPE_VERSION;
  readonly alg: typeof ENVELOPE_ALG;
  /** base64url SHA-256 of the gateway public key's SPKI DER: which key can open it. */
  readonly kid: string;
  /**
   * base64url SHA-256 of the context (AAD) it was sealed for. Diagnostics only, so a replay for another attempt
   * is reported as such instead of as tampering; the binding itself is the GCM tag over the context.
   */
  readonly aadHash: string;
  /** The AES-256 key, RSA-OAEP (SHA-256, MGF1-SHA-256) encrypted to the gateway key. */
  readonly wrappedKey: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

const FIELDS = ['v', 'alg', 'kid', 'aadHash', 'wrappedKey', 'iv', 'ciphertext', 'tag'] as const;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export const toBase64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** Strict: unpadded base64url in its canonical spelling only. */
function bytesOf(field: string, value: unknown, length?: number): Buffer {
  if (typeof value !== 'string' || !BASE64URL.test(value) || value.length % 4 === 1) {
    throw new EnvelopeError('malformed', `Envelope field "${field}" is not base64url.`, field);
  }
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.toString('base64url') !== value) {
    throw new EnvelopeError('malformed', `Envelope field "${field}" is not canonical base64url.`, field);
  }
  if (length !== undefined && bytes.length !== length) {
    throw new EnvelopeError(
      'malformed',
      `Envelope field "${field}" has ${bytes.length} bytes; expected ${length}.`,
      field,
    );
  }
  return bytes;
}

export interface DecodedEnvelope {
  readonly kid: Buffer;
  readonly aadHash: Buffer;
  readonly wrappedKey: Buffer;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
  /** The envelope as given, for the AAD (which binds kid and alg). */
  readonly envelope: CardEnvelope;
}

/** Validates an envelope given as JSON text or as an already-parsed value. Throws EnvelopeError. */
export function decodeEnvelope(input: unknown): DecodedEnvelope {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch {
      throw new EnvelopeError('malformed', 'Envelope is not valid JSON.');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EnvelopeError('malformed', 'Envelope is not a JSON object.');
  }
  const o = value as Record<string, unknown>;
  for (const f of FIELDS) {
    if (!(f in o)) throw new EnvelopeError('malformed', `Envelope field "${f}" is missing.`, f);
  }
  const extra = Object.keys(o).find((k) => !(FIELDS as readonly string[]).includes(k));
  if (extra !== undefined) {
    throw new EnvelopeError('malformed', `Envelope has an unknown field "${extra.slice(0, 40)}".`, extra);
  }
  if (o.v !== ENVELOPE_VERSION) {
    throw new EnvelopeError('unsupported', `Envelope version is not ${ENVELOPE_VERSION}.`, 'v');
  }
  if (o.alg !== ENVELOPE_ALG) {
    throw new EnvelopeError('unsupported', `Envelope algorithm is not ${ENVELOPE_ALG}.`, 'alg');
  }
  const decoded = {
    kid: bytesOf('kid', o.kid, SHA256_BYTES),
    aadHash: bytesOf('aadHash', o.aadHash, SHA256_BYTES),
    wrappedKey: bytesOf('wrappedKey', o.wrappedKey),
    iv: bytesOf('iv', o.iv, IV_BYTES),
    ciphertext: bytesOf('ciphertext', o.ciphertext),
    tag: bytesOf('tag', o.tag, TAG_BYTES),
  };
  const envelope: CardEnvelope = {
    v: ENVELOPE_VERSION,
    alg: ENVELOPE_ALG,
    kid: o.kid as string,
    aadHash: o.aadHash as string,
    wrappedKey: o.wrappedKey as string,
    iv: o.iv as string,
    ciphertext: o.ciphertext as string,
    tag: o.tag as string,
  };
  return { ...decoded, envelope };
}
