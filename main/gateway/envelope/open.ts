// Gateway side (the sandbox gateway and tests in this product): check the envelope is for this key and this
// context, unwrap the AES key, decrypt and authenticate.
import { constants, createDecipheriv, privateDecrypt, timingSafeEqual } from 'node:crypto';
import { CIPHERS, HASHES } from '../../../native/crypto/algorithms';
import { aadBytes, checkContext, contextHash } from './aad';
import { EnvelopeError } from './errors';
import { AES_KEY_BYTES, decodeEnvelope, TAG_BYTES } from './format';
import { keyIdBytes, loadPrivateKey } from './keys';

// One message for every decryption failure: which step failed (RSA padding vs GCM tag) is not told apart,
// so the answer cannot serve as a padding oracle.
const tampered = (): EnvelopeError =>
  new EnvelopeError('tampered', 'The envelope failed authentication: it was altered after sealing.');

/**
 * Opens an envelope (JSON text or parsed object) sealed for `privateKeyPem`'s public half and `context`.
 * Returns the clear bytes in a buffer of their own: the caller wipes it after use. Throws EnvelopeError:
 * malformed / unsupported / bad-key / kid-mismatch / aad-mismatch / tampered.
 */
export function openCardData(envelope: unknown, privateKeyPem: string, context: string): Uint8Array {
  checkContext(context);
  const e = decodeEnvelope(envelope);
  const privateKey = loadPrivateKey(privateKeyPem);
  if (!timingSafeEqual(keyIdBytes(privateKey), e.kid)) {
    throw new EnvelopeError('kid-mismatch', 'The envelope was sealed for another gateway key.', 'kid');
  }
  if (!timingSafeEqual(contextHash(context), e.aadHash)) {
    throw new EnvelopeError(
      'aad-mismatch',
      'The envelope was sealed for another context (payment attempt).',
      'aadHash',
    );
  }

  let aesKey: Buffer;
  try {
    aesKey = privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: HASHES.sha256 },
      e.wrappedKey,
    );
  } catch {
    throw tampered();
  }
  let partial: Buffer | null = null;
  try {
    if (aesKey.length !== AES_KEY_BYTES) throw tampered();
    const decipher = createDecipheriv(CIPHERS.aes256Gcm, aesKey, e.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aadBytes(e.envelope.kid, context));
    decipher.setAuthTag(e.tag);
    // GCM hands out plaintext before the tag is checked in final(): it is wiped if that check fails.
    partial = decipher.update(e.ciphertext);
    try {
      decipher.final();
    } catch {
      throw tampered();
    }
    // A copy in memory of its own (update() may return a slice of a shared pool), then wipe the original.
    const clear = new Uint8Array(partial.length);
    clear.set(partial);
    return clear;
  } finally {
    partial?.fill(0);
    aesKey.fill(0);
  }
}
