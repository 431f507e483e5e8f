// TDES DUKPT, ANSI X9.24-1:2009: the IPEK from the BDK and KSN, the transaction key reached by running
// the non-reversible key generation process once per set bit of the 21-bit transaction counter (the
// host-side derivation, which needs no future-key registers), and the variants that turn a transaction
// key into a PIN, MAC or data key.
import { concat, popCount, requireLength, xor } from './bytes';
import { desEncryptBlock, tdesEncryptBlock } from './ciphers';
import { DukptError } from './errors';

export const TDES_KSN_BYTES = 10;
/** The transaction counter is the rightmost 21 bits of the KSN. */
export const TDES_COUNTER_BITS = 21;
const COUNTER_MASK = (1 << TDES_COUNTER_BITS) - 1;
/** A device only ever uses counters with at most 10 one-bits (X9.24-1 A.2): the rest are skipped. */
export const TDES_MAX_COUNTER_ONES = 10;

// "C0C0 C0C0 0000 0000 C0C0 C0C0 0000 0000": the key mask used for the IPEK right half and for the
// left half of every non-reversible key generation.
const KEY_MASK = Uint8Array.from(Buffer.from('C0C0C0C000000000C0C0C0C000000000', 'hex'));

export type TdesVariant = 'pin' | 'mac-request' | 'mac-response' | 'data-request' | 'data-response';

const VARIANT_MASKS: Record<TdesVariant, string> = {
  pin: '00000000000000FF00000000000000FF',
  'mac-request': '000000000000FF00000000000000FF00',
  'mac-response': '00000000FF00000000000000FF000000',
  'data-request': '0000000000FF00000000000000FF0000',
  'data-response': '000000FF00000000000000FF00000000',
};

/** The 21-bit transaction counter of a 10-byte KSN. */
export function tdesCounter(ksn: Uint8Array): number {
  requireLength('TDES KSN', ksn, [TDES_KSN_BYTES]);
  return (((ksn[7] as number) << 16) | ((ksn[8] as number) << 8) | (ksn[9] as number)) & COUNTER_MASK;
}

/** Rejects counters no device can have sent: zero, or more one-bits than the standard allows. */
export function checkTdesKsn(ksn: Uint8Array): number {
  const counter = tdesCounter(ksn);
  if (counter === 0) {
    throw new DukptError(
      'ZERO_COUNTER',
      'TDES KSN transaction counter is 0: the first transaction uses counter 1',
    );
  }
  const ones = popCount(counter);
  if (ones > TDES_MAX_COUNTER_ONES) {
    throw new DukptError(
      'TOO_MANY_COUNTER_BITS',
      `TDES KSN counter 0x${counter.toString(16)} has ${ones} one-bits; at most ${TDES_MAX_COUNTER_ONES} are valid`,
    );
  }
  return counter;
}

/** The KSN with its counter replaced (the other 59 bits, the initial key serial number, kept). */
export function withTdesCounter(ksn: Uint8Array, counter: number): Uint8Array {
  requireLength('TDES KSN', ksn, [TDES_KSN_BYTES]);
  const out = Uint8Array.from(ksn);
  out[7] = ((ksn[7] as number) & 0xe0) | ((counter >> 16) & 0x1f);
  out[8] = (counter >> 8) & 0xff;
  out[9] = counter & 0xff;
  return out;
}

/**
 * The next KSN a device would use: counter + 1, skipping counters with more than 10 one-bits by adding
 * the lowest set bit (the standard's rule), so the sequence is exactly what a reader emits.
 */
export function nextTdesKsn(ksn: Uint8Array): Uint8Array {
  let counter = tdesCounter(ksn) + 1;
  while (popCount(counter) > TDES_MAX_COUNTER_ONES) counter += counter & -counter;
  if (counter > COUNTER_MASK) {
    throw new DukptError('COUNTER_EXHAUSTED', 'TDES KSN counter exhausted: the device must be re-keyed');
  }
  return withTdesCounter(ksn, counter);
}

/** IPEK (initial PIN encryption key) from a 16-byte BDK and any KSN of the device (counter ignored). */
export function tdesIpek(bdk: Uint8Array, ksn: Uint8Array): Uint8Array {
  requireLength('TDES BDK', bdk, [16]);
  requireLength('TDES KSN', ksn, [TDES_KSN_BYTES]);
  // Leftmost 64 bits of the KSN with the counter's top 5 bits (the rest are in bytes 8-9) cleared.
  const base = ksn.slice(0, 8);
  base[7] = (base[7] as number) & 0xe0;
  const left = tdesEncryptBlock(bdk, base);
  const right = tdesEncryptBlock(xor(bdk, KEY_MASK), base);
  return concat(left, right);
}

/** The non-reversible key generation process: a new 16-byte key from a key and the 8-byte KSN register. */
function nonReversibleKeyGen(key: Uint8Array, register: Uint8Array): Uint8Array {
  const half = (k: Uint8Array): Uint8Array => {
    const kl = k.slice(0, 8);
    const kr = k.slice(8, 16);
    return xor(desEncryptBlock(kl, xor(register, kr)), kr);
  };
  const right = half(key);
  const left = half(xor(key, KEY_MASK));
  return concat(left, right);
}

/** The transaction key for a KSN, from the device's IPEK. */
export function tdesTransactionKeyFromIpek(ipek: Uint8Array, ksn: Uint8Array): Uint8Array {
  requireLength('TDES IPEK', ipek, [16]);
  const counter = checkTdesKsn(ksn);
  // KSN register = rightmost 64 bits of the KSN with the counter cleared; counter bits are then set one
  // at a time from the most significant, each step deriving the key of that partial counter.
  const register = withTdesCounter(ksn, 0).slice(2, 10);
  let key = ipek;
  for (let bit = 1 << (TDES_COUNTER_BITS - 1); bit !== 0; bit >>>= 1) {
    if ((counter & bit) === 0) continue;
    register[5] = (register[5] as number) | ((bit >> 16) & 0xff);
    register[6] = (register[6] as number) | ((bit >> 8) & 0xff);
    register[7] = (register[7] as number) | (bit & 0xff);
    key = nonReversibleKeyGen(key, register);
  }
  return key;
}

/** The transaction key for a KSN, from the BDK (what the host / HSM side does). */
export const tdesTransactionKey = (bdk: Uint8Array, ksn: Uint8Array): Uint8Array =>
  tdesTransactionKeyFromIpek(tdesIpek(bdk, ksn), ksn);

/**
 * A variant of a transaction key. The data variants add X9.24-1's one-way step: each 8-byte half of
 * the masked key is TDES-encrypted under the whole masked key, so the data key cannot be turned back
 * into the PIN or MAC keys of the same transaction.
 */
export function tdesVariantKey(transactionKey: Uint8Array, variant: TdesVariant): Uint8Array {
  requireLength('TDES transaction key', transactionKey, [16]);
  const masked = xor(transactionKey, Uint8Array.from(Buffer.from(VARIANT_MASKS[variant], 'hex')));
  if (variant !== 'data-request' && variant !== 'data-response') return masked;
  return concat(tdesEncryptBlock(masked, masked.slice(0, 8)), tdesEncryptBlock(masked, masked.slice(8, 16)));
}
