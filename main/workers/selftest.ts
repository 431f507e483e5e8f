// The worker machinery's own test job (see jobs.ts): echoes its input, reports `steps` progress ticks, or
// fails with a PosFailure when asked to, so tests can see each path cross the thread boundary.
import { PosFailure } from '../api/result';
import type { JobContext } from '../jobs/jobs';

export function echo(input: { value: unknown; fail?: string; steps?: number }, ctx: JobContext): unknown {
  const steps = input.steps ?? 0;
  for (let i = 1; i <= steps; i++) ctx.progress(i, steps);
  if (input.fail !== undefined) throw new PosFailure('STORAGE_FULL', input.fail, { asked: true });
  return input.value;
}
