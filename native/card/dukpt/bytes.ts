// Byte helpers shared by both DUKPT schemes. Hex input comes from people (CLI flags, config files), so
// parsing is strict and every rejection says which field was wrong and why.
import { DukptError } from './errors';
import { concatBytes } from '../../bytes/concat';

/** Parses hex (either case, no separators) into bytes; `expected` lists the byte lengths allowed. */
export function parseHex(field: string, hex: string, expected?: readonly number[]): Uint8Array {
  if (hex.length === 0) throw new DukptError('BAD_HEX', `${field} is empty`);
  const bad = /[^0-9a-fA-F]/.exec(hex);
  if (bad) {
    throw new DukptError('BAD_HEX', `${field} has a non-hex character '${bad[0]}' at position ${bad.index}`);
  }
  if (hex.length % 2 !== 0) {
    throw new DukptError('BAD_HEX', `${field} has an odd number of hex digits (${hex.length})`);
  }
  const bytes = Uint8Array.from(Buffer.from(hex, 'hex'));
  if (expected && !expected.includes(bytes.length)) {
    const want = expected.map((n) => `${n} bytes (${n * 2} hex digits)`).join(' or ');
    throw new DukptError('BAD_LENGTH', `${field} must be ${want}, got ${bytes.length} bytes`);
  }
  return bytes;
}

export function requireLength(field: string, bytes: Uint8Array, lengths: readonly number[]): void {
  if (!lengths.includes(bytes.length)) {
    throw new DukptError(
      'BAD_LENGTH',
      `${field} must be ${lengths.join(' or ')} bytes, got ${bytes.length} bytes`,
    );
  }
}

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

export function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length !== b.length) throw new RangeError(`xor of ${a.length} and ${b.length} bytes`);
  return a.map((v, i) => v ^ (b[i] as number));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return concatBytes(parts);
}

/** Number of one-bits in a non-negative 32-bit integer. */
export function popCount(n: number): number {
  let v = n >>> 0;
  let count = 0;
  while (v !== 0) {
    v &= v - 1;
    count++;
  }
  return count;
}

/** Best-effort wipe of key material once it is no longer needed (JS cannot promise more). */
export function wipe(...buffers: Uint8Array[]): void {
  for (const b of buffers) b.fill(0);
}
