// One text per value, whatever order its keys were built in, so a journal body hashes the same on every run.
// Keys sorted by UTF-16 code units and numbers/strings as JSON.stringify writes them: the RFC 8785 (JCS) rules
// for the values we store. Anything JSON cannot round-trip is refused rather than silently changed.
import { PosFailure } from '../api/result';

export function canonicalJson(value: unknown): string {
  const text = encode(value, '$', new Set());
  if (text === undefined) throw notJson('$', 'undefined');
  return text;
}

function notJson(at: string, what: string): PosFailure {
  return new PosFailure('INTERNAL', `cannot encode ${what} at ${at} as canonical JSON`, { at });
}

/** undefined means "omit" (an object property holding undefined, as JSON.stringify does). */
function encode(value: unknown, at: string, ancestors: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw notJson(at, String(value));
      return JSON.stringify(value);
    case 'undefined':
      return undefined;
    case 'object':
      return value === null ? 'null' : encodeObject(value, at, ancestors);
    default:
      throw notJson(at, `a ${typeof value}`);
  }
}

function encodeObject(value: object, at: string, ancestors: Set<object>): string | undefined {
  const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return encode(toJSON.call(value), at, ancestors);
  if (ancestors.has(value)) throw notJson(at, 'a cycle');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      // An index loop, not map(): map skips the holes of a sparse array.
      for (let i = 0; i < value.length; i++) {
        const text = encode(value[i], `${at}[${i}]`, ancestors);
        if (text === undefined) throw notJson(`${at}[${i}]`, 'undefined');
        items.push(text);
      }
      return `[${items.join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw notJson(at, 'a non-plain object');
    const members: string[] = [];
    for (const key of Object.keys(value).sort()) {
      const text = encode((value as Record<string, unknown>)[key], `${at}.${key}`, ancestors);
      if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}
