// Inverted lists in compressed-row form: for each integer key, the products (0..n-1) that emitted it, each
// once, in product order. Built in two passes without per-key arrays, so 200,000 products x ~40 keys cost
// one Int32Array rather than millions of small JS arrays.
import { performance } from 'node:perf_hooks';

export interface Postings {
  readonly slotOf: ReadonlyMap<number, number>;
  /** items of slot k: items[start[k] .. start[k + 1]) */
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** Products between two yields of a building step (see runInSlices): about a millisecond of work. */
export const STEP_PRODUCTS = 2_000;

/** `each(p, emit)` emits product p's keys; `maxEmits` bounds the total number of emit calls. */
export function buildPostings(
  n: number,
  maxEmits: number,
  each: (p: number, emit: (key: number) => void) => void,
): Postings {
  return drain(postingsSteps(n, maxEmits, each));
}

/** buildPostings as steps: yields every STEP_PRODUCTS products, returns the postings. */
export function* postingsSteps(
  n: number,
  maxEmits: number,
  each: (p: number, emit: (key: number) => void) => void,
): Generator<void, Postings, void> {
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
    if (p % STEP_PRODUCTS === STEP_PRODUCTS - 1) yield;
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
    if (p % STEP_PRODUCTS === STEP_PRODUCTS - 1) yield;
  }
  return { slotOf, start, items };
}

/** Runs a building generator to its end at once. */
export function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs a building generator in slices of about `sliceMs`, giving the event loop back between them, so a
 * large index is rebuilt while the till keeps answering.
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, sliceMs: number): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** [from, to) into `items` for `key`; an empty range when no product has it. */
export function postingRange(ps: Postings, key: number): [number, number] {
  const slot = ps.slotOf.get(key);
  return slot === undefined ? [0, 0] : [ps.start[slot] as number, ps.start[slot + 1] as number];
}
