// The report.* channels' work: an X of now (figures from the report worker, nothing written), the Z
// (z-close.ts), the stored Zs (z-repo.ts), and handing a report to the printer queue or an exporter.
import type { ExportFormat, ExportView, ReportView, ZSummaryView } from '../api/contract/reports';
import type { PrintJobRef } from '../api/contract/printing';
import { PosFailure } from '../api/result';
import type { ApprovalInput } from '../staff/approvals';
import type { Database } from '../store/db';
import type { ComputedReport, ReportHeader } from './compute-report';
import { createZClose, type EnqueueReport, type TillHeader, type ZStep } from './z-close';
import type { Approvals } from '../staff/approvals';
import { createZRepo } from './z-repo';

/** Writes a report as a file under the data folder's exports/ (main/reports/export/). */
export type ReportExporter = (report: ReportView, format: ExportFormat) => Promise<ExportView>;

export interface ReportService {
  x(): Promise<ReportView>;
  z(approval: ApprovalInput): Promise<ReportView>;
  list(beforeZNo: number | undefined, limit: number): readonly ZSummaryView[];
  get(zNo: number): ReportView;
  /** a past Z again (marked as a copy), or an X of now */
  print(zNo: number | undefined): Promise<PrintJobRef>;
  export(zNo: number | undefined, format: ExportFormat): Promise<ExportView>;
}

export interface ReportServiceDeps {
  readonly db: Database;
  readonly now: () => Date;
  readonly approvals: Approvals;
  readonly till: TillHeader;
  /** who is signed in (named on an X) */
  readonly signedInName: () => string | null;
  readonly compute: (header: ReportHeader) => Promise<ComputedReport>;
  /** the printer queue's (main/printing/queue/enqueue-report.ts) */
  readonly enqueue: EnqueueReport;
  readonly exporter: ReportExporter;
  readonly onZStep?: (step: ZStep) => void;
  /** a Z was committed: told after the fact, never waited for (reconciliation fetches the day's settlement) */
  readonly onZClosed?: (report: ReportView) => void;
}

export function createReportService(d: ReportServiceDeps): ReportService {
  const zs = createZRepo(d.db);
  const zClose = createZClose({
    ...{ db: d.db, now: d.now, approvals: d.approvals, till: d.till, compute: d.compute },
    enqueue: d.enqueue,
    ...(d.onZStep ? { onStep: d.onZStep } : {}),
  });
  const x = async (): Promise<ReportView> => {
    const header = { ...d.till, kind: 'x' as const, zNo: null, takenAt: d.now().toISOString() };
    return (await d.compute({ ...header, takenBy: d.signedInName() })).report;
  };
  const get = (zNo: number): ReportView => {
    const z = zs.get(zNo);
    if (z === null) throw new PosFailure('NOT_FOUND', `no Z report ${zNo}`, { zNo });
    return z;
  };
  return {
    x,
    async z(approval) {
      const report = await zClose(approval);
      d.onZClosed?.(report);
      return report;
    },
    list: (before, limit) => zs.list(before, limit),
    get,
    async print(zNo) {
      const report = zNo === undefined ? await x() : get(zNo);
      const now = d.now();
      const jobId = d.db
        .transaction(() => d.enqueue(d.db, { report, copy: zNo !== undefined, now }))
        .immediate();
      return { jobId };
    },
    async export(zNo, format) {
      return d.exporter(zNo === undefined ? await x() : get(zNo), format);
    },
  };
}
