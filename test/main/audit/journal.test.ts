import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  appendJournal,
  entryHash,
  GENESIS_HASH,
  HEAD_KEY,
  verifyJournal,
  type JournalInput,
} from '../../../main/audit/journal';
import { openDatabase, type Database } from '../../../main/store/db';
import { migrations } from '../../../main/store/migrations/index';
import { failureOf, migratedDatabase, tamperJournal, tempDir } from '../store/fixtures';

let file: string;
let db: Database;

beforeEach(async () => {
  ({ db, file } = await migratedDatabase());
});

const entry = (n: number): JournalInput => ({
  at: `2025-01-02T03:04:0${n}.000Z`,
  kind: 'sale.completed',
  ref: `sale-${n}`,
  body: { totalMinor: n * 100, lines: n, currency: 'CNY' },
});

/** Appends entries 1..n, each in its own transaction as the sale commit does. */
function appendEntries(n: number): { seq: number; hash: string }[] {
  const out: { seq: number; hash: string }[] = [];
  for (let i = 1; i <= n; i++) out.push(db.transaction(() => appendJournal(db, entry(i)))());
  return out;
}

const tamper = (sql: string, ...params: unknown[]): void => tamperJournal(file, sql, ...params);

const head = (): unknown => {
  const row = db.prepare('SELECT value AS seq, hash FROM counters WHERE name = ?').get(HEAD_KEY) as
    { seq: number; hash: string } | undefined;
  return row === undefined ? undefined : { seq: row.seq, hash: row.hash };
};
/** Rewrites the stored head (the tamper tests): seq and hash as an attacker would set them. */
const forgeHead = (seq: unknown, hash: unknown): void =>
  tamper('UPDATE counters SET value = ?, hash = ? WHERE name = ?', seq, hash, HEAD_KEY);

describe('appendJournal', () => {
  it('refuses to run outside the caller transaction', async () => {
    const failure = await failureOf(() => appendJournal(db, entry(1)));
    expect(failure.code).toBe('INTERNAL');
    expect(db.prepare('SELECT count(*) AS n FROM journal').get()).toEqual({ n: 0 });
  });

  it('chains entries from the genesis hash and moves the head with each one', () => {
    const [first, second] = appendEntries(2);
    const rows = db.prepare('SELECT * FROM journal ORDER BY seq').all() as Record<string, unknown>[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.prev_hash).toBe(first?.hash);
    expect(rows[0]?.body).toBe('{"currency":"CNY","lines":1,"totalMinor":100}');
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(head()).toEqual({ seq: 2, hash: second?.hash });
  });

  it('stores the body canonically: key order does not change the text or the hash', () => {
    const a = db.transaction(() =>
      appendJournal(db, { at: 't', kind: 'k', ref: null, body: { b: 1, a: [2] } }),
    )();
    const other = openDatabase(path.join(tempDir(), 'other.sqlite'));
    try {
      for (const m of migrations) other.exec(m.sql);
      const b = other.transaction(() =>
        appendJournal(other, { at: 't', kind: 'k', ref: null, body: { a: [2], b: 1 } }),
      )();
      expect(b).toEqual(a);
    } finally {
      other.close();
    }
  });

  it('rolls back with the caller: no entry and no head move when the transaction fails', () => {
    appendEntries(1);
    const before = head();
    expect(() =>
      db.transaction(() => {
        appendJournal(db, entry(2));
        throw new Error('the sale insert failed');
      })(),
    ).toThrow('the sale insert failed');
    expect(db.prepare('SELECT count(*) AS n FROM journal').get()).toEqual({ n: 1 });
    expect(head()).toEqual(before);
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 1 });
  });

  it('chains the next append from the stored head after a rolled-back one (no stale in-memory head)', () => {
    appendEntries(2);
    expect(() =>
      db.transaction(() => {
        appendJournal(db, entry(3));
        throw new Error('the tender failed');
      })(),
    ).toThrow('the tender failed');
    const next = db.transaction(() => appendJournal(db, entry(4)))();
    expect(next.seq).toBe(3);
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 3 });
    // The stored head is exactly the last entry's {seq, hash}.
    expect(head()).toEqual({ seq: next.seq, hash: next.hash });
  });

  it('chains from the stored head when another connection appended in between', () => {
    appendEntries(2);
    const other = openDatabase(file);
    try {
      other.transaction(() => appendJournal(other, entry(3)))();
    } finally {
      other.close();
    }
    expect(db.transaction(() => appendJournal(db, entry(4)))().seq).toBe(4);
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 4 });
  });

  it('hashes an unambiguous encoding: moving a separator between fields changes the hash', () => {
    const base = { seq: 1, at: 't', body: '{}', prev_hash: GENESIS_HASH };
    expect(entryHash({ ...base, kind: 'a|b', ref: 'c' })).not.toBe(
      entryHash({ ...base, kind: 'a', ref: 'b|c' }),
    );
    expect(entryHash({ ...base, kind: 'k', ref: null })).not.toBe(
      entryHash({ ...base, kind: 'k', ref: 'null' }),
    );
    expect(entryHash({ ...base, kind: 'k', ref: '' })).not.toBe(entryHash({ ...base, kind: 'k', ref: null }));
  });

  it('keeps working on one connection after another: statements are cached per database', () => {
    appendEntries(1);
    const other = openDatabase(path.join(tempDir(), 'other.sqlite'));
    try {
      for (const m of migrations) other.exec(m.sql);
      expect(other.transaction(() => appendJournal(other, entry(1)))().seq).toBe(1);
      expect(db.transaction(() => appendJournal(db, entry(2)))().seq).toBe(2);
      expect(verifyJournal(other)).toMatchObject({ ok: true, entries: 1 });
    } finally {
      other.close();
    }
  });
});

describe('verifyJournal', () => {
  it('accepts an empty journal and an intact one', () => {
    expect(verifyJournal(db)).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
    const appended = appendEntries(5);
    expect(verifyJournal(db)).toEqual({ ok: true, entries: 5, head: appended[4]?.hash });
  });

  it.each([
    ['at', "'2030-01-01T00:00:00.000Z'"],
    ['kind', "'sale.voided'"],
    ['ref', "'sale-999'"],
    ['ref', 'NULL'],
    ['body', `'{"currency":"CNY","lines":3,"totalMinor":1}'`],
    ['prev_hash', `'${'1'.repeat(64)}'`],
    ['hash', `'${'2'.repeat(64)}'`],
  ])('detects an edited %s (set to %s)', (column, value) => {
    appendEntries(5);
    tamper(`UPDATE journal SET ${column} = ${value} WHERE seq = 3`);
    expect(verifyJournal(db)).toMatchObject({ ok: false, seq: 3 });
  });

  it('detects an edited seq', () => {
    appendEntries(5);
    tamper('UPDATE journal SET seq = 30 WHERE seq = 3');
    expect(verifyJournal(db)).toMatchObject({ ok: false, seq: 3 });
  });

  it('detects an entry deleted from the middle', () => {
    appendEntries(5);
    tamper('DELETE FROM journal WHERE seq = 3');
    expect(verifyJournal(db)).toEqual({
      ok: false,
      seq: 3,
      reason: 'entry 3 is missing (next is 4)',
      cause: 'gap',
    });
  });

  it('detects the first entry deleted', () => {
    appendEntries(3);
    tamper('DELETE FROM journal WHERE seq = 1');
    expect(verifyJournal(db)).toMatchObject({ ok: false, seq: 1 });
  });

  it('detects a deleted entry even when the rest are renumbered to close the gap', () => {
    appendEntries(5);
    tamper('DELETE FROM journal WHERE seq = 3');
    tamper('UPDATE journal SET seq = seq - 1 WHERE seq > 3');
    expect(verifyJournal(db)).toMatchObject({ ok: false, seq: 3 });
  });

  it('detects reordered entries (two entries swapped)', () => {
    appendEntries(5);
    tamper('UPDATE journal SET seq = -1 WHERE seq = 2');
    tamper('UPDATE journal SET seq = 2 WHERE seq = 3');
    tamper('UPDATE journal SET seq = 3 WHERE seq = -1');
    expect(verifyJournal(db)).toMatchObject({ ok: false, seq: 2 });
  });

  it('detects a truncated tail through the head pointer', () => {
    appendEntries(5);
    tamper('DELETE FROM journal WHERE seq >= 4');
    expect(verifyJournal(db)).toEqual({
      ok: false,
      seq: 4,
      reason: 'entries 4..5 are missing from the end',
      cause: 'gap',
    });
  });

  it('detects a forged head (wrong hash, stale seq, malformed, deleted)', () => {
    const appended = appendEntries(5);
    const forgeries: [number, string | null][] = [
      [5, '3'.repeat(64)],
      [4, appended[3]?.hash ?? ''],
      [5, null],
    ];
    for (const [seq, hash] of forgeries) {
      forgeHead(seq, hash);
      expect(verifyJournal(db), `${seq} ${hash}`).toMatchObject({ ok: false, seq: 5 });
    }
    tamper('DELETE FROM counters WHERE name = ?', HEAD_KEY);
    expect(verifyJournal(db)).toMatchObject({ ok: false, seq: 5, reason: 'the journal head is missing' });
  });

  it('keeps the evidence when the next sale is appended after tampering, and does not block that sale', () => {
    appendEntries(5);
    tamper('DELETE FROM journal WHERE seq >= 4');
    const next = db.transaction(() => appendJournal(db, entry(6)))();
    expect(next.seq).toBe(6);
    expect(verifyJournal(db)).toMatchObject({ ok: false, seq: 4 });

    forgeHead(2, 'x');
    expect(db.transaction(() => appendJournal(db, entry(7)))().seq).toBe(7);
    expect(verifyJournal(db).ok).toBe(false);
  });

  it('cannot, on its own, catch a tail cut together with a consistently rewritten head (needs an outside anchor)', () => {
    const appended = appendEntries(5);
    tamper('DELETE FROM journal WHERE seq >= 4');
    forgeHead(3, appended[2]?.hash);
    // Documents the limit: comparing `head` with a copy kept elsewhere (Z report, server) is what catches this.
    expect(verifyJournal(db)).toEqual({ ok: true, entries: 3, head: appended[2]?.hash });
    expect(verifyJournal(db)).not.toEqual({ ok: true, entries: 5, head: appended[4]?.hash });
  });
});

// A sale commit that appended and then rolled back (disk full), followed by another connection appending (the
// staff CLI adding an operator while the till runs): the next append chains from the real head.
describe('appendJournal after a rolled-back append and another writer', () => {
  it('keeps an intact chain when a rolled-back append is followed by another connection appending (staff CLI)', () => {
    for (let i = 1; i <= 2; i++) db.transaction(() => appendJournal(db, entry(i)))();
    // The app's sale commit appends entry 3, then fails (e.g. disk full at the outbox insert) and rolls back.
    expect(() =>
      db.transaction(() => {
        appendJournal(db, entry(3));
        throw new Error('the sale commit failed');
      })(),
    ).toThrow('the sale commit failed');
    // The staff CLI (another process/connection) adds an operator: a legitimate entry 3.
    const other = openDatabase(file);
    try {
      other.transaction(() => appendJournal(other, entry(4)))();
    } finally {
      other.close();
    }
    // The app's next sale.
    db.transaction(() => appendJournal(db, entry(5)))();
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 4 });
  });
});
