// Raw block-cipher primitives over node:crypto, without padding (DUKPT and the readers pad with zeros
// themselves). Single DES is only in OpenSSL 3's legacy provider, so it is computed as two-key TDES
// with K1 = K2: E(K, D(K, E(K, x))) = E(K, x). Cipher names come from native/crypto/algorithms.ts: two-key
// TDES in ECB mode is `des-ede`, the one name both OpenSSL and Electron's BoringSSL know for it.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { CIPHERS, type CipherAlgorithm } from '../../crypto/algorithms';
import { concat } from './bytes';
import { DukptError } from './errors';

export type CipherName = 'tdes' | 'aes';

export const BLOCK_SIZE: Record<CipherName, number> = { tdes: 8, aes: 16 };

function run(
  algorithm: CipherAlgorithm,
  key: Uint8Array,
  iv: Uint8Array | null,
  data: Uint8Array,
  encrypt: boolean,
) {
  const c = encrypt ? createCipheriv(algorithm, key, iv) : createDecipheriv(algorithm, key, iv);
  c.setAutoPadding(false);
  return Uint8Array.from(Buffer.concat([c.update(data), c.final()]));
}

/** Single-DES encryption of one 8-byte block under an 8-byte key. */
export const desEncryptBlock = (key8: Uint8Array, block: Uint8Array): Uint8Array =>
  run(CIPHERS.tdesEcb, concat(key8, key8), null, block, true);

/** Two-key TDES (EDE) encryption of one 8-byte block under a 16-byte key. */
export const tdesEncryptBlock = (key16: Uint8Array, block: Uint8Array): Uint8Array =>
  run(CIPHERS.tdesEcb, key16, null, block, true);

export const tdesDecryptBlock = (key16: Uint8Array, block: Uint8Array): Uint8Array =>
  run(CIPHERS.tdesEcb, key16, null, block, false);

/** AES-128 encryption of one 16-byte block. */
export const aesEncryptBlock = (key16: Uint8Array, block: Uint8Array): Uint8Array =>
  run(CIPHERS.aes128Ecb, key16, null, block, true);

/** Right-pads with zero bytes to a whole number of blocks (what the readers do before encrypting). */
export function zeroPad(data: Uint8Array, block: number): Uint8Array {
  const padded = new Uint8Array(Math.ceil(data.length / block) * block);
  padded.set(data);
  return padded;
}

const CBC_ALGORITHM: Record<CipherName, CipherAlgorithm> = { tdes: CIPHERS.tdesCbc, aes: CIPHERS.aes128Cbc };

/** CBC with an all-zero IV; clear data is zero-padded to the block size first. */
export function cbcEncrypt(cipher: CipherName, key16: Uint8Array, clear: Uint8Array): Uint8Array {
  const block = BLOCK_SIZE[cipher];
  return run(CBC_ALGORITHM[cipher], key16, new Uint8Array(block), zeroPad(clear, block), true);
}

/** CBC decryption with an all-zero IV. The zero padding is left on: only the caller knows the length. */
export function cbcDecrypt(cipher: CipherName, key16: Uint8Array, encrypted: Uint8Array): Uint8Array {
  const block = BLOCK_SIZE[cipher];
  if (encrypted.length === 0 || encrypted.length % block !== 0) {
    throw new DukptError(
      'BAD_CIPHERTEXT_LENGTH',
      `${cipher === 'tdes' ? 'TDES' : 'AES'} ciphertext must be a non-zero multiple of ${block} bytes, got ${encrypted.length}`,
    );
  }
  return run(CBC_ALGORITHM[cipher], key16, new Uint8Array(block), encrypted, false);
}
