import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldIndex, mergeInOrder } from '../../../main/catalog/search-index';

const CHARS = [...'abkl1- ', '可', '口', '乐', '牛', '\u{20000}'];
const value = fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((a) => a.join(''));
const query = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));

/** What each collect method must return: the first `want` matching, unskipped products in product order. */
function naive(
  values: readonly string[],
  match: (v: string) => boolean,
  want: number,
  skip: (p: number) => boolean,
): number[] {
  const out: number[] = [];
  values.forEach((v, p) => {
    if (out.length < want && match(v) && !skip(p)) out.push(p);
  });
  return out;
}

describe('FieldIndex', () => {
  it('property: exact, prefix and substring agree with a linear scan', () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 300 }),
        query,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 5 }),
        (values, q, want, mod) => {
          const ix = new FieldIndex(values, { exact: true, substring: true });
          const skip = (p: number): boolean => p % mod === 1;
          const run = (method: 'collectExact' | 'collectPrefix' | 'collectSubstring'): number[] => {
            const out: number[] = [];
            ix[method](q, want, skip, out);
            return out;
          };
          expect(run('collectExact')).toEqual(naive(values, (v) => v === q, want, skip));
          expect(run('collectPrefix')).toEqual(naive(values, (v) => v.startsWith(q), want, skip));
          expect(run('collectSubstring')).toEqual(naive(values, (v) => v.includes(q), want, skip));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('appends to what the list already holds and stops at want', () => {
    const ix = new FieldIndex(['ab', 'abc', 'xab', 'b'], { substring: true });
    const out = [99];
    ix.collectSubstring('ab', 3, () => false, out);
    expect(out).toEqual([99, 0, 1]);
    ix.collectPrefix('a', 3, () => false, out);
    expect(out).toEqual([99, 0, 1]);
  });

  it('fields without exact or substring support return nothing for those', () => {
    const ix = new FieldIndex(['ab']);
    const out: number[] = [];
    ix.collectExact('ab', 5, () => false, out);
    expect(out).toEqual([]);
    ix.collectSubstring('b', 5, () => false, out); // one character: a scan, always available
    expect(out).toEqual([0]);
  });

  it('an empty index', () => {
    const ix = new FieldIndex([], { exact: true, substring: true });
    const out: number[] = [];
    ix.collectExact('a', 5, () => false, out);
    ix.collectPrefix('a', 5, () => false, out);
    ix.collectSubstring('ab', 5, () => false, out);
    ix.collectSubstring('a', 5, () => false, out);
    expect(out).toEqual([]);
  });

  it('mergeInOrder: distinct, ascending, capped', () => {
    expect(
      mergeInOrder(
        [
          [1, 4, 9],
          [2, 4],
          [0, 9, 10],
        ],
        5,
      ),
    ).toEqual([0, 1, 2, 4, 9]);
  });
});
