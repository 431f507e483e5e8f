// Longest-prefix lookup into the command table that knows when it must wait for more bytes.
import { COMMANDS, INTRODUCERS } from './command-table';

const key = (bytes: ArrayLike<number>, from: number, len: number): string =>
  Array.from({ length: len }, (_, i) => bytes[from + i] as number).join(',');

/** A row of the table, with its literal name type. */
export type TableEntry = (typeof COMMANDS)[number];

const BY_PREFIX = new Map<string, TableEntry>(COMMANDS.map((c) => [c.prefix.join(','), c]));
// Every proper prefix of a table prefix: seeing one of these means a longer command may still match.
const PROPER_PREFIXES = new Set<string>(
  COMMANDS.flatMap((c) => c.prefix.slice(0, -1).map((_, i) => c.prefix.slice(0, i + 1).join(','))),
);
const MAX_PREFIX = Math.max(...COMMANDS.map((c) => c.prefix.length));

export type PrefixMatch =
  { status: 'match'; spec: TableEntry } | { status: 'need' } | { status: 'none'; length: number };

/**
 * Match the longest table prefix at `from`. 'need' when the bytes so far could still become a longer
 * command; 'none' gives how many bytes to report as unknown (the introducer and the byte after it).
 */
export function matchPrefix(buf: Uint8Array, from: number): PrefixMatch {
  let best: TableEntry | undefined;
  for (let len = 1; len <= MAX_PREFIX; len++) {
    if (from + len > buf.length) return { status: 'need' };
    const k = key(buf, from, len);
    best = BY_PREFIX.get(k) ?? best;
    if (!PROPER_PREFIXES.has(k)) break;
  }
  if (best) return { status: 'match', spec: best };
  // Unknown: skip the introducer and the command byte after it (a stray control byte alone), then carry on;
  // we cannot know how many argument bytes an unknown command takes, and guessing more would risk eating
  // the real commands that follow.
  return { status: 'none', length: INTRODUCERS.has(buf[from] as number) ? 2 : 1 };
}
