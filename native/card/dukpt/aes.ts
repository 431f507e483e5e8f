// AES DUKPT, ANSI X9.24-3-2017, for AES-128 keys: every key is AES-ECB(derivation key, 16 bytes of
// derivation data) where the data says which key this is (usage, algorithm, length) and for which
// device/counter. The 96-bit KSN is the 64-bit initial key ID (BDK ID + derivation ID) and a 32-bit
// transaction counter.
import { concat, popCount, requireLength } from './bytes';
import { aesEncryptBlock } from './ciphers';
import { DukptError } from './errors';

export const AES_KSN_BYTES = 12;
export const AES_INITIAL_KEY_ID_BYTES = 8;
/** X9.24-3 limits a device to counters with at most 16 one-bits (as TDES DUKPT limits it to 10). */
export const AES_MAX_COUNTER_ONES = 16;

/** Key usage indicators of the derivation data (X9.24-3 table "Key Usage Indicator"). */
export const AES_KEY_USAGE = {
  keyEncryptionKey: 0x0002,
  pinEncryption: 0x1000,
  macGeneration: 0x2000,
  macVerification: 0x2001,
  macBothWays: 0x2002,
  dataEncrypt: 0x3000,
  dataDecrypt: 0x3001,
  dataBothWays: 0x3002,
  keyDerivation: 0x8000,
  keyDerivationInitialKey: 0x8001,
} as const;
export type AesKeyUsage = keyof typeof AES_KEY_USAGE;

// Algorithm indicator 0x0002 = AES-128, key length 128 bits; one 16-byte block of output is enough.
const AES128_ALGORITHM = 0x0002;
const AES128_BITS = 128;

function derivationData(usage: AesKeyUsage, tail: Uint8Array): Uint8Array {
  const head = Uint8Array.of(
    0x01, // version
    0x01, // key block counter (first and only block for a 128-bit key)
    AES_KEY_USAGE[usage] >> 8,
    AES_KEY_USAGE[usage] & 0xff,
    AES128_ALGORITHM >> 8,
    AES128_ALGORITHM & 0xff,
    AES128_BITS >> 8,
    AES128_BITS & 0xff,
  );
  return concat(head, tail);
}

const derive = (key: Uint8Array, usage: AesKeyUsage, tail: Uint8Array): Uint8Array =>
  aesEncryptBlock(key, derivationData(usage, tail));

function counterBytes(counter: number): Uint8Array {
  return Uint8Array.of(
    (counter >>> 24) & 0xff,
    (counter >>> 16) & 0xff,
    (counter >>> 8) & 0xff,
    counter & 0xff,
  );
}

export function aesCounter(ksn: Uint8Array): number {
  requireLength('AES KSN', ksn, [AES_KSN_BYTES]);
  return Buffer.from(ksn).readUInt32BE(8);
}

export function checkAesKsn(ksn: Uint8Array): number {
  const counter = aesCounter(ksn);
  if (counter === 0) {
    throw new DukptError(
      'ZERO_COUNTER',
      'AES KSN transaction counter is 0: the first transaction uses counter 1',
    );
  }
  const ones = popCount(counter);
  if (ones > AES_MAX_COUNTER_ONES) {
    throw new DukptError(
      'TOO_MANY_COUNTER_BITS',
      `AES KSN counter 0x${counter.toString(16)} has ${ones} one-bits; at most ${AES_MAX_COUNTER_ONES} are valid`,
    );
  }
  return counter;
}

export function withAesCounter(ksn: Uint8Array, counter: number): Uint8Array {
  requireLength('AES KSN', ksn, [AES_KSN_BYTES]);
  return concat(ksn.slice(0, AES_INITIAL_KEY_ID_BYTES), counterBytes(counter));
}

/** The next KSN a device would use (skipping counters with more than 16 one-bits). */
export function nextAesKsn(ksn: Uint8Array): Uint8Array {
  let counter = aesCounter(ksn) + 1;
  while (popCount(counter) > AES_MAX_COUNTER_ONES) counter += counter & -counter;
  if (counter > 0xffffffff) {
    throw new DukptError('COUNTER_EXHAUSTED', 'AES KSN counter exhausted: the device must be re-keyed');
  }
  return withAesCounter(ksn, counter);
}

/** The device's initial key from the BDK and its 8-byte initial key ID. */
export function aesInitialKey(bdk: Uint8Array, initialKeyId: Uint8Array): Uint8Array {
  requireLength('AES-128 BDK', bdk, [16]);
  requireLength('AES initial key ID', initialKeyId, [AES_INITIAL_KEY_ID_BYTES]);
  return derive(bdk, 'keyDerivationInitialKey', initialKeyId);
}

/**
 * The transaction (intermediate derivation) key for a KSN from the initial key: one derivation per set
 * counter bit, most significant first, each keyed by the previous result and naming the partial counter.
 */
export function aesTransactionKeyFromInitialKey(initialKey: Uint8Array, ksn: Uint8Array): Uint8Array {
  requireLength('AES initial key', initialKey, [16]);
  const counter = checkAesKsn(ksn);
  const derivationId = ksn.slice(4, AES_INITIAL_KEY_ID_BYTES);
  let key = initialKey;
  let partial = 0;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if ((counter & bit) === 0) continue;
    partial = (partial | bit) >>> 0;
    key = derive(key, 'keyDerivation', concat(derivationId, counterBytes(partial)));
  }
  return key;
}

export function aesTransactionKey(bdk: Uint8Array, ksn: Uint8Array): Uint8Array {
  requireLength('AES KSN', ksn, [AES_KSN_BYTES]);
  return aesTransactionKeyFromInitialKey(aesInitialKey(bdk, ksn.slice(0, AES_INITIAL_KEY_ID_BYTES)), ksn);
}

/** A working key (PIN, MAC, data …) derived from a transaction key for the same KSN. */
export function aesWorkingKey(transactionKey: Uint8Array, ksn: Uint8Array, usage: AesKeyUsage): Uint8Array {
  requireLength('AES transaction key', transactionKey, [16]);
  const counter = checkAesKsn(ksn);
  return derive(transactionKey, usage, concat(ksn.slice(4, AES_INITIAL_KEY_ID_BYTES), counterBytes(counter)));
}
