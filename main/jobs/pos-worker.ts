// The worker-thread entry: runs the one job named in workerData and posts progress, then its result or its
// failure (as a PosError, so main rethrows the same typed failure). Built as its own bundle for Electron
// (forge.config.ts); run through tsx from source elsewhere (run-job.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { PosFailure } from '../api/result';
import { jobs, type JobName } from './jobs';
import type { WorkerMessage, WorkerStart } from '../workers/messages';

const port = parentPort;
if (port === null) throw new Error('pos-worker must run in a worker thread');
const post = (m: WorkerMessage): void => port.postMessage(m);

const start = workerData as WorkerStart;
const run = jobs[start.job as JobName] as
  ((input: unknown, ctx: { progress(done: number, total: number): void }) => unknown) | undefined;

void (async () => {
  try {
    if (run === undefined) throw new PosFailure('INTERNAL', `no worker job named ${start.job}`);
    const value = await run(start.input, {
      progress: (done, total) => post({ type: 'progress', done, total }),
    });
    post({ type: 'done', value });
  } catch (e) {
    const failure =
      e instanceof PosFailure
        ? { code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}) }
        : { code: 'INTERNAL' as const, message: e instanceof Error ? e.message : String(e) };
    post({ type: 'error', error: failure });
  }
})();
