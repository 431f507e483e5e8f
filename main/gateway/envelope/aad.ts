// What the GCM tag authenticates besides the ciphertext: the header (version, algorithm, key id) and the
// caller's context, e.g. the payment attempt's idempotency key, so an envelope opens only for that attempt.
import { createHash } from 'node:crypto';
import { HASHES } from '../../../native/crypto/algorithms';
import { EnvelopeError } from './errors';
import { ENVELOPE_ALG, ENVELOPE_VERSION } from './format';

const DOMAIN = 'counterpos/card-envelope';

export function checkContext(context: string): void {
  if (context.length === 0) {
    throw new EnvelopeError('invalid-input', 'The envelope context (AAD) must not be empty.');
  }
}

export const contextHash = (context: string): Buffer =>
  createHash(HASHES.sha256).update(context, 'utf8').digest();

/** A JSON array: unambiguous however the parts are spelled (no separator can be forged). */
export const aadBytes = (kid: string, context: string): Buffer =>
  Buffer.from(JSON.stringify([DOMAIN, ENVELOPE_VERSION, ENVELOPE_ALG, kid, context]), 'utf8');
