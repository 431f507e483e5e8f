// The append-only audit journal: each entry's hash covers the previous entry's hash, and the newest
// {seq, hash} is also kept in counters ('journal.head'), so an edited, removed, reordered or cut-off entry
// shows up in verifyJournal. Appends run inside the caller's transaction (the sale commit's). Walking the whole
// chain grows with history, so start-up walks only what came after a verified checkpoint (checkpoint.ts) and
// the full walk runs in a worker thread (verify-job.ts).
import { hash as digest } from 'node:crypto';
import type { Database, Statement } from '../store/db';
import type { JournalBreakCause } from '../api/contract/journal';
import { PosFailure } from '../api/result';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);
export const HEAD_KEY = 'journal.head';
// Versions the hash encoding, so a future format cannot be confused with this one.
const HASH_DOMAIN = 'counterpos.journal.v1';

export interface JournalInput {
  /** ISO-8601 instant. */
  readonly at: string;
  readonly kind: string;
  readonly ref: string | null;
  /** Any JSON value; stored as canonical JSON. */
  readonly body: unknown;
}

export interface JournalEntry {
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly ref: string | null;
  /** Canonical JSON text, exactly as stored. */
  readonly body: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** Why the chain broke (a stable identifier, declared with the report in the contract). */
export type BreakCause = JournalBreakCause;

export type JournalVerdict =
  | { readonly ok: true; readonly entries: number; readonly head: string }
  // cause is absent only where no walk ran (a caller's own "could not run" verdict).
  | { readonly ok: false; readonly seq: number; readonly reason: string; readonly cause?: BreakCause };

/** A position in the chain: entry `seq` and its hash (seq 0 is the genesis, before the first entry). */
export interface Head {
  readonly seq: number;
  readonly hash: string;
}

export interface VerifyOptions {
  /**
   * Start after this entry instead of at the genesis: the entry itself is re-hashed and must still carry this
   * hash, then only the entries after it are walked. What lies before it is NOT checked.
   */
  readonly from?: Head;
  /** Called every `PROGRESS_EVERY` entries with (entries walked, entries to walk). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Also parse every body (the full walk): a hash recomputed over a garbled body is still a break. */
  readonly checkBodies?: boolean;
}

const PROGRESS_EVERY = 10_000;

/** sha256 over a JSON array: every field is delimited and escaped, so no two entries encode alike. */
export function entryHash(e: Omit<JournalEntry, 'hash'>): string {
  const encoded = JSON.stringify([HASH_DOMAIN, e.prev_hash, e.seq, e.at, e.kind, e.ref, e.body]);
  return digest('sha256', encoded, 'hex'); // one-shot: no Hash object on the sale-commit path
}

interface Statements {
  readonly head: Statement<[string], { seq: unknown; hash: unknown }>;
  readonly newest: Statement<[], { seq: number; hash: string }>;
  readonly insert: Statement<[number, string, string, string | null, string, string, string]>;
  readonly setHead: Statement<[string, number, string]>;
  readonly after: Statement<[number], JournalEntry>;
  readonly at: Statement<[number], JournalEntry>;
}

// Prepared once per connection: appendJournal is on the sale-commit path.
const cache = new WeakMap<Database, Statements>();
// The head this connection last wrote. Used only while the newest entry in the table is still that one (same
// seq and hash), so a rolled-back append or any other writer falls back to the stored head.
const lastWritten = new WeakMap<Database, Head>();

function statements(db: Database): Statements {
  let s = cache.get(db);
  if (s === undefined) {
    s = {
      head: db.prepare<[string], { seq: unknown; hash: unknown }>(
        'SELECT value AS seq, hash FROM counters WHERE name = ?',
      ),
      newest: db.prepare<[], { seq: number; hash: string }>(
        'SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1',
      ),
      insert: db.prepare<[number, string, string, string | null, string, string, string]>(
        'INSERT INTO journal (seq, at, kind, ref, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      // Beside the receipt counter (counters): both change at every sale, so they share a page.
      setHead: db.prepare<[string, number, string]>(
        `INSERT INTO counters (name, value, hash) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, hash = excluded.hash`,
      ),
      after: db.prepare<[number], JournalEntry>(
        'SELECT seq, at, kind, ref, body, prev_hash, hash FROM journal WHERE seq > ? ORDER BY seq',
      ),
      at: db.prepare<[number], JournalEntry>(
        'SELECT seq, at, kind, ref, body, prev_hash, hash FROM journal WHERE seq = ?',
      ),
    };
    cache.set(db, s);
  }
  return s;
}

/** undefined: no head stored; null: a head is stored but is not a valid {seq, hash}. */
function readHead(s: Statements): Head | null | undefined {
  const row = s.head.get(HEAD_KEY);
  if (row === undefined) return undefined;
  const { seq, hash } = row;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 && typeof hash === 'string'
    ? { seq, hash }
    : null;
}

/**
 * Appends one entry and moves the head, inside the caller's open transaction (throws otherwise), so the
 * entry commits or rolls back with the fact it records.
 */
export function appendJournal(db: Database, input: JournalInput): { seq: number; hash: string } {
  if (!db.inTransaction) {
    throw new PosFailure(
      'INTERNAL',
      'appendJournal must be called inside the transaction that records the fact',
    );
  }
  if (input.kind === '' || input.at === '')
    throw new PosFailure('INTERNAL', 'a journal entry needs a kind and a time');
  const s = statements(db);
  const newest = s.newest.get();
  const last = newest?.seq ?? 0;
  // The cached head only while the newest entry is exactly the one this connection wrote (seq AND hash): after
  // a rolled-back append, another writer may have appended an entry with the same seq.
  const mine = lastWritten.get(db);
  const head =
    mine !== undefined && mine.seq === newest?.seq && mine.hash === newest.hash
      ? mine
      : (readHead(s) ?? undefined);
  // Chain from the stored head, and number past whichever is further: a damaged journal keeps its evidence
  // (the mismatch stays visible to verifyJournal) and never blocks the sale that is being committed.
  const entry = {
    seq: Math.max(head?.seq ?? 0, last) + 1,
    at: input.at,
    kind: input.kind,
    ref: input.ref,
    body: canonicalJson(input.body),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(entry);
  s.insert.run(entry.seq, entry.at, entry.kind, entry.ref, entry.body, entry.prev_hash, hash);
  s.setHead.run(HEAD_KEY, entry.seq, hash);
  lastWritten.set(db, { seq: entry.seq, hash });
  return { seq: entry.seq, hash };
}

/**
 * Walks the chain in one read snapshot, from the genesis or from `opts.from`, to the stored head; reports the
 * first entry that does not check out.
 */
export function verifyJournal(db: Database, opts: VerifyOptions = {}): JournalVerdict {
  const s = statements(db);
  const from = opts.from ?? { seq: 0, hash: GENESIS_HASH };
  return db.transaction((): JournalVerdict => {
    const head = readHead(s);
    if (from.seq > 0) {
      const anchor = s.at.get(from.seq);
      if (anchor === undefined || anchor.hash !== from.hash || entryHash(anchor) !== anchor.hash) {
        return {
          ok: false,
          seq: from.seq,
          reason: `entry ${from.seq}, where this walk starts, was altered or removed`,
          cause: 'anchor',
        };
      }
    }
    const total = Math.max(0, (head?.seq ?? 0) - from.seq);
    let prev = from.hash;
    let last = from.seq;
    for (const row of s.after.iterate(from.seq)) {
      const expected = last + 1;
      if (row.seq !== expected) {
        const reason =
          row.seq > expected
            ? `entry ${expected} is missing (next is ${row.seq})`
            : `unexpected seq ${row.seq}`;
        return { ok: false, seq: expected, reason, cause: row.seq > expected ? 'gap' : 'order' };
      }
      if (row.prev_hash !== prev) {
        const reason = `entry ${row.seq} does not chain to entry ${row.seq - 1}`;
        return { ok: false, seq: row.seq, reason, cause: 'prev_hash' };
      }
      // Before the hash: "its body does not parse" says more than "its hash does not match".
      if (opts.checkBodies === true && !parses(row.body)) {
        return {
          ok: false,
          seq: row.seq,
          reason: `entry ${row.seq} has a body that does not parse`,
          cause: 'body',
        };
      }
      if (entryHash(row) !== row.hash) {
        const reason = `entry ${row.seq} was altered: its hash does not match`;
        return { ok: false, seq: row.seq, reason, cause: 'hash' };
      }
      prev = row.hash;
      last = row.seq;
      if (opts.onProgress && (last - from.seq) % PROGRESS_EVERY === 0)
        opts.onProgress(last - from.seq, total);
    }
    return checkHead(head, last, prev);
  })();
}

function parses(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

function checkHead(head: Head | null | undefined, last: number, lastHash: string): JournalVerdict {
  if (head === undefined) {
    return last === 0
      ? { ok: true, entries: 0, head: GENESIS_HASH }
      : { ok: false, seq: last, reason: 'the journal head is missing', cause: 'head' };
  }
  if (head === null) return { ok: false, seq: last, reason: 'the journal head is malformed', cause: 'head' };
  if (head.seq > last) {
    const reason = `entries ${last + 1}..${head.seq} are missing from the end`;
    return { ok: false, seq: last + 1, reason, cause: 'gap' };
  }
  if (head.seq < last || head.hash !== lastHash) {
    return { ok: false, seq: last, reason: `the journal head does not match entry ${last}`, cause: 'head' };
  }
  return { ok: true, entries: last, head: lastHash };
}
