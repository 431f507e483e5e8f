// One searchable field of every indexed product ("product" = position 0..n-1 in the index's order).
//
// The values live in one flat string, SEP v0 SEP v1 SEP ... v(n-1) SEP, beside:
//   - `sorted`: products ordered by value, so exact and prefix matches are a binary search;
//   - bigram posting lists (substring fields): for each pair of adjacent characters, the products whose value
//     contains it, in product order. A substring query walks the rarest of its bigrams' lists and verifies
//     each candidate, so it touches a few candidates instead of 200,000 values.
// Every `collect*` appends matches in product order and stops at `want`, so callers can merge fields cheaply.
// Values never contain SEP: normaliseText turns control characters into spaces.

export const SEP = '\u0001';

/** Prefix ranges larger than this are read by walking products in order (the matches are dense there). */
const DENSE_RANGE = 2048;

/** Every non-ASCII character takes 2+ bytes in UTF-8. */
const isAscii = (s: string): boolean => Buffer.byteLength(s, 'utf8') === s.length;

const bigram = (s: string, i: number): number => s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);

export type Skip = (product: number) => boolean;

export class FieldIndex {
  private readonly text: string;
  /** value p occupies text[starts[p] + 1, starts[p + 1]); starts has n + 1 entries */
  private readonly starts: Int32Array;
  private readonly sorted: Int32Array;
  private readonly asciiOnly: boolean;
  private readonly gramSlot: Map<number, number> | null = null;
  /** postings of slot k: postings[gramStart[k] .. gramStart[k + 1]) */
  private readonly gramStart: Int32Array = new Int32Array(0);
  private readonly postings: Int32Array = new Int32Array(0);

  constructor(values: readonly string[], opts: { readonly substring: boolean }) {
    const n = values.length;
    this.text = SEP + values.join(SEP) + SEP;
    this.starts = new Int32Array(n + 1);
    let pos = 0;
    for (let i = 0; i < n; i++) {
      this.starts[i] = pos;
      pos += 1 + (values[i] as string).length;
    }
    this.starts[n] = pos;
    this.asciiOnly = isAscii(this.text);
    // UTF-16 code-unit order, the same order `<` and startsWith() agree with.
    this.sorted = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const va = values[a] as string;
      const vb = values[b] as string;
      return va < vb ? -1 : va > vb ? 1 : a - b;
    });
    if (opts.substring) [this.gramSlot, this.gramStart, this.postings] = this.buildBigrams(n);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  value(p: number): string {
    return this.text.slice((this.starts[p] as number) + 1, this.starts[p + 1]);
  }

  private startsWithAt(p: number, q: string): boolean {
    return this.text.startsWith(q, (this.starts[p] as number) + 1);
  }

  /** Products whose value equals q. */
  collectExact(q: string, want: number, skip: Skip, out: number[]): void {
    const found: number[] = [];
    for (let i = this.lowerBound(q); i < this.size; i++) {
      const p = this.sorted[i] as number;
      if (this.value(p) !== q) break;
      if (!skip(p)) found.push(p);
    }
    for (const p of found.sort((a, b) => a - b)) if (out.length < want) out.push(p);
  }

  /** Products whose value starts with q. */
  collectPrefix(q: string, want: number, skip: Skip, out: number[]): void {
    if (out.length >= want || (this.asciiOnly && !isAscii(q))) return;
    const lo = this.lowerBound(q);
    const hi = this.prefixEnd(q, lo);
    if (hi - lo <= DENSE_RANGE) {
      const range = this.sorted.slice(lo, hi).sort();
      for (const p of range) {
        if (out.length >= want) return;
        if (!skip(p)) out.push(p);
      }
      return;
    }
    // Dense: about want * n / (hi - lo) products to look at before `want` are found.
    for (let p = 0; p < this.size && out.length < want; p++) {
      if (this.startsWithAt(p, q) && !skip(p)) out.push(p);
    }
  }

  /** Products whose value contains q (a field built with `substring: true`). */
  collectSubstring(q: string, want: number, skip: Skip, out: number[]): void {
    if (out.length >= want || q.length === 0 || (this.asciiOnly && !isAscii(q))) return;
    if (q.length === 1 || this.gramSlot === null) {
      this.scan(q, want, skip, out);
      return;
    }
    let best = -1;
    let bestLen = Infinity;
    for (let i = 0; i + 1 < q.length; i++) {
      const slot = this.gramSlot.get(bigram(q, i));
      if (slot === undefined) return; // a bigram no value has: no match at all
      const len = (this.gramStart[slot + 1] as number) - (this.gramStart[slot] as number);
      if (len < bestLen) [best, bestLen] = [slot, len];
    }
    const end = this.gramStart[best + 1] as number;
    for (let k = this.gramStart[best] as number; k < end && out.length < want; k++) {
      const p = this.postings[k] as number;
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

  /** The product whose value contains text position `pos`. */
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

  /** First position in `sorted` whose value is >= q. */
  private lowerBound(q: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.value(this.sorted[mid] as number) < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position at or after `lo` whose value does not start with q (those that do are contiguous). */
  private prefixEnd(q: string, lo: number): number {
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.startsWithAt(this.sorted[mid] as number, q)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Two passes over the text: count distinct products per bigram, then fill the lists in product order. */
  private buildBigrams(n: number): [Map<number, number>, Int32Array, Int32Array] {
    const text = this.text;
    const slotOf = new Map<number, number>();
    const counts: number[] = [];
    const last: number[] = [];
    // Slot of the bigram starting at each text position (-1 where none), so pass two needs no Map lookups.
    const slotAt = new Int32Array(text.length).fill(-1);
    for (let p = 0; p < n; p++) {
      const end = (this.starts[p + 1] as number) - 1;
      for (let i = (this.starts[p] as number) + 1; i < end; i++) {
        const key = bigram(text, i);
        let slot = slotOf.get(key);
        if (slot === undefined) {
          slot = counts.length;
          slotOf.set(key, slot);
          counts.push(0);
          last.push(-1);
        }
        slotAt[i] = slot;
        if (last[slot] !== p) {
          last[slot] = p;
          counts[slot] = (counts[slot] as number) + 1;
        }
      }
    }
    const gramStart = new Int32Array(counts.length + 1);
    for (let k = 0; k < counts.length; k++) gramStart[k + 1] = (gramStart[k] as number) + (counts[k] as number);
    const postings = new Int32Array(gramStart[counts.length] as number);
    const cursor = gramStart.slice(0, counts.length);
    last.fill(-1);
    for (let p = 0; p < n; p++) {
      const end = (this.starts[p + 1] as number) - 1;
      for (let i = (this.starts[p] as number) + 1; i < end; i++) {
        const slot = slotAt[i] as number;
        if (last[slot] !== p) {
          last[slot] = p;
          postings[cursor[slot] as number] = p;
          cursor[slot] = (cursor[slot] as number) + 1;
        }
      }
    }
    return [slotOf, gramStart, postings];
  }
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
