// Redaction at the log sink: whatever a module hands the logger, what is written holds no card number, no
// track, no PIN or PIN block, no secret, token or password. Fields are redacted by name (at any depth), and
// every string by content (card-data.ts), so a PAN inside an error message is caught too.
import { REDACTED, redactCardData } from '../card/track/card-data';

// Field names whose value is never written, matched per word of the name: `pinBlock`, `terminal_secret`,
// `adminToken`, `track2`, `Authorization` all are.
const SECRET_WORDS = new Set([
  'pin',
  'pinblock',
  'secret',
  'token',
  'password',
  'passwd',
  'track',
  'track1',
  'track2',
  'track3',
  'tracks',
  'pan',
  'authorization',
  'cvv',
  'cvc',
  'cookie',
]);

/** The words of a field name: camelCase, snake_case, kebab-case and dotted names split, lower-cased. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

export function isSecretField(name: string): boolean {
  const ws = words(name);
  return SECRET_WORDS.has(ws.join('')) || ws.some((w) => SECRET_WORDS.has(w));
}

const MAX_DEPTH = 8;

// A secret written inline in text: `pinBlock=1B9C…`, `"token": "…"`, `Authorization: Bearer …`.
const INLINE_SECRET =
  /\b(pin[_-]?block|pin|secret|token|password|passwd|authorization|track[123]?|pan|cvv|cvc)("?\s*[=:]\s*"?)(?:bearer\s+)?[^\s",;&]+/gi;
const BEARER = /\bbearer\s+[^\s",;]+/gi;

/** A string with card data and inline secrets redacted. */
export function redactText(text: string): string {
  return redactCardData(text)
    .replace(INLINE_SECRET, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(BEARER, `Bearer ${REDACTED}`);
}

/** `value` with secret fields and card data replaced by REDACTED; bytes are summarised, never dumped. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactText(value.message),
      ...(value.stack === undefined ? {} : { stack: redactText(value.stack) }),
    };
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = isSecretField(k) ? REDACTED : redactValue(v, depth + 1);
  return out;
}

/** One log entry made safe to write. */
export function redactEntry(
  message: string,
  fields: Readonly<Record<string, unknown>> | undefined,
): { message: string; fields: Record<string, unknown> } {
  return {
    message: redactText(message),
    fields: fields === undefined ? {} : (redactValue(fields) as Record<string, unknown>),
  };
}
