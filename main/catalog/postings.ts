// Inverted lists in compressed-row form: for each integer key, the products (0..n-1) that emitted it, each
// once, in product order. Built in two passes without per-key arrays, so 200,000 products x ~40 keys cost
// one Int32Array rather than millions of small JS arrays.

export interface Postings {
  readonly slotOf: ReadonlyMap<number, number>;
  /** items of slot k: items[start[k] .. start[k + 1]) */
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** `each(p, emit)` emits product p's keys; `maxEmits` bounds the total number of emit calls. */
export function buildPostings(
  n: number,
  maxEmits: number,
  each: (p: number, emit: (key: number) => void) => void,
): Postings {
  const slotOf = new Map<number, number>();
  const counts: number[] = [];
  const last: number[] = [];
  // Pass one records each product's distinct slots in order, so pass two needs no Map lookups.
  const seq = new Int32Array(maxEmits);
  const seqEnd = new Int32Array(n);
  let len = 0;
  let current = 0;
  const emit = (key: number): void => {
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = counts.length;
      slotOf.set(key, slot);
      counts.push(0);
      last.push(-1);
    }
    if (last[slot] === current) return;
    last[slot] = current;
    counts[slot] = (counts[slot] as number) + 1;
    seq[len++] = slot;
  };
  for (let p = 0; p < n; p++) {
    current = p;
    each(p, emit);
    seqEnd[p] = len;
  }
  const start = new Int32Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) start[k + 1] = (start[k] as number) + (counts[k] as number);
  const items = new Int32Array(len);
  const cursor = start.slice(0, counts.length);
  for (let p = 0, i = 0; p < n; p++) {
    for (const end = seqEnd[p] as number; i < end; i++) {
      const slot = seq[i] as number;
      items[cursor[slot] as number] = p;
      cursor[slot] = (cursor[slot] as number) + 1;
    }
  }
  return { slotOf, start, items };
}

/** [from, to) into `items` for `key`; an empty range when no product has it. */
export function postingRange(ps: Postings, key: number): [number, number] {
  const slot = ps.slotOf.get(key);
  return slot === undefined ? [0, 0] : [ps.start[slot] as number, ps.start[slot + 1] as number];
}
