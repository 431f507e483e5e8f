// Pairs up parallel arrays (lines and the amounts computed for them) without unchecked indexing.

/** [a[i], b[i]] for every i; the arrays must have the same length (they are built from the same lines). */
export function zip<A, B>(a: readonly A[], b: readonly B[]): [A, B][] {
  if (a.length !== b.length) throw new RangeError(`zip: lengths differ (${a.length} vs ${b.length}).`);
  return a.map((x, i) => [x, b[i] as B]);
}
