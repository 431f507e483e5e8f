// PIN hashes. A PIN has few values (a million at 6 digits), so no hash alone survives an offline guess
// against a stolen database; what does is the pepper: the KDF's input is HMAC-SHA256(pepper, PIN), and the
// pepper is kept outside the database (pepper.ts). The KDF (scrypt) is still there for a thief who gets both,
// and its cost is what one approval can afford: N=2^15, r=8 measured ~170 ms on the 2-core build VM (2^16:
// ~320 ms, 2^17: ~660 ms, both over the ~300 ms an approval may take at the counter).
// Stored as `<scheme>$N$r$p$salt$key`: `pin2` (peppered, current) or `scrypt` (the first scheme: unpeppered,
// N=2^14), which still verifies and is rewritten as `pin2` at the operator's next good PIN (approvals.ts).
// Every verification, of any stored value or of none (an unknown operator code), runs exactly one KDF.
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { PepperSource } from './pepper';

export interface KdfCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}
export type Kdf = (input: Buffer | string, salt: Buffer, cost: KdfCost) => Buffer;

export const PIN_KDF: KdfCost = { N: 1 << 15, r: 8, p: 1 };
export const CURRENT_SCHEME = 'pin2';
const LEGACY_SCHEME = 'scrypt';
const KEY_LEN = 32;

export const PIN_PATTERN = /^\d{4,8}$/;

export const scryptKdf: Kdf = (input, salt, { N, r, p }) =>
  scryptSync(input, salt, KEY_LEN, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });

/** right: the PIN matches a current hash; rehash: it matches one in an older scheme or cost; wrong: no. */
export type PinCheck = 'right' | 'rehash' | 'wrong';

export interface PinHasher {
  hash(pin: string): string;
  verify(pin: string, stored: string): PinCheck;
  /** The same work as verify(), against no one's hash: what an unknown operator code costs. */
  verifyNobody(pin: string): void;
}

interface Parsed {
  readonly scheme: string;
  readonly cost: KdfCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || (parts[0] !== CURRENT_SCHEME && parts[0] !== LEGACY_SCHEME)) return null;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((v) => Number.isSafeInteger(v) && v > 0) || N > 1 << 20 || r > 32 || p > 4)
    return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length !== KEY_LEN) return null;
  return { scheme: parts[0], cost: { N, r, p }, salt, key };
}

const format = (scheme: string, c: KdfCost, salt: Buffer, key: Buffer): string =>
  `${scheme}$${c.N}$${c.r}$${c.p}$${salt.toString('base64')}$${key.toString('base64')}`;

export function createPinHasher(
  pepper: PepperSource,
  opts: { readonly cost?: KdfCost; readonly kdf?: Kdf } = {},
): PinHasher {
  const cost = opts.cost ?? PIN_KDF;
  const kdf = opts.kdf ?? scryptKdf;
  const peppered = (pin: string): Buffer => createHmac('sha256', pepper.key()).update(pin, 'utf8').digest();
  // Made once: the hash an unknown code is checked against (nobody's PIN; same scheme and cost as a real one).
  let nobody: Parsed | null = null;
  const nobodyHash = (): Parsed =>
    (nobody ??= { scheme: CURRENT_SCHEME, cost, salt: randomBytes(16), key: randomBytes(KEY_LEN) });

  const check = (pin: string, h: Parsed): boolean => {
    const input = h.scheme === CURRENT_SCHEME ? peppered(pin) : pin;
    return timingSafeEqual(kdf(input, h.salt, h.cost), h.key);
  };
  const sameCost = (c: KdfCost): boolean => c.N === cost.N && c.r === cost.r && c.p === cost.p;

  return {
    hash(pin) {
      if (!PIN_PATTERN.test(pin)) throw new Error('a PIN is 4 to 8 digits');
      const salt = randomBytes(16);
      return format(CURRENT_SCHEME, cost, salt, kdf(peppered(pin), salt, cost));
    },
    verify(pin, stored) {
      const h = parse(stored);
      // Not a hash this code wrote: still one KDF's worth of work, and a plain "no".
      if (h === null || !PIN_PATTERN.test(pin)) {
        check(pin, nobodyHash());
        return 'wrong';
      }
      if (!check(pin, h)) return 'wrong';
      return h.scheme === CURRENT_SCHEME && sameCost(h.cost) ? 'right' : 'rehash';
    },
    verifyNobody(pin) {
      check(pin, nobodyHash());
    },
  };
}

/** The first scheme (unpeppered scrypt, N=2^14), kept only so tests can make the hashes older stores hold. */
export function legacyHash(pin: string, salt: Buffer = randomBytes(16)): string {
  const c = { N: 16384, r: 8, p: 1 };
  return format(LEGACY_SCHEME, c, salt, scryptKdf(pin, salt, c));
}
