import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../native/bytes/concat';

describe('concatBytes', () => {
  it('joins the parts in order into a new array', () => {
    const a = Uint8Array.of(1, 2);
    const out = concatBytes([a, Uint8Array.of(), Uint8Array.of(3)]);
    expect(out).toEqual(Uint8Array.of(1, 2, 3));
    out[0] = 9;
    expect(a[0]).toBe(1);
  });

  it('gives an empty array for no parts', () => {
    expect(concatBytes([])).toEqual(new Uint8Array(0));
  });
});
