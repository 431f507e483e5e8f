// Deterministic randomness for generated stores: the same seed gives the same shop history (which products,
// discounts, tenders and refunds) on every machine, so two builds of a store are comparable.

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `n` lowercase hex digits */
  hex(n: number): string;
}

/** mulberry32: small, fast and well spread for 2^32 draws; not for anything secret. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    hex(n) {
      let s = '';
      while (s.length < n)
        s += Math.floor(next() * 0x100000000)
          .toString(16)
          .padStart(8, '0');
      return s.slice(0, n);
    },
  };
}

/**
 * A row id in the layout main/store/ids.ts makes (RFC 9562 version 7: 48-bit milliseconds, then random bits),
 * from the simulated clock and the seeded generator, so generated rows append at their B-trees' right edge
 * exactly as the till's own ids do, and a rebuild gives the same ids.
 */
export function seededTimeId(nowMs: number, rng: Rng): string {
  const ms = nowMs.toString(16).padStart(12, '0');
  const variant = (8 + rng.int(0, 3)).toString(16);
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${rng.hex(3)}-${variant}${rng.hex(3)}-${rng.hex(12)}`;
}
