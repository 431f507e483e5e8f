// Reading stored Z reports: the list (newest first, by primary key) and one Z as it was closed, its chain
// hashes added back to the stored body (a Z from before a figure existed reads without it: readStoredReport).
import {
  readStoredReport,
  type ReportView,
  type StoredReportView,
  type ZSummaryView,
} from '../api/contract/reports';
import type { Database } from '../store/db';

interface ZRow {
  z_no: number;
  opened_at: string;
  closed_at: string;
  body: string;
  body_sha256: string;
  prev_sha256: string;
  chain_sha256: string;
  journal_seq: number;
}

export interface ZRepo {
  list(beforeZNo: number | undefined, limit: number): ZSummaryView[];
  get(zNo: number): ReportView | null;
}

export function createZRepo(db: Database): ZRepo {
  const page = db.prepare<[number, number], ZRow>(
    'SELECT * FROM z_reports WHERE z_no < ? ORDER BY z_no DESC LIMIT ?',
  );
  const one = db.prepare<[number], ZRow>('SELECT * FROM z_reports WHERE z_no = ?');
  return {
    list: (before, limit) =>
      page.all(before ?? Number.MAX_SAFE_INTEGER, limit).map((r) => {
        const body = JSON.parse(r.body) as ReportView;
        return {
          zNo: r.z_no,
          openedAt: r.opened_at,
          closedAt: r.closed_at,
          salesCount: body.sales.count,
          netSalesMinor: body.netSalesMinor,
          chainSha256: r.chain_sha256,
        };
      }),
    get(zNo) {
      const r = one.get(zNo);
      if (r === undefined) return null;
      const body = JSON.parse(r.body) as Omit<StoredReportView, 'chain'>;
      return {
        ...readStoredReport({ ...body, chain: null }),
        chain: {
          bodySha256: r.body_sha256,
          prevSha256: r.prev_sha256,
          chainSha256: r.chain_sha256,
          journalSeq: r.journal_seq,
        },
      };
    },
  };
}
