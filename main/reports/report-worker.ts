// Main's side of the report worker: one long-lived thread (report-server.ts), started on the first report and
// kept for the next ones, so an X does not pay a thread start and a connection open each time. Requests are
// answered in order; if the thread dies, its waiting requests fail and the next report starts a new one.
import { Worker } from 'node:worker_threads';
import { PosFailure } from '../api/result';
import { workerScript } from '../workers/run-job';
import type { WorkerStart } from '../workers/messages';
import type { ComputedReport, ReportHeader } from './compute-report';
import type { ReportReply, ReportRequest } from './report-server';

export interface ReportWorker {
  compute(header: ReportHeader): Promise<ComputedReport>;
  /** Stops the thread (after the request in progress); the next compute starts it again. */
  stop(): Promise<void>;
}

interface Waiting {
  resolve(v: ComputedReport): void;
  reject(e: Error): void;
}

export function createReportWorker(file: string): ReportWorker {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  const failAll = (why: string): void => {
    for (const w of waiting.values()) w.reject(new PosFailure('INTERNAL', why));
    waiting.clear();
  };
  const start = (): Worker => {
    const { file: script, execArgv } = workerScript();
    const w = new Worker(script, {
      workerData: { job: 'reports.serve', input: { file } } satisfies WorkerStart,
      execArgv,
    });
    w.on('message', (m: ReportReply | { type: string }) => {
      if (m.type !== 'report' && m.type !== 'report-error') return; // the job's own done/error at stop
      const r = m as ReportReply;
      const to = waiting.get(r.id);
      waiting.delete(r.id);
      if (waiting.size === 0) w.unref(); // idle: never keeps the process alive
      if (r.type === 'report') to?.resolve(r.value);
      else to?.reject(new PosFailure(r.error.code, r.error.message));
    });
    w.on('error', (e) => failAll(`the report worker failed: ${e.message}`));
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(`the report worker stopped (exit ${code})`);
    });
    return w;
  };
  return {
    compute(header) {
      worker ??= start();
      const id = nextId++;
      const w = worker;
      w.ref(); // a report asked for is waited for
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.postMessage({ type: 'compute', id, header } satisfies ReportRequest);
      });
    },
    async stop() {
      const w = worker;
      if (w === null) return;
      worker = null;
      // The server closes its connection and ends its job ('done'); then the thread is ended.
      const finished = new Promise<void>((resolve) => {
        w.on('message', (m: { type: string }) => {
          if (m.type === 'done' || m.type === 'error') resolve();
        });
        w.once('exit', () => resolve());
      });
      w.ref();
      w.postMessage({ type: 'stop' } satisfies ReportRequest);
      await finished;
      await w.terminate();
    },
  };
}
