// The full walk told to a person: each kind of break is reported at the right entry, with its time and what it
// recorded (or, for a missing entry, the entries on either side), and an intact chain with its span and head.
import { beforeEach, describe, expect, it } from 'vitest';
import { appendJournal, entryHash, GENESIS_HASH } from '../../../main/audit/journal';
import { describeEntry, reportJournal } from '../../../main/audit/journal-report';
import type { Database } from '../../../main/store/db';
import { runJob } from '../../../main/workers/run-job';
import { migratedDatabase, tamperJournal } from '../store/fixtures';

let db: Database;
let file: string;

const at = (n: number): string => `2026-03-04T10:${String(n).padStart(2, '0')}:00.000Z`;

/** Ten sales, T01-000001..T01-000010 at 10:01..10:10, totals n × 3.50. */
function sell(n = 10): void {
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      appendJournal(db, {
        at: at(i),
        kind: 'sale.completed',
        ref: `sale-${i}`,
        body: { receiptNo: `T01-${String(i).padStart(6, '0')}`, totalMinor: i * 350 },
      });
    }
  })();
}

beforeEach(async () => {
  ({ db, file } = await migratedDatabase());
});

describe('reportJournal', () => {
  it('an intact chain: its entries, first and last with their times, and the head hash', () => {
    sell();
    const head = db.prepare(`SELECT hash FROM journal WHERE seq = 10`).get() as { hash: string };
    expect(reportJournal(db)).toEqual({
      ok: true,
      entries: 10,
      head: head.hash,
      first: { seq: 1, at: at(1) },
      last: { seq: 10, at: at(10) },
    });
  });

  it('an empty journal is intact with no span', () => {
    expect(reportJournal(db)).toEqual({ ok: true, entries: 0, head: GENESIS_HASH, first: null, last: null });
  });

  it('a body altered behind the chain: that entry, its time, and what it now says it covered', () => {
    sell();
    tamperJournal(
      file,
      `UPDATE journal SET body = ? WHERE seq = 7`,
      '{"receiptNo":"T01-000007","totalMinor":1}',
    );
    expect(reportJournal(db)).toMatchObject({
      ok: false,
      seq: 7,
      cause: 'hash',
      at: at(7),
      kind: 'sale.completed',
      ref: 'sale-7',
      covered: 'sale.completed T01-000007, total 0.01',
      reason: 'entry 7 was altered: its hash does not match',
    });
  });

  it('a deleted entry: the gap at its seq, dated by the entries either side', () => {
    sell();
    tamperJournal(file, `DELETE FROM journal WHERE seq = 4`);
    expect(reportJournal(db)).toMatchObject({
      ok: false,
      seq: 4,
      cause: 'gap',
      at: null,
      kind: null,
      covered: null,
      before: { seq: 3, at: at(3) },
      after: { seq: 5, at: at(5) },
      reason: 'entry 4 is missing (next is 5)',
    });
  });

  it('a tampered hash: the next entry no longer chains to it, reported where the hash was changed', () => {
    sell();
    tamperJournal(file, `UPDATE journal SET hash = ? WHERE seq = 5`, 'f'.repeat(64));
    expect(reportJournal(db)).toMatchObject({
      ok: false,
      seq: 5,
      cause: 'hash',
      at: at(5),
      covered: 'sale.completed T01-000005, total 17.50',
    });
  });

  it('a previous hash rewritten: that entry is reported as not chaining to the one before', () => {
    sell();
    tamperJournal(file, `UPDATE journal SET prev_hash = ? WHERE seq = 6`, 'e'.repeat(64));
    expect(reportJournal(db)).toMatchObject({ ok: false, seq: 6, cause: 'prev_hash', at: at(6) });
  });

  it('a garbled body whose hash was recomputed (and the head moved): the body that does not parse', () => {
    sell();
    const row = db.prepare(`SELECT * FROM journal WHERE seq = 10`).get() as Parameters<typeof entryHash>[0];
    const hash = entryHash({ ...row, body: '{"totalMinor":' });
    tamperJournal(file, `UPDATE journal SET body = '{"totalMinor":', hash = ? WHERE seq = 10`, hash);
    tamperJournal(file, `UPDATE counters SET hash = ? WHERE name = 'journal.head'`, hash);
    expect(reportJournal(db)).toMatchObject({
      ok: false,
      seq: 10,
      cause: 'body',
      at: at(10),
      covered: null,
      reason: 'entry 10 has a body that does not parse',
    });
  });

  it('entries cut from the end: the first missing one, after the last that is there', () => {
    sell();
    tamperJournal(file, `DELETE FROM journal WHERE seq > 8`);
    expect(reportJournal(db)).toMatchObject({
      ok: false,
      seq: 9,
      cause: 'gap',
      before: { seq: 8, at: at(8) },
      after: null,
    });
  });
});

describe('the journal.verify worker job', () => {
  it('answers with the full report of the first break, off the main thread', async () => {
    sell();
    tamperJournal(file, `UPDATE journal SET body = '{"totalMinor":2}' WHERE seq = 3`);
    expect(await runJob('journal.verify', { file })).toMatchObject({
      ok: false,
      seq: 3,
      at: at(3),
      covered: 'sale.completed sale-3, total 0.02',
    });
  });
});

describe('describeEntry', () => {
  it('names the receipt over the ref, and each amount it knows in two decimals', () => {
    expect(describeEntry('z.closed', 'Z4', '{"netSalesMinor":-1205,"zNo":4}')).toBe(
      'z.closed Z4, net sales -12.05',
    );
    expect(describeEntry('staff.locked', null, '{}')).toBe('staff.locked');
    expect(describeEntry('x', 'r', 'not json')).toBeNull();
  });
});
