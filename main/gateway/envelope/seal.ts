// POS side: encrypt clear card data (a keyboard-wedge swipe) at once to the gateway's public key, so that no
// key able to decrypt it ever exists on the POS after this call returns.
import { constants, createCipheriv, publicEncrypt, randomBytes, randomFillSync } from 'node:crypto';
import { CIPHERS, HASHES } from '../../../native/crypto/algorithms';
import { aadBytes, checkContext, contextHash } from './aad';
import { EnvelopeError } from './errors';
import {
  AES_KEY_BYTES,
  ENVELOPE_ALG,
  ENVELOPE_VERSION,
  IV_BYTES,
  TAG_BYTES,
  toBase64url,
  type CardEnvelope,
} from './format';
import { keyIdBytes, loadPublicKey } from './keys';

/**
 * Seals `clear` for the gateway holding the private half of `publicKeyPem`, bound to `context` (the payment
 * attempt's idempotency key: the gateway must pass the same string to open it).
 *
 * Memory: the one-time AES key lives in a buffer of its own that is zeroed before returning, also on error.
 * `clear` is NOT wiped here: it belongs to the caller, who must wipe it (wipe() in native/card/track) as soon
 * as this returns, success or not. (OpenSSL copies the AES key into its cipher context and cleanses it when
 * the context is freed; that copy is out of reach of JS.)
 */
export function sealCardData(clear: Uint8Array, publicKeyPem: string, context: string): CardEnvelope {
  if (clear.length === 0) throw new EnvelopeError('invalid-input', 'There is no card data to seal.');
  checkContext(context);
  const publicKey = loadPublicKey(publicKeyPem);
  const kid = toBase64url(keyIdBytes(publicKey));

  // Not randomBytes(): small Buffers may be slices of a shared pool; this one is ours alone to wipe.
  const aesKey = new Uint8Array(AES_KEY_BYTES);
  try {
    randomFillSync(aesKey);
    // A fresh random key per envelope, so the random 96-bit IV can never repeat under the same key.
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHERS.aes256Gcm, aesKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aadBytes(kid, context));
    const ciphertext = Buffer.concat([cipher.update(clear), cipher.final()]);
    const tag = cipher.getAuthTag();
    const wrappedKey = publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: HASHES.sha256 },
      aesKey,
    );
    return {
      v: ENVELOPE_VERSION,
      alg: ENVELOPE_ALG,
      kid,
      aadHash: toBase64url(contextHash(context)),
      wrappedKey: toBase64url(wrappedKey),
      iv: toBase64url(iv),
      ciphertext: toBase64url(ciphertext),
      tag: toBase64url(tag),
    };
  } finally {
    aesKey.fill(0);
  }
}
