import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import { canonicalJson } from '../../../main/audit/canonical-json';

/** The same value with every object's keys inserted in reverse order. */
function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reverseKeys(x)]),
    );
  }
  return v;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('writes numbers and strings as JSON does (including -0, exponents and escapes)', () => {
    expect(canonicalJson([-0, 1e21, 0.1, 'a"b\\c\n', '可口可乐', '\u2028'])).toBe(
      JSON.stringify([0, 1e21, 0.1, 'a"b\\c\n', '可口可乐', '\u2028']),
    );
  });

  it('omits undefined properties like JSON, and uses toJSON (dates)', () => {
    expect(canonicalJson({ a: undefined, b: new Date('2025-01-02T03:04:05Z') })).toBe(
      '{"b":"2025-01-02T03:04:05.000Z"}',
    );
  });

  it.each([
    ['NaN', NaN],
    ['Infinity', { x: Infinity }],
    ['a bigint', { x: 1n }],
    ['a function', { f: () => 1 }],
    ['undefined at the top', undefined],
    ['undefined in an array', [1, undefined]],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['a Map', new Map([[1, 2]])],
    [
      'a class instance',
      new (class Point {
        x = 1;
      })(),
    ],
  ])('refuses %s instead of silently changing it', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(PosFailure);
  });

  it('refuses cycles but allows the same object twice', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('orders index-like keys as text, not as JS lists them (numerically, first)', () => {
    expect(canonicalJson({ b: 0, 10: 'x', 9: 'y' })).toBe('{"10":"x","9":"y","b":0}');
    expect(canonicalJson({ a: [{ 2: 1, 1: 2 }] })).toBe('{"a":[{"1":2,"2":1}]}');
  });

  it('gives the same text whether the keys came in order (native path) or not (key by key)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const ordered: unknown = JSON.parse(canonicalJson(v));
        expect(canonicalJson(ordered)).toBe(canonicalJson(reverseKeys(ordered)));
      }),
    );
  });

  it('is independent of key insertion order and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(canonicalJson(reverseKeys(v))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});
