// Runs a job from jobs.ts in its own worker thread, so the main event loop keeps answering the cashier while
// it runs. One thread per job: jobs are long (seconds) and rare, so a pool would only keep idle threads alive.
// Every job opens its own database connection; none is shared across threads.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PosFailure } from '../api/result';
import type { JobInput, JobName, JobOutput } from '../jobs/jobs';
import type { WorkerMessage, WorkerStart } from './messages';

export interface RunJobOptions {
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the thread; the job's promise rejects with INTERNAL "cancelled". */
  readonly signal?: AbortSignal;
}

/**
 * Where the worker's code is. Running from source (tsx, vitest), this module is a .ts file and the worker
 * loads main/jobs/pos-worker.ts through tsx; in the Electron bundle, this code is inside main.cjs and pos-worker.cjs is
 * built beside it (forge.config.ts).
 */
export function workerScript(moduleUrl: string = import.meta.url): { file: string; execArgv: string[] } {
  const here = fileURLToPath(moduleUrl);
  return here.endsWith('.ts')
    ? { file: path.join(path.dirname(here), '..', 'jobs', 'pos-worker.ts'), execArgv: ['--import', 'tsx'] }
    : { file: path.join(path.dirname(here), 'pos-worker.cjs'), execArgv: [] };
}

export function runJob<N extends JobName>(
  job: N,
  input: JobInput<N>,
  opts: RunJobOptions = {},
): Promise<JobOutput<N>> {
  const { file, execArgv } = workerScript();
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new PosFailure('INTERNAL', `${job} was cancelled before it started`));
      return;
    }
    const start: WorkerStart = { job, input };
    const worker = new Worker(file, { workerData: start, execArgv });
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = (): void => settle(() => reject(new PosFailure('INTERNAL', `${job} was cancelled`)));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') opts.onProgress?.(m.done, m.total);
      else if (m.type === 'done') settle(() => resolve(m.value as JobOutput<N>));
      else settle(() => reject(new PosFailure(m.error.code, m.error.message, m.error.detail ?? {})));
    });
    worker.on('error', (e) =>
      settle(() => reject(new PosFailure('INTERNAL', `${job} failed in its worker: ${e.message}`))),
    );
    worker.on('exit', (code) =>
      settle(() =>
        reject(new PosFailure('INTERNAL', `${job}: its worker stopped (exit ${code}) without an answer`)),
      ),
    );
  });
}
