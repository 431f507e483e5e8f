// Taking the Z: closes the business day for good. The figures come from the report worker (off the main
// thread); the write is ONE IMMEDIATE transaction on main's connection holding the Z row (numbered, its body
// hashed and chained), its journal entry, the next business day and the Z's print job, so a kill at any
// moment leaves either no Z (the day still open, its totals whole) or the whole Z. Before writing, the
// transaction reads the day's fingerprint again: if anything committed since the worker read the figures,
// they are computed again (a bounded number of times, then on main inside the transaction, which is always
// of the state it closes).
import type { ReportView } from '../api/contract/reports';
import { PosFailure } from '../api/result';
import { appendJournal } from '../audit/journal';
import { canonicalJson } from '../audit/canonical-json';
import type { Database } from '../store/db';
import { approvedBy, type ApprovalInput, type Approvals } from '../staff/approvals';
import { computeReport, openDay, type ComputedReport, type ReportHeader } from './compute-report';
import { dayFingerprint } from './fingerprint';
import { zBlockers } from './z-blockers';
import { chainHash, sha256, Z_GENESIS } from './z-chain';

/** The points inside the Z's transaction, in order (a test kills the process at each: z-close.kill.test.ts). */
export const Z_STEPS = ['begun', 'journalled', 'stored', 'day-opened', 'print-queued'] as const;
export type ZStep = (typeof Z_STEPS)[number];

export type TillHeader = Pick<
  ReportHeader,
  'terminalId' | 'storeName' | 'currency' | 'training' | 'timeZone'
>;
/** The Z's print job, in the Z's transaction (main/printing/queue/enqueue-report.ts). */
export type EnqueueReport = (db: Database, job: { report: ReportView; copy: boolean; now: Date }) => number;

export interface ZCloseDeps {
  readonly db: Database;
  readonly now: () => Date;
  readonly approvals: Approvals;
  readonly till: TillHeader;
  /** the figures, off the main thread (report-worker.ts) */
  readonly compute: (header: ReportHeader) => Promise<ComputedReport>;
  readonly enqueue: EnqueueReport;
  /** worker results discarded as stale before computing on main (default 3) */
  readonly maxStale?: number;
  /** called at each step inside the transaction; tests pause and kill there */
  readonly onStep?: (step: ZStep) => void;
}

export type ZClose = (approval: ApprovalInput) => Promise<ReportView>;

const refuse = (db: Database): void => {
  const blockers = zBlockers(db);
  if (blockers.length > 0) {
    throw new PosFailure('Z_REFUSED', `the day cannot close: ${blockers.length} blocker(s)`, { blockers });
  }
};

export function createZClose(deps: ZCloseDeps): ZClose {
  const { db, now } = deps;
  const step = deps.onStep ?? ((): void => undefined);
  const lastZ = db.prepare<[], { z_no: number; chain_sha256: string }>(
    'SELECT z_no, chain_sha256 FROM z_reports ORDER BY z_no DESC LIMIT 1',
  );
  const insertZ =
    db.prepare(`INSERT INTO z_reports (z_no, day_no, terminal_id, opened_at, closed_at, training,
      body, body_sha256, prev_sha256, chain_sha256, journal_seq, closed_by)
    VALUES (@zNo, @dayNo, @terminalId, @openedAt, @closedAt, @training, @body, @bodySha256, @prevSha256,
      @chainSha256, @journalSeq, @closedBy)`);
  const nextDay = db.prepare('INSERT INTO business_days (day_no, opened_at) VALUES (?, ?)');
  const bumpDay = db.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'business-day'`);
  const nextZNo = (): number => (lastZ.get()?.z_no ?? 0) + 1;

  /** Writes the Z of `computed` if it is still of the open day as it stands; null when it is stale. */
  const write = (computed: ComputedReport | null, header: ReportHeader, by: unknown): ReportView | null =>
    db
      .transaction(() => {
        step('begun');
        refuse(db);
        const fresh = computed ?? computeReport(db, header);
        const { report } = fresh;
        const { dayNo } = openDay(db);
        if (report.dayNo !== dayNo || report.zNo !== nextZNo()) return null;
        if (dayFingerprint(db, dayNo) !== fresh.fingerprint) return null;
        const { chain: _none, ...figures } = report;
        const body = canonicalJson(figures);
        const bodySha256 = sha256(body);
        const prevSha256 = lastZ.get()?.chain_sha256 ?? Z_GENESIS;
        const chainSha256 = chainHash(prevSha256, bodySha256);
        const zNo = report.zNo;
        const { seq } = appendJournal(db, {
          at: report.takenAt,
          kind: 'z.closed',
          ref: `Z${zNo}`,
          body: {
            zNo,
            dayNo,
            bodySha256,
            chainSha256,
            netSalesMinor: report.netSalesMinor,
            salesCount: report.sales.count,
            approvedBy: by,
          },
        });
        step('journalled');
        insertZ.run({
          ...{
            zNo,
            dayNo,
            terminalId: report.terminalId,
            openedAt: report.openedAt,
            closedAt: report.takenAt,
          },
          ...{ training: report.training ? 1 : 0, body, bodySha256, prevSha256, chainSha256 },
          ...{ journalSeq: seq, closedBy: JSON.stringify(by) },
        });
        step('stored');
        nextDay.run(dayNo + 1, report.takenAt);
        bumpDay.run();
        step('day-opened');
        const closed: ReportView = {
          ...report,
          chain: { bodySha256, prevSha256, chainSha256, journalSeq: seq },
        };
        deps.enqueue(db, { report: closed, copy: false, now: new Date(report.takenAt) });
        step('print-queued');
        return closed;
      })
      .immediate();

  return async (approval) => {
    refuse(db); // before asking for the PIN: the manager sees what to settle first
    const approver = deps.approvals.approve('report.z', approval);
    const by = approvedBy(approver);
    const maxStale = deps.maxStale ?? 3;
    for (let tries = 0; ; tries++) {
      const header: ReportHeader = {
        ...deps.till,
        kind: 'z',
        zNo: nextZNo(),
        takenAt: now().toISOString(),
        takenBy: approver.name,
      };
      const onMain = tries >= maxStale;
      const closed = write(onMain ? null : await deps.compute(header), header, by);
      if (closed !== null) return closed;
      if (onMain) throw new PosFailure('INTERNAL', 'the Z figures changed while being written');
    }
  };
}
