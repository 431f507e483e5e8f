// The Z closes the day: refused while a shift is open (and says which), numbered without gaps, immutable,
// chained (verifyZChain finds a tampered body), journalled, the next day opened; figures read by the worker
// that went stale before the write are computed again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeStore } from '../../../bench/support/large-store';
import { openDatabase } from '../../../main/store/db';
import type { Database } from '../../../main/store/db';
import { computeReport, openDay, type ReportHeader } from '../../../main/reports/compute-report';
import { createZClose } from '../../../main/reports/z-close';
import { verifyZChain } from '../../../main/reports/z-chain';
import type { Approvals } from '../../../main/staff/approvals';
import { PosFailure } from '../../../main/api/result';
import { enqueueReportJob } from '../../../main/printing/queue/enqueue-report';

let dir = '';
let db: Database;
const MANAGER = { operatorId: 'm1', code: '500', name: '王经理', role: 'manager' as const };
// The approval itself is main/staff's (tested there); here it is granted, and who asked for what is kept.
const asked: string[] = [];
const approvals: Approvals = {
  approve: (permission) => (asked.push(permission), { ...MANAGER, permission, signedIn: null }),
  verify: () => MANAGER,
};
const till = {
  terminalId: 'T01',
  storeName: 'S',
  currency: 'CNY',
  training: false,
  timeZone: 'Asia/Shanghai',
};
const APPROVAL = { operatorCode: '500', pin: '1234' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-zclose-'));
  await generateLargeStore({ dataDir: dir, sales: 120, salesPerDay: 120, salesPerTransaction: 60 });
  db = openDatabase(path.join(dir, 'pos.sqlite'));
}, 240_000);
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const lastZ = (): number =>
  (db.prepare('SELECT max(z_no) FROM z_reports').pluck().get() as number | null) ?? 0;
let tampered = 0;
const count = (table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const zClose = (compute = async (h: ReportHeader) => computeReport(db, h)) =>
  createZClose({ db, now: () => new Date(), approvals, till, compute, enqueue: enqueueReportJob });

describe('the Z report', () => {
  it('is refused while a shift is not closed, naming it, and writes nothing', async () => {
    db.prepare(
      `INSERT INTO shifts (id, drawer_id, state, currency, float_counts, float_minor, opened_at, updated_at, day_no)
      VALUES ('open-1', 'side', 'open', 'CNY', '{}', 0, '2026-12-06T08:00:00Z', '2026-12-06T08:00:00Z', (SELECT value FROM counters WHERE name = 'business-day'))`,
    ).run();
    const zs = count('z_reports');
    const z = zClose()(APPROVAL);
    await expect(z).rejects.toMatchObject({
      code: 'Z_REFUSED',
      detail: { blockers: [{ kind: 'shift-open', shiftId: 'open-1', drawerId: 'side', state: 'open' }] },
    });
    expect(count('z_reports')).toBe(zs);
    expect(asked).toEqual([]); // refused before the PIN is asked for
    db.prepare(`DELETE FROM shifts WHERE id = 'open-1'`).run();
  });

  it('closes the day: the next Z, its journal entry and print job, the next business day', async () => {
    const day = openDay(db).dayNo;
    const zNo = lastZ() + 1;
    const x = computeReport(db, { ...till, kind: 'x', zNo: null, takenAt: 't', takenBy: null }).report;
    const z = await zClose()(APPROVAL);
    expect(asked).toEqual(['report.z']);
    expect(z).toMatchObject({ kind: 'z', zNo, dayNo: day, takenBy: MANAGER.name, sales: x.sales });
    expect(openDay(db).dayNo).toBe(day + 1);
    const job = db
      .prepare(`SELECT report, copy, state FROM print_jobs WHERE kind = 'report' ORDER BY id DESC LIMIT 1`)
      .get() as {
      report: string;
      copy: number;
      state: string;
    };
    expect(job).toMatchObject({ copy: 0, state: 'queued' });
    expect(JSON.parse(job.report)).toEqual(z);
    const entry = db
      .prepare(`SELECT seq, kind, body FROM journal WHERE kind = 'z.closed' ORDER BY seq DESC LIMIT 1`)
      .get() as {
      seq: number;
      body: string;
    };
    expect(entry.seq).toBe(z.chain?.journalSeq);
    expect(JSON.parse(entry.body)).toMatchObject({
      zNo,
      dayNo: day,
      bodySha256: z.chain?.bodySha256,
      chainSha256: z.chain?.chainSha256,
      netSalesMinor: x.netSalesMinor,
      salesCount: x.sales.count,
    });
    // the new day starts empty
    expect(
      computeReport(db, { ...till, kind: 'x', zNo: null, takenAt: 't', takenBy: null }).report.sales.count,
    ).toBe(0);
  });

  it('numbers Zs without gaps and chains them; a stale worker result is computed again', async () => {
    let calls = 0;
    const stale = async (h: ReportHeader) => {
      const r = computeReport(db, h);
      calls += 1;
      // a sale-like commit lands between the worker's read and the Z's write, once
      if (calls === 1) {
        db.prepare(
          `INSERT INTO day_totals VALUES ((SELECT value FROM counters WHERE name = 'business-day'),
          'sales', '', '', 1, 500, 500, 0, 0, 1000, 0)`,
        ).run();
      }
      return r;
    };
    const z2 = await zClose(stale)(APPROVAL);
    expect(calls).toBe(2);
    expect(z2.sales.totalMinor).toBe(500);
    await zClose()(APPROVAL);
    tampered = z2.zNo ?? 0;
    const n = lastZ();
    expect(n).toBe(tampered + 1);
    expect(db.prepare('SELECT z_no FROM z_reports ORDER BY z_no').pluck().all()).toEqual(
      Array.from({ length: n }, (_, i) => i + 1),
    );
    expect(verifyZChain(db)).toMatchObject({ ok: true, count: n });
  });

  it('is immutable, and a body edited behind the triggers breaks the chain', () => {
    expect(() => db.prepare(`UPDATE z_reports SET body = '{}' WHERE z_no = ?`).run(tampered)).toThrow(
      /immutable/,
    );
    expect(() => db.prepare(`DELETE FROM z_reports WHERE z_no = ?`).run(lastZ())).toThrow(/immutable/);
    db.exec('DROP TRIGGER z_reports_no_update');
    db.prepare(
      `UPDATE z_reports SET body = replace(body, '"netSalesMinor":500', '"netSalesMinor":50') WHERE z_no = ?`,
    ).run(tampered);
    expect(verifyZChain(db)).toEqual({ ok: false, zNo: tampered, reason: 'body' });
  });

  it('refuses with a typed failure the dispatcher passes on', async () => {
    db.prepare(
      `INSERT INTO shifts (id, drawer_id, state, currency, float_counts, float_minor, opened_at, updated_at, day_no)
      VALUES ('open-2', 'side', 'open', 'CNY', '{}', 0, '2026-12-06T08:00:00Z', '2026-12-06T08:00:00Z', (SELECT value FROM counters WHERE name = 'business-day'))`,
    ).run();
    await expect(zClose()(APPROVAL)).rejects.toBeInstanceOf(PosFailure);
  });
});
