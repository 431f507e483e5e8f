// Row ids: time-ordered UUIDs in the RFC 9562 version 7 layout (48-bit Unix milliseconds, then random bits).
// Rows keyed by them append at the right edge of their B-trees instead of landing on a random leaf, so a sale
// commit dirties fewer pages (docs/decisions/0012-fewer-pages-per-sale.md). Built on node's randomUUID, whose
// random bits come from a pooled CSPRNG: the `uuid` package's v7 cost ~27 µs a call on the commit path (a
// fresh getRandomValues each time) against ~4 µs here. Ids are opaque: nothing parses the time back out.
import { randomUUID } from 'node:crypto';

export function timeOrderedId(now: number = Date.now()): string {
  const ms = now.toString(16).padStart(12, '0');
  // randomUUID(): xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx; keep its variant and random bits, set version 7.
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${randomUUID().slice(15)}`;
}
