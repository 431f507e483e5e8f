// X and Z report jobs in the print queue, on a real SQLite file with every migration: queued only inside a
// transaction, rolled back with it, and the repo reads the report back exactly as it was queued.
import { describe, expect, it } from 'vitest';
import { enqueueReportJob } from '../../../../main/printing/queue/enqueue-report';
import { reportView } from '../../../support/report-fixture';
import { shopsClosedAfterEach } from './fixtures';

const shop = shopsClosedAfterEach();

describe('enqueueReportJob', () => {
  it('refuses to run outside a transaction', async () => {
    const s = await shop();
    expect(() => enqueueReportJob(s.db, { report: reportView(), copy: false, now: s.clock.now() })).toThrow(
      /inside the transaction/,
    );
    expect(s.allJobs()).toEqual([]);
  });

  it('queues a report job carrying the report as JSON, a copy when asked', async () => {
    const s = await shop();
    const report = reportView();
    const { first, copy } = s.db.transaction(() => ({
      first: enqueueReportJob(s.db, { report, copy: false, now: s.clock.now() }),
      copy: enqueueReportJob(s.db, {
        report: reportView({ kind: 'x', zNo: null, chain: null }),
        copy: true,
        now: s.clock.now(),
      }),
    }))();
    expect(s.jobs.byId(first)).toMatchObject({
      kind: 'report',
      saleId: null,
      refundId: null,
      copy: false,
      state: 'queued',
      attempts: 0,
      createdAt: s.clock.now().toISOString(),
    });
    expect(JSON.parse(s.jobs.byId(first)?.report ?? 'null')).toEqual(report);
    expect(s.jobs.byId(copy)).toMatchObject({ kind: 'report', copy: true });
    expect(JSON.parse(s.jobs.byId(copy)?.report ?? 'null')).toMatchObject({ kind: 'x', zNo: null });
    // FIFO: the queue's head is the first report.
    expect(s.jobs.head()?.id).toBe(first);
  });

  it('rolls back with the Z transaction', async () => {
    const s = await shop();
    expect(() =>
      s.db.transaction(() => {
        enqueueReportJob(s.db, { report: reportView(), copy: false, now: s.clock.now() });
        throw new Error('z refused');
      })(),
    ).toThrow(/z refused/);
    expect(s.allJobs()).toEqual([]);
  });
});
