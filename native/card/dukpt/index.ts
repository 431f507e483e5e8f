// The DUKPT entry points callers need (gateway sandbox, CLI, reader emulator): pick the scheme from the
// KSN length (10 bytes TDES DUKPT, 12 bytes AES-128 DUKPT), derive the key a reader used for a variant,
// and encrypt/decrypt track data with it (CBC, zero IV, zero padding).
import { cbcDecrypt, cbcEncrypt } from './ciphers';
import type { CipherName } from './ciphers';
import { DukptError } from './errors';
import { AES_KSN_BYTES, aesTransactionKey, aesWorkingKey } from './aes';
import { TDES_KSN_BYTES, tdesTransactionKey, tdesVariantKey } from './tdes';

export { parseHex, toHex, wipe } from './bytes';
export { BLOCK_SIZE, cbcDecrypt, cbcEncrypt, tdesEncryptBlock, aesEncryptBlock, zeroPad } from './ciphers';
export type { CipherName } from './ciphers';
export { DukptError } from './errors';
export type { DukptErrorCode } from './errors';
export {
  checkTdesKsn,
  nextTdesKsn,
  tdesCounter,
  tdesIpek,
  tdesTransactionKey,
  tdesTransactionKeyFromIpek,
  tdesVariantKey,
  withTdesCounter,
  TDES_KSN_BYTES,
} from './tdes';
export type { TdesVariant } from './tdes';
export {
  aesCounter,
  aesInitialKey,
  aesTransactionKey,
  aesTransactionKeyFromInitialKey,
  aesWorkingKey,
  checkAesKsn,
  nextAesKsn,
  withAesCounter,
  AES_KEY_USAGE,
  AES_KSN_BYTES,
} from './aes';
export type { AesKeyUsage } from './aes';

export type DukptScheme = 'tdes' | 'aes128';
/** Which key a reader encrypts card data under: the PIN variant/key or the data (request) one. */
export type KeyVariant = 'pin' | 'data';

export function dukptScheme(ksn: Uint8Array): DukptScheme {
  if (ksn.length === TDES_KSN_BYTES) return 'tdes';
  if (ksn.length === AES_KSN_BYTES) return 'aes128';
  throw new DukptError(
    'BAD_LENGTH',
    `KSN must be ${TDES_KSN_BYTES} bytes (TDES DUKPT) or ${AES_KSN_BYTES} bytes (AES DUKPT), got ${ksn.length} bytes`,
  );
}

/**
 * The key for a KSN: without a variant the transaction key (AES: the intermediate derivation key);
 * 'pin' → TDES PIN variant / AES PIN encryption key; 'data' → TDES data (request) variant / AES data
 * encryption key (encrypt usage, the direction a reader sends in).
 */
export function deriveDukptKey(bdk: Uint8Array, ksn: Uint8Array, variant?: KeyVariant): Uint8Array {
  if (dukptScheme(ksn) === 'tdes') {
    const tk = tdesTransactionKey(bdk, ksn);
    if (!variant) return tk;
    return tdesVariantKey(tk, variant === 'pin' ? 'pin' : 'data-request');
  }
  const tk = aesTransactionKey(bdk, ksn);
  if (!variant) return tk;
  return aesWorkingKey(tk, ksn, variant === 'pin' ? 'pinEncryption' : 'dataEncrypt');
}

export interface TrackCryptoInput {
  bdk: Uint8Array;
  ksn: Uint8Array;
  variant: KeyVariant;
  /**
   * Block cipher; defaults to the scheme's own. TDES DUKPT keys may also drive AES-128 (ID TECH readers
   * set to AES with a TDES key use the 16-byte variant key as the AES key); AES DUKPT keys are AES only.
   */
  cipher?: CipherName;
}

export function trackCipher(ksn: Uint8Array, cipher?: CipherName): CipherName {
  const scheme = dukptScheme(ksn);
  if (scheme === 'aes128' && cipher === 'tdes') {
    throw new DukptError('UNSUPPORTED', 'AES DUKPT keys cannot be used for TDES encryption');
  }
  return cipher ?? (scheme === 'tdes' ? 'tdes' : 'aes');
}

/** Decrypts track data; the result keeps the reader's zero padding (the frame gives the clear length). */
export function decryptTrackData(input: TrackCryptoInput & { data: Uint8Array }): Uint8Array {
  const cipher = trackCipher(input.ksn, input.cipher);
  const key = deriveDukptKey(input.bdk, input.ksn, input.variant);
  try {
    return cbcDecrypt(cipher, key, input.data);
  } finally {
    key.fill(0);
  }
}

export function encryptTrackData(input: TrackCryptoInput & { data: Uint8Array }): Uint8Array {
  const cipher = trackCipher(input.ksn, input.cipher);
  const key = deriveDukptKey(input.bdk, input.ksn, input.variant);
  try {
    return cbcEncrypt(cipher, key, input.data);
  } finally {
    key.fill(0);
  }
}
