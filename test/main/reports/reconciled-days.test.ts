// Reconciled days on the Z: the settlement dates journalled 'recon.day-reconciled' since the previous Z show on
// the next report (X and Z), the Z after that does not repeat them, a past day's report keeps its own, a date
// reconciled twice shows once (its latest), and a date reconciled while the Z is written is on that Z. Read by
// the journal's key over the day's range only.
import { afterEach, describe, expect, it } from 'vitest';
import { appendJournal } from '../../../main/audit/journal';
import { computeReport, type ReportHeader } from '../../../main/reports/compute-report';
import {
  journalWindowOf,
  RECONCILED_DAYS_SQL,
  reconciledDaysOf,
  Z_JOURNAL_SEQ_SQL,
} from '../../../main/reports/reconciled-days';
import { createZClose } from '../../../main/reports/z-close';
import { verifyZChain } from '../../../main/reports/z-chain';
import { enqueueReportJob } from '../../../main/printing/queue/enqueue-report';
import type { Approvals } from '../../../main/staff/approvals';
import type { Database } from '../../../main/store/db';
import { migrations } from '../../../main/store/migrations/index';
import { fullScans } from '../../support/query-plans';
import { migratedTo } from '../../support/migrations';

let db: Database | null = null;
afterEach(() => db?.close());

const MANAGER = { operatorId: 'm1', code: '500', name: '王经理', role: 'manager' as const };
const approvals: Approvals = {
  approve: (permission) => ({ ...MANAGER, permission, signedIn: null }),
  verify: () => MANAGER,
};
const till = { terminalId: 'T01', storeName: 'S', currency: 'CNY', training: false, timeZone: 'UTC' };
const X: ReportHeader = { ...till, kind: 'x', zNo: null, takenAt: '2026-12-06T12:00:00.000Z', takenBy: null };

/** What resolve-item.ts journals when a date's last open difference is resolved. */
const reconciled = (d: Database, day: string, resolved: number, at = '2026-12-06T09:00:00.000Z'): number =>
  d.transaction(
    () => appendJournal(d, { at, kind: 'recon.day-reconciled', ref: day, body: { day, resolved } }).seq,
  )();
const other = (d: Database): void => {
  d.transaction(() => appendJournal(d, { at: 't', kind: 'recon.resolved', ref: 'i1', body: {} }))();
};

const zClose = (d: Database, compute = async (h: ReportHeader) => computeReport(d, h)) =>
  createZClose({ db: d, now: () => new Date(), approvals, till, compute, enqueue: enqueueReportJob })({
    operatorCode: '500',
    pin: '1234',
  });

describe('reconciled days on the report', () => {
  it('shows the dates reconciled since the previous Z, once each, its latest completion', async () => {
    db = await migratedTo(migrations.length);
    const d = db;
    reconciled(d, '2026-12-05', 2);
    other(d);
    const third = reconciled(d, '2026-12-03', 1, '2026-12-06T08:00:00.000Z');
    const again = reconciled(d, '2026-12-05', 3, '2026-12-06T10:00:00.000Z'); // reopened and reconciled
    expect(computeReport(d, X).report.reconciledDays).toEqual([
      { day: '2026-12-03', reconciledAt: '2026-12-06T08:00:00.000Z', resolved: 1, journalSeq: third },
      { day: '2026-12-05', reconciledAt: '2026-12-06T10:00:00.000Z', resolved: 3, journalSeq: again },
    ]);
  });

  it('puts them on the Z, not on the next one; a past day keeps its own; the chain verifies', async () => {
    db = await migratedTo(migrations.length);
    const d = db;
    reconciled(d, '2026-12-05', 3);
    const z1 = await zClose(d);
    expect(z1.reconciledDays.map((r) => [r.day, r.resolved])).toEqual([['2026-12-05', 3]]);
    expect(computeReport(d, X).report.reconciledDays).toEqual([]);
    reconciled(d, '2026-12-06', 1);
    const z2 = await zClose(d);
    expect(z2.reconciledDays.map((r) => r.day)).toEqual(['2026-12-06']);
    // the stored bodies hold them (hashed into the chain), and a closed day reads back its own
    const bodies = d.prepare('SELECT body FROM z_reports ORDER BY z_no').pluck().all() as string[];
    expect(bodies.map((b) => (JSON.parse(b) as typeof z1).reconciledDays.map((r) => r.day))).toEqual([
      ['2026-12-05'],
      ['2026-12-06'],
    ]);
    expect(computeReport(d, X, z1.dayNo).report.reconciledDays.map((r) => r.day)).toEqual(['2026-12-05']);
    expect(verifyZChain(d)).toMatchObject({ ok: true, count: 2 });
  });

  it('a date reconciled while the Z is written is on that Z (the figures are computed again)', async () => {
    db = await migratedTo(migrations.length);
    const d = db;
    let calls = 0;
    const z = await zClose(d, async (h) => {
      const r = computeReport(d, h);
      if ((calls += 1) === 1) reconciled(d, '2026-12-04', 2);
      return r;
    });
    expect(calls).toBe(2);
    expect(z.reconciledDays.map((r) => r.day)).toEqual(['2026-12-04']);
  });

  it('reads the journal by its key over the day only, and the Zs by day', async () => {
    db = await migratedTo(migrations.length);
    expect(fullScans(db, RECONCILED_DAYS_SQL)).toEqual([]);
    expect(fullScans(db, Z_JOURNAL_SEQ_SQL)).toEqual([]);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${RECONCILED_DAYS_SQL}`).all(1, 2) as { detail: string }[])
      .map((r) => r.detail)
      .join('; ');
    expect(plan).toMatch(/SEARCH journal USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(journalWindowOf(db, 1)).toEqual({ after: 0, before: Number.MAX_SAFE_INTEGER });
    expect(reconciledDaysOf(db, { after: 0, before: 1 })).toEqual([]);
  });
});
