// Reports are computed in one long-lived worker thread on its own read-only connection: while it reads a big
// day, main keeps committing (its event loop is free and SQLite's WAL lets the write go ahead of the read),
// the thread is kept for the next report, and after stop the next report starts a new one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeStore } from '../../../bench/support/large-store';
import { openDatabase, type Database } from '../../../main/store/db';
import { createReportWorker, type ReportWorker } from '../../../main/reports/report-worker';
import { computeReport, openDay, type ReportHeader } from '../../../main/reports/compute-report';
import { createDayTotals } from '../../../main/totals/day-totals';
import { dayFingerprint } from '../../../main/reports/fingerprint';

let dir = '';
let db: Database;
let worker: ReportWorker;
let day = 0;
const HEADER: ReportHeader = {
  ...{ kind: 'x', zNo: null, terminalId: 'T01', storeName: 'S', currency: 'CNY', training: false },
  ...{ takenAt: '2026-12-06T10:00:00.000Z', takenBy: null, timeZone: 'Asia/Shanghai' },
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-report-worker-'));
  await generateLargeStore({ dataDir: dir, sales: 60, salesPerDay: 60, salesPerTransaction: 60 });
  const file = path.join(dir, 'pos.sqlite');
  db = openDatabase(file);
  // A heavy day: 300,000 summary rows (as many shifts), so a report takes long enough to overlap commits.
  day = openDay(db).dayNo;
  const add = db.prepare(`INSERT INTO day_totals VALUES (?, 'sales', ?, '', 1, 100, 100, 0, 0, 1000, 0)`);
  db.transaction(() => {
    for (let i = 0; i < 300_000; i++) add.run(day, `heavy-${i}`);
  })();
  worker = createReportWorker(file);
}, 240_000);
afterAll(async () => {
  await worker.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the report worker', () => {
  it('computes off the main thread: sales keep committing meanwhile', async () => {
    const totals = createDayTotals(db);
    const before = computeReport(db, HEADER).report.sales;
    let done = false;
    const pending = worker.compute(HEADER).finally(() => (done = true));
    let commits = 0;
    while (!done) {
      db.transaction(() =>
        totals.add([{ metric: 'sales', n: 1, amountMinor: 250 }], { shiftId: null, operatorId: null }),
      )();
      commits += 1;
      await new Promise((r) => setImmediate(r));
    }
    const { report, fingerprint } = await pending;
    expect(commits).toBeGreaterThan(1);
    // the figures are of one moment between the first and the last commit
    const extra = report.sales.count - before.count;
    expect(extra).toBeGreaterThanOrEqual(0);
    expect(extra).toBeLessThanOrEqual(commits);
    expect(report.sales.totalMinor - before.totalMinor).toBe(extra * 250);
    // ...and main's state moved on since: the Z compares fingerprints for this reason
    expect(fingerprint).not.toBe(dayFingerprint(db, day));
  }, 60_000);

  it('keeps its thread for the next report, and starts a new one after stop', async () => {
    const a = await worker.compute(HEADER);
    expect(a.report.sales.count).toBe(computeReport(db, HEADER).report.sales.count);
    await worker.stop();
    const b = await worker.compute(HEADER);
    expect(b.fingerprint).toBe(dayFingerprint(db, day));
  }, 60_000);
});
