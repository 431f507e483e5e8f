// The journal at start-up walks only what follows the verified checkpoint; the full walk (a worker job) starts
// at the genesis and finds what the start-up walk cannot see.
import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { advanceCheckpoint, CHECKPOINT_KEY, readCheckpoint } from '../../../main/audit/checkpoint';
import { appendJournal, HEAD_KEY, verifyJournal, type JournalInput } from '../../../main/audit/journal';
import { journalCheckpointTask } from '../../../main/audit/checkpoint-task';
import { verifyJournalAtStartup } from '../../../main/audit/start-check';
import { openDatabase, type Database } from '../../../main/store/db';
import { runJob } from '../../../main/workers/run-job';
import { migratedDatabase, tamperJournal } from '../store/fixtures';

let file: string;
let db: Database;

beforeEach(async () => {
  ({ db, file } = await migratedDatabase());
});

const entry = (n: number): JournalInput => ({
  at: '2025-01-02T03:04:05.000Z',
  kind: 'sale.completed',
  ref: `sale-${n}`,
  body: { totalMinor: n * 100 },
});

/** Appends `n` more entries in one transaction (fast, and chained exactly as one by one). */
function append(n: number): void {
  db.transaction(() => {
    for (let i = 0; i < n; i++) appendJournal(db, entry(i));
  })();
}

const tamper = (sql: string, ...params: unknown[]): void => tamperJournal(file, sql, ...params);

const editBody = (seq: number): void =>
  tamper(`UPDATE journal SET body = '{"totalMinor":1}' WHERE seq = ?`, seq);

describe('verifyJournalAtStartup', () => {
  it('with no checkpoint and a short journal walks it all, and stores the checkpoint at the head', () => {
    append(30);
    const check = verifyJournalAtStartup(db);
    expect(check).toMatchObject({ from: 'genesis', walked: 30, verdict: { ok: true, entries: 30 } });
    const head = verifyJournal(db);
    expect(readCheckpoint(db)).toEqual({ seq: 30, hash: head.ok ? head.head : '' });
  });

  it('walks only the entries after the checkpoint, then moves it to the head', () => {
    append(100);
    expect(verifyJournalAtStartup(db).walked).toBe(100);
    append(7);
    const check = verifyJournalAtStartup(db);
    expect(check).toMatchObject({ from: 'checkpoint', walked: 7, verdict: { ok: true, entries: 107 } });
    expect(readCheckpoint(db)?.seq).toBe(107);
    expect(verifyJournalAtStartup(db)).toMatchObject({ from: 'checkpoint', walked: 0 });
  });

  it('an entry edited AFTER the checkpoint is caught at start-up, and the checkpoint stays put', () => {
    append(50);
    verifyJournalAtStartup(db);
    append(10);
    editBody(55);
    const check = verifyJournalAtStartup(db);
    expect(check.verdict).toEqual({
      ok: false,
      seq: 55,
      reason: 'entry 55 was altered: its hash does not match',
      cause: 'hash',
    });
    expect(readCheckpoint(db)?.seq).toBe(50);
  });

  it('entries cut off the end after the checkpoint are caught at start-up', () => {
    append(50);
    verifyJournalAtStartup(db);
    append(10);
    tamper('DELETE FROM journal WHERE seq > 56');
    expect(verifyJournalAtStartup(db).verdict).toMatchObject({ ok: false, seq: 57 });
  });

  it('a cut that takes the checkpoint entry with it (head rewritten to match) is caught at start-up', () => {
    append(50);
    verifyJournalAtStartup(db);
    tamper('DELETE FROM journal WHERE seq > 40');
    const e40 = db.prepare('SELECT hash FROM journal WHERE seq = 40').get() as { hash: string };
    tamper('UPDATE counters SET value = 40, hash = ? WHERE name = ?', e40.hash, HEAD_KEY);
    expect(verifyJournal(db)).toMatchObject({ ok: true, entries: 40 }); // the chain alone no longer shows it
    expect(verifyJournalAtStartup(db).verdict).toMatchObject({ ok: false, seq: 50 });
  });

  it('an entry edited BEFORE the checkpoint is not seen at start-up, but the full walk in a worker finds it', async () => {
    append(50);
    verifyJournalAtStartup(db);
    editBody(20);
    expect(verifyJournalAtStartup(db).verdict).toMatchObject({ ok: true });
    const full = await runJob('journal.verify', { file });
    expect(full).toMatchObject({
      ok: false,
      seq: 20,
      reason: 'entry 20 was altered: its hash does not match',
      cause: 'hash',
    });
  });

  it('a checkpoint forged forward past an edit hides nothing from the full walk', async () => {
    append(50);
    editBody(10);
    const last = db.prepare('SELECT hash FROM journal WHERE seq = 50').get() as { hash: string };
    tamper(
      'INSERT INTO counters (name, value, hash) VALUES (?, 50, ?) ON CONFLICT (name) DO UPDATE SET value = 50, hash = excluded.hash',
      CHECKPOINT_KEY,
      last.hash,
    );
    expect(verifyJournalAtStartup(db).verdict.ok).toBe(true); // documented: start-up trusts the checkpoint
    expect(await runJob('journal.verify', { file })).toMatchObject({ ok: false, seq: 10 });
  });

  it('without a usable checkpoint a long journal walks only the newest `limit` entries and keeps no checkpoint', () => {
    append(500);
    const check = verifyJournalAtStartup(db, 100);
    expect(check).toMatchObject({ from: 'window', walked: 100, verdict: { ok: true, entries: 500 } });
    expect(readCheckpoint(db)).toBeNull();
    // A checkpoint too far behind is the same: bounded work, the full walk moves it.
    advanceCheckpoint(
      db,
      {
        seq: 10,
        hash: (db.prepare('SELECT hash FROM journal WHERE seq = 10').get() as { hash: string }).hash,
      },
      true,
    );
    expect(verifyJournalAtStartup(db, 100)).toMatchObject({ from: 'window', walked: 100 });
    expect(readCheckpoint(db)?.seq).toBe(10);
  });

  it('the window still re-hashes the entry it starts from and checks the rest up to the head', () => {
    append(500);
    editBody(400);
    expect(verifyJournalAtStartup(db, 100).verdict).toMatchObject({ ok: false, seq: 400 });
    editBody(450);
    expect(verifyJournalAtStartup(db, 100).verdict).toMatchObject({ ok: false, seq: 400 });
  });
});

describe('verifyJournalAtStartup on a damaged file', () => {
  it('a journal page too damaged to read is a failed check (shown, selling goes on), not a failed start', async () => {
    append(3000);
    const leaves = db
      .prepare(`SELECT pageno AS p FROM dbstat WHERE name = 'journal' AND pagetype = 'leaf' ORDER BY path`)
      .all() as { p: number }[];
    const leaf = (leaves[Math.floor(leaves.length / 2)] as { p: number }).p; // the walk meets it half-way
    db.pragma('wal_checkpoint(TRUNCATE)');
    const size = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(size, 0xa5), 0, size, (leaf - 1) * size);
    fs.closeSync(fd);
    const reopened = openDatabase(file); // open does not read that page
    try {
      const check = verifyJournalAtStartup(reopened);
      expect(check.verdict).toMatchObject({ ok: false, seq: 0 });
      expect(check.verdict.ok === false && check.verdict.reason).toMatch(/^the journal could not be read: /);
    } finally {
      reopened.close();
    }
  });
});

describe('advanceCheckpoint', () => {
  const hashAt = (seq: number): string =>
    (db.prepare('SELECT hash FROM journal WHERE seq = ?').get(seq) as { hash: string }).hash;

  it('moves forward only', () => {
    append(20);
    expect(advanceCheckpoint(db, { seq: 15, hash: hashAt(15) }, false)).toBe(true);
    expect(advanceCheckpoint(db, { seq: 12, hash: hashAt(12) }, false)).toBe(false);
    expect(readCheckpoint(db)?.seq).toBe(15);
  });

  it('a walk from the genesis replaces a checkpoint that is no longer on the chain', () => {
    append(20);
    tamper('INSERT INTO counters (name, value, hash) VALUES (?, 999, ?)', CHECKPOINT_KEY, 'f'.repeat(64));
    expect(advanceCheckpoint(db, { seq: 20, hash: hashAt(20) }, false)).toBe(false);
    expect(advanceCheckpoint(db, { seq: 20, hash: hashAt(20) }, true)).toBe(true);
    expect(readCheckpoint(db)).toEqual({ seq: 20, hash: hashAt(20) });
  });
});

describe('journalCheckpointTask (idle housekeeping)', () => {
  it('keeps the checkpoint at the head, so the next start-up walks only what came after', () => {
    const broken: number[] = [];
    const task = journalCheckpointTask(db, (seq) => broken.push(seq));
    expect(task.step(new Date())).toBe(0);
    expect(readCheckpoint(db)).toBeNull(); // an empty journal: nothing to vouch for
    append(25);
    task.step(new Date());
    expect(readCheckpoint(db)?.seq).toBe(25);
    append(7);
    task.step(new Date());
    expect(readCheckpoint(db)?.seq).toBe(32);
    append(3);
    expect(verifyJournalAtStartup(db)).toMatchObject({ from: 'checkpoint', walked: 3 });
    expect(broken).toEqual([]);
  });

  it('moves nothing past an edited entry and reports it once', () => {
    const broken: [number, string][] = [];
    const task = journalCheckpointTask(db, (seq, reason) => broken.push([seq, reason]));
    append(10);
    task.step(new Date());
    append(5);
    editBody(13);
    task.step(new Date());
    task.step(new Date());
    expect(readCheckpoint(db)?.seq).toBe(10);
    expect(broken).toEqual([[13, 'entry 13 was altered: its hash does not match']]);
    expect(verifyJournalAtStartup(db).verdict).toMatchObject({ ok: false, seq: 13 });
  });
});
