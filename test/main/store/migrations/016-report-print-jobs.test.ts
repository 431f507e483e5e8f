// Migration 016 (report print jobs): jobs and their FIFO order kept across the rebuild, a report job carries its
// report's JSON and only a report job does, and both partial indexes are back.
import { describe, expect, it } from 'vitest';
import {
  AT,
  insertCart,
  insertSale,
  migratedTo,
  migrateOn,
  migrationSuite,
} from '../../../support/migrations';

migrationSuite(16);

const insertJob = `INSERT INTO print_jobs (kind, sale_id, report, state, next_attempt_at, created_at, updated_at)
  VALUES (?, ?, ?, 'queued', ?, ?, ?)`;

describe('016 report print jobs', () => {
  it('keeps print jobs across the rebuild and stores a report job with its report', async () => {
    const db = await migratedTo(15);
    insertCart(db, 'c1', 'completed');
    insertSale(db, 's1', 'c1');
    db.prepare(
      `INSERT INTO print_jobs (kind, sale_id, copy, state, attempts, next_attempt_at, last_error, created_at,
         updated_at) VALUES ('receipt', 's1', 1, 'printed', 2, ?, NULL, ?, ?), ('drawer', NULL, 0, 'waiting', 1, ?,
         'paper out', ?, ?)`,
    ).run(AT, AT, AT, AT, AT, AT);
    await migrateOn(db, 16);
    expect(
      db
        .prepare(
          'SELECT id, kind, sale_id, report, copy, state, attempts, last_error FROM print_jobs ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        id: 1,
        kind: 'receipt',
        sale_id: 's1',
        report: null,
        copy: 1,
        state: 'printed',
        attempts: 2,
        last_error: null,
      },
      {
        id: 2,
        kind: 'drawer',
        sale_id: null,
        report: null,
        copy: 0,
        state: 'waiting',
        attempts: 1,
        last_error: 'paper out',
      },
    ]);
    const job = db.prepare(insertJob);
    const id = job.run('report', null, '{"kind":"z","zNo":1}', AT, AT, AT).lastInsertRowid;
    // New ids follow the old ones: the queue stays FIFO.
    expect(id).toBe(3);
    expect(db.prepare('SELECT report FROM print_jobs WHERE id = 3').get()).toEqual({
      report: '{"kind":"z","zNo":1}',
    });
  });

  it('lets only a report job carry a report, and only valid JSON', async () => {
    const db = await migratedTo(16);
    const job = db.prepare(insertJob);
    expect(() => job.run('report', null, null, AT, AT, AT)).toThrow(/CHECK/);
    expect(() => job.run('drawer', null, '{}', AT, AT, AT)).toThrow(/CHECK/);
    expect(() => job.run('report', null, 'not json', AT, AT, AT)).toThrow(/CHECK/);
    expect(() => job.run('invoice', null, null, AT, AT, AT)).toThrow(/CHECK/);
    job.run('drawer', null, null, AT, AT, AT);
  });

  it('makes the partial indexes again, and the queue reads through them', async () => {
    const db = await migratedTo(16);
    const indexes = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'print_jobs' ORDER BY name`,
      )
      .all();
    expect(indexes).toEqual([{ name: 'print_jobs_due' }, { name: 'print_jobs_errors' }]);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM print_jobs
         WHERE state IN ('queued', 'printing', 'waiting', 'interrupted') ORDER BY id LIMIT 1`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('print_jobs_due');
  });
});
