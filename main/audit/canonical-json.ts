// One text per value, whatever order its keys were built in, so a journal body hashes the same on every run.
// Keys sorted by UTF-16 code units and numbers/strings as JSON.stringify writes them: the RFC 8785 (JCS) rules
// for the values we store. Anything JSON cannot round-trip is refused rather than silently changed.
import { PosFailure } from '../api/result';

export function canonicalJson(value: unknown): string {
  // Most bodies are built with their keys already in order (the sale commit's is): then the native encoder
  // writes exactly the canonical text, and only the check runs in JS.
  if (value !== undefined && alreadyCanonical(value, 0)) return JSON.stringify(value);
  const text = encode(value, [], new Set());
  if (text === undefined) throw notJson([], 'undefined');
  return text;
}

/**
 * True when JSON.stringify(value) is already the canonical text: only JSON values (no toJSON, no undefined
 * array items or holes, finite numbers), plain objects whose keys, in the order JS lists them (which is the
 * order JSON.stringify writes them), are in code-unit order, and not deeper than 32 (so no cycle).
 */
function alreadyCanonical(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth > 32) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (!(i in value) || !alreadyCanonical(value[i], depth + 1)) return false;
        }
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
      let prev: string | null = null;
      for (const key of Object.keys(value)) {
        if (prev !== null && prev >= key) return false;
        const v = (value as Record<string, unknown>)[key];
        if (v !== undefined && !alreadyCanonical(v, depth + 1)) return false;
        prev = key;
      }
      return true;
    }
    default:
      return false;
  }
}

/** The path to a value, e.g. `$.tenders[0].kind`; built only for an error (this runs in every sale commit). */
type Path = (string | number)[];
const pathText = (path: Path): string =>
  path.reduce<string>((at, k) => (typeof k === 'number' ? `${at}[${k}]` : `${at}.${k}`), '$');

function notJson(path: Path, what: string): PosFailure {
  const at = pathText(path);
  return new PosFailure('INTERNAL', `cannot encode ${what} at ${at} as canonical JSON`, { at });
}

/** undefined means "omit" (an object property holding undefined, as JSON.stringify does). */
function encode(value: unknown, path: Path, ancestors: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw notJson(path, String(value));
      return JSON.stringify(value);
    case 'undefined':
      return undefined;
    case 'object':
      return value === null ? 'null' : encodeObject(value, path, ancestors);
    default:
      throw notJson(path, `a ${typeof value}`);
  }
}

function encodeObject(value: object, path: Path, ancestors: Set<object>): string | undefined {
  const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return encode(toJSON.call(value), path, ancestors);
  if (ancestors.has(value)) throw notJson(path, 'a cycle');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      let out = '[';
      // An index loop, not map(): map skips the holes of a sparse array.
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        const text = encode(value[i], path, ancestors);
        if (text === undefined) throw notJson(path, 'undefined');
        path.pop();
        out += i === 0 ? text : `,${text}`;
      }
      return `${out}]`;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw notJson(path, 'a non-plain object');
    let out = '{';
    let first = true;
    for (const key of Object.keys(value).sort()) {
      path.push(key);
      const text = encode((value as Record<string, unknown>)[key], path, ancestors);
      path.pop();
      if (text === undefined) continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
      first = false;
    }
    return `${out}}`;
  } finally {
    ancestors.delete(value);
  }
}
