// The card-encryption key pinned: config `gateway.encryptionKey { keyId, spkiSha256 }` names the one key a
// wedge reader's tracks may be sealed to. A key the gateway hands over with another id or another public key
// is refused (never cached, never used) and reported for the manager. Without a pin: in training any key is
// used; with a live gateway none is, and the key the gateway offers is shown by the connection test
// (test-connection.ts) so the manager can pin it.
import { createHash, createPublicKey } from 'node:crypto';
import { HASHES } from '../../native/crypto/algorithms';
import type { CardKey } from './protocol/schemas';

export interface CardKeyPin {
  /** the key's `kid` as the gateway names it */
  readonly keyId: string;
  /** lower-case hex SHA-256 of the public key's DER SubjectPublicKeyInfo */
  readonly spkiSha256: string;
}

export interface CardKeyPolicy {
  readonly pin: CardKeyPin | null;
  /** true outside training: without a pin no key is trusted */
  readonly requirePin: boolean;
}

export type CardKeyTrust =
  | { readonly trusted: true }
  | { readonly trusted: false; readonly reason: 'mismatch' | 'unpinned'; readonly message: string };

/** Hex SHA-256 of the SPKI DER of a PEM public key; null when the PEM is not a public key. */
export function spkiSha256(publicKeyPem: string): string | null {
  try {
    const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
    return createHash(HASHES.sha256).update(der).digest('hex');
  } catch {
    return null;
  }
}

export function checkCardKey(key: CardKey, policy: CardKeyPolicy): CardKeyTrust {
  const { pin } = policy;
  if (pin === null) {
    return policy.requirePin
      ? {
          trusted: false,
          reason: 'unpinned',
          message: `the gateway's card key ${key.kid} is not pinned in config.json (gateway.encryptionKey); pin it after checking it with the gateway`,
        }
      : { trusted: true };
  }
  const hash = spkiSha256(key.publicKeyPem);
  if (key.kid === pin.keyId && hash === pin.spkiSha256.toLowerCase()) return { trusted: true };
  return {
    trusted: false,
    reason: 'mismatch',
    message: `the gateway offered card key ${key.kid} (SPKI SHA-256 ${hash ?? 'unreadable'}), not the pinned ${pin.keyId} (${pin.spkiSha256})`,
  };
}
