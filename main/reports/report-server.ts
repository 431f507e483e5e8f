// The report worker's side (run as the 'reports.serve' job of main/jobs/jobs.ts): one read-only connection,
// kept open for the life of the thread, answering report requests one after another until main says stop.
// A report then pays neither a thread start nor a connection open, and never shares main's connection.
import { parentPort } from 'node:worker_threads';
import { PosFailure, type PosError } from '../api/result';
import { openDatabase } from '../store/db';
import { computeReport, type ComputedReport, type ReportHeader } from './compute-report';

export type ReportRequest =
  | { readonly type: 'compute'; readonly id: number; readonly header: ReportHeader }
  | { readonly type: 'stop' };
export type ReportReply =
  | { readonly type: 'report'; readonly id: number; readonly value: ComputedReport }
  | { readonly type: 'report-error'; readonly id: number; readonly error: PosError };

export function serveReports(input: { readonly file: string }): Promise<{ served: number }> {
  const port = parentPort;
  if (port === null) throw new PosFailure('INTERNAL', 'the report server must run in a worker thread');
  const db = openDatabase(input.file, { readonly: true });
  let served = 0;
  return new Promise((resolve) => {
    port.on('message', (m: ReportRequest) => {
      if (m.type === 'stop') {
        db.close();
        port.removeAllListeners('message');
        resolve({ served });
        return;
      }
      served += 1;
      try {
        port.postMessage({
          type: 'report',
          id: m.id,
          value: computeReport(db, m.header),
        } satisfies ReportReply);
      } catch (e) {
        const error: PosError =
          e instanceof PosFailure
            ? { code: e.code, message: e.message }
            : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
        port.postMessage({ type: 'report-error', id: m.id, error } satisfies ReportReply);
      }
    });
  });
}
