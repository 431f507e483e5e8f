// The gateway's card-encryption key pair (RSA-2048). A wedge reader's clear tracks are sealed to the public
// key at once (main/gateway/envelope); only this process can open them. Generated on first start and kept
// in dataDir (private key readable by the owner only), or in memory when there is no dataDir.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { HASHES } from '../../../native/crypto/algorithms';
import fs from 'node:fs';
import path from 'node:path';
import type { CardKey } from '../protocol/schemas';

export const PRIVATE_KEY_FILE = 'card-key.private.pem';

export interface CardKeyPair {
  readonly privateKeyPem: string;
  readonly cardKey: CardKey;
}

export function cardKeyFrom(privateKeyPem: string): CardKeyPair {
  const publicKey = createPublicKey(createPrivateKey(privateKeyPem));
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKeyPem,
    cardKey: {
      kid: createHash(HASHES.sha256).update(der).digest('base64url'),
      alg: 'RSA-OAEP-256+A256GCM',
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
  };
}

export function generatePrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Loads the key pair from dataDir, creating it (mode 0600, written atomically) on first start. */
export function loadOrCreateCardKey(dataDir: string | null, injectedPem?: string): CardKeyPair {
  if (injectedPem !== undefined) return cardKeyFrom(injectedPem);
  if (dataDir === null) return cardKeyFrom(generatePrivateKeyPem());
  const file = path.join(dataDir, PRIVATE_KEY_FILE);
  if (fs.existsSync(file)) return cardKeyFrom(fs.readFileSync(file, 'utf8'));
  const pem = generatePrivateKeyPem();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
  fs.renameSync(tmp, file);
  return cardKeyFrom(pem);
}
