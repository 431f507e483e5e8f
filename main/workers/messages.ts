// What crosses the thread boundary between run-job.ts (main) and pos-worker.ts (the worker).
import type { PosError } from '../api/result';

export interface WorkerStart {
  readonly job: string;
  readonly input: unknown;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly value: unknown }
  | { readonly type: 'error'; readonly error: PosError };
