// Gateway RSA keys: loading, the minimum size, and the key id both sides compute the same way.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { HASHES } from '../../../native/crypto/algorithms';
import { EnvelopeError } from './errors';

/** NIST SP 800-131A: RSA below 2048 bits is disallowed for key transport. */
export const MIN_RSA_BITS = 2048;

function checkRsa(key: KeyObject, what: string): KeyObject {
  // 'rsa-pss' keys are restricted to PSS signatures and cannot do OAEP.
  if (key.asymmetricKeyType !== 'rsa') throw new EnvelopeError('bad-key', `The ${what} is not an RSA key.`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw new EnvelopeError(
      'bad-key',
      `The ${what} has ${bits} bits; at least ${MIN_RSA_BITS} are required.`,
    );
  }
  return key;
}

/** The gateway's public key from PEM (SPKI "PUBLIC KEY"; PKCS#1 "RSA PUBLIC KEY" is accepted too). */
export function loadPublicKey(pem: string): KeyObject {
  if (!pem.includes('PUBLIC KEY-----')) throw new EnvelopeError('bad-key', 'Expected a PEM public key.');
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new EnvelopeError('bad-key', 'The public key PEM could not be read.');
  }
  return checkRsa(key, 'public key');
}

export function loadPrivateKey(pem: string): KeyObject {
  if (!pem.includes('PRIVATE KEY-----')) throw new EnvelopeError('bad-key', 'Expected a PEM private key.');
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new EnvelopeError('bad-key', 'The private key PEM could not be read.');
  }
  return checkRsa(key, 'private key');
}

/** SHA-256 of the SPKI DER of the (public half of the) key: the same id whatever PEM flavour was loaded. */
export function keyIdBytes(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash(HASHES.sha256)
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest();
}

/** The envelope's `kid` for a PEM public or private key: base64url SHA-256 of the SPKI DER. */
export function keyId(pem: string): string {
  const key = pem.includes('PRIVATE KEY-----') ? loadPrivateKey(pem) : loadPublicKey(pem);
  return keyIdBytes(key).toString('base64url');
}
