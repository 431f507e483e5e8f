// One searchable field of every indexed product ("product" = position 0..n-1 in the index's order).
//
// The values live in one flat string, SEP v0 SEP v1 SEP ... v(n-1) SEP, beside inverted lists in product order:
//   - first character and first two characters of each value: prefix matches;
//   - every two adjacent characters (substring fields): a substring query walks the rarest of its bigrams'
//     lists and verifies each candidate, so it touches a few candidates instead of 200,000 values;
//   - a hash of whole values (exact fields).
// Every `collect*` appends matches in product order and stops at `want`, so callers can merge fields cheaply
// and nothing is ever sorted. Values never contain SEP: normaliseText turns control characters into spaces.
import { drain, postingRange, postingsSteps, STEP_PRODUCTS, type Postings } from './postings';

export const SEP = '\u0001';

export type Skip = (product: number) => boolean;

export interface FieldOptions {
  /** whole-value lookups (collectExact) */
  readonly exact?: boolean;
  /** substring lookups (collectSubstring) */
  readonly substring?: boolean;
}

/** Every non-ASCII character takes 2+ bytes in UTF-8. */
const isAscii = (s: string): boolean => Buffer.byteLength(s, 'utf8') === s.length;

const pair = (s: string, i: number): number => s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);

/** FNV-1a over UTF-16 code units of s[from, to). */
function hashOf(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class FieldIndex {
  private readonly text: string;
  /** value p occupies text[starts[p] + 1, starts[p + 1]); starts has n + 1 entries */
  private readonly starts: Int32Array;
  private readonly asciiOnly: boolean;
  private readonly firstChar: Postings;
  private readonly firstPair: Postings;
  private readonly pairs: Postings | null;
  /** open addressing, product + 1 per slot, 0 = empty */
  private readonly exact: Int32Array | null;

  constructor(values: readonly string[] | FieldParts, opts: FieldOptions = {}) {
    const parts = isParts(values) ? values : drain(fieldParts(values, opts));
    this.text = parts.text;
    this.starts = parts.starts;
    this.asciiOnly = parts.asciiOnly;
    this.firstChar = parts.firstChar;
    this.firstPair = parts.firstPair;
    this.pairs = parts.pairs;
    this.exact = parts.exact;
  }

  /** The index built in steps (see runInSlices in postings.ts), for rebuilding a large one in slices. */
  static *inSteps(values: readonly string[], opts: FieldOptions = {}): Generator<void, FieldIndex, void> {
    return new FieldIndex(yield* fieldParts(values, opts));
  }

  get size(): number {
    return this.starts.length - 1;
  }

  value(p: number): string {
    return this.text.slice((this.starts[p] as number) + 1, this.starts[p + 1]);
  }

  /** Products whose value equals q (a field built with `exact: true`). */
  collectExact(q: string, want: number, skip: Skip, out: number[]): void {
    const table = this.exact;
    if (table === null || out.length >= want) return;
    const mask = table.length - 1;
    const found: number[] = [];
    for (let slot = hashOf(q, 0, q.length) & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
      const p = (table[slot] as number) - 1;
      if (this.value(p) === q && !skip(p)) found.push(p);
    }
    for (const p of found.sort((a, b) => a - b)) if (out.length < want) out.push(p);
  }

  /** Products whose value starts with q. */
  collectPrefix(q: string, want: number, skip: Skip, out: number[]): void {
    if (out.length >= want || q.length === 0 || (this.asciiOnly && !isAscii(q))) return;
    const single = q.length === 1;
    const list = single ? this.firstChar : this.firstPair;
    const [from, to] = postingRange(list, single ? q.charCodeAt(0) : pair(q, 0));
    const verify = q.length > 2;
    for (let k = from; k < to && out.length < want; k++) {
      const p = list.items[k] as number;
      if (!skip(p) && (!verify || this.text.startsWith(q, (this.starts[p] as number) + 1))) out.push(p);
    }
  }

  /** Products whose value contains q (a field built with `substring: true`). */
  collectSubstring(q: string, want: number, skip: Skip, out: number[]): void {
    if (out.length >= want || q.length === 0 || (this.asciiOnly && !isAscii(q))) return;
    if (q.length === 1 || this.pairs === null) {
      this.scan(q, want, skip, out);
      return;
    }
    let best: [number, number] = [0, Infinity];
    for (let i = 0; i + 1 < q.length; i++) {
      const [from, to] = postingRange(this.pairs, pair(q, i));
      if (from === to) return; // a bigram no value has: no match at all
      if (to - from < best[1] - best[0]) best = [from, to];
    }
    const items = this.pairs.items;
    for (let k = best[0]; k < best[1] && out.length < want; k++) {
      const p = items[k] as number;
      if (!skip(p) && (q.length === 2 || this.value(p).includes(q))) out.push(p);
    }
  }

  /** indexOf over the flat string: for one-character queries, where a scan beats any list. */
  private scan(q: string, want: number, skip: Skip, out: number[]): void {
    let from = 0;
    while (out.length < want) {
      const hit = this.text.indexOf(q, from);
      if (hit < 0) return;
      const p = this.productAt(hit);
      if (!skip(p)) out.push(p);
      if (p + 1 >= this.size) return;
      from = Math.max(hit + 1, this.starts[p + 1] as number); // one hit per product is enough
    }
  }

  /** The product whose value contains text position `pos` (never a SEP position). */
  private productAt(pos: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) < pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** What a FieldIndex holds; built by fieldParts. */
export interface FieldParts {
  readonly text: string;
  readonly starts: Int32Array;
  readonly asciiOnly: boolean;
  readonly firstChar: Postings;
  readonly firstPair: Postings;
  readonly pairs: Postings | null;
  readonly exact: Int32Array | null;
}

const isParts = (v: readonly string[] | FieldParts): v is FieldParts => !Array.isArray(v);

function* fieldParts(values: readonly string[], opts: FieldOptions): Generator<void, FieldParts, void> {
  const n = values.length;
  const text = SEP + values.join(SEP) + SEP;
  const starts = new Int32Array(n + 1);
  for (let i = 0, pos = 0; i <= n; i++) {
    starts[i] = pos;
    if (i < n) pos += 1 + (values[i] as string).length;
  }
  yield;
  const asciiOnly = isAscii(text);
  const firstChar = yield* postingsSteps(n, n, (p, emit) => {
    const s = (starts[p] as number) + 1;
    if (s < (starts[p + 1] as number)) emit(text.charCodeAt(s));
  });
  const firstPair = yield* postingsSteps(n, n, (p, emit) => {
    const s = (starts[p] as number) + 1;
    if (s + 1 < (starts[p + 1] as number)) emit(pair(text, s));
  });
  const pairs = opts.substring
    ? yield* postingsSteps(n, text.length, (p, emit) => {
        const last = (starts[p + 1] as number) - 1;
        for (let i = (starts[p] as number) + 1; i < last; i++) emit(pair(text, i));
      })
    : null;
  const exact = opts.exact ? yield* exactTable(text, starts, n) : null;
  return { text, starts, asciiOnly, firstChar, firstPair, pairs, exact };
}

/** Open addressing over whole values: product + 1 per slot, 0 = empty. */
function* exactTable(text: string, starts: Int32Array, n: number): Generator<void, Int32Array, void> {
  let size = 16;
  while (size < 2 * n) size *= 2;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let p = 0; p < n; p++) {
    let slot = hashOf(text, (starts[p] as number) + 1, starts[p + 1] as number) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = p + 1;
    if (p % STEP_PRODUCTS === STEP_PRODUCTS - 1) yield;
  }
  return table;
}

/** Up to `want` distinct products from several product-ordered lists, in product order. */
export function mergeInOrder(lists: readonly (readonly number[])[], want: number): number[] {
  const all = lists.flat().sort((a, b) => a - b);
  const out: number[] = [];
  for (const p of all) {
    if (out.length >= want) break;
    if (out[out.length - 1] !== p) out.push(p);
  }
  return out;
}
