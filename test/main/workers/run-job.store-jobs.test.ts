// The store's long jobs cross the thread boundary like any job: progress on the way, a typed answer, a typed
// failure. (What they find is tested beside their code: test/main/store, test/main/audit.)
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendJournal } from '../../../main/audit/journal';
import { runJob } from '../../../main/workers/run-job';
import { migratedDatabase, tempDir } from '../store/fixtures';

describe('store jobs in worker threads', () => {
  it('journal.verify walks from the genesis and reports progress every 10,000 entries', async () => {
    const { db, file } = await migratedDatabase();
    db.transaction(() => {
      for (let i = 0; i < 25_000; i++)
        appendJournal(db, { at: '2026-01-01T00:00:00.000Z', kind: 'sale.completed', ref: null, body: { i } });
    })();
    const ticks: [number, number][] = [];
    const verdict = await runJob('journal.verify', { file }, { onProgress: (d, t) => ticks.push([d, t]) });
    expect(verdict).toMatchObject({ ok: true, entries: 25_000 });
    expect(ticks).toEqual([
      [10_000, 25_000],
      [20_000, 25_000],
    ]);
  });

  it('a job on a missing store fails with its typed error (NOT_FOUND), nothing created', async () => {
    const file = path.join(tempDir(), 'absent.sqlite');
    await expect(runJob('journal.verify', { file })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(runJob('store.check', { file, mode: 'quick' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
