import { describe, expect, it } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import { runJob, workerScript } from '../../../main/workers/run-job';

describe('runJob (worker threads)', () => {
  it('runs a job in another thread and returns its result, with progress on the way', async () => {
    const ticks: [number, number][] = [];
    const out = await runJob(
      'selftest.echo',
      { value: { a: 1, s: '汉字' }, steps: 3 },
      { onProgress: (d, t) => ticks.push([d, t]) },
    );
    expect(out).toEqual({ a: 1, s: '汉字' });
    expect(ticks).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it("rethrows the job's PosFailure with its code and detail", async () => {
    const e = await runJob('selftest.echo', { value: null, fail: 'disk full' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PosFailure);
    expect(e).toMatchObject({ code: 'STORAGE_FULL', message: 'disk full', detail: { asked: true } });
  });

  it('cancels a job through its AbortSignal', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(runJob('selftest.echo', { value: 1 }, { signal: ac.signal })).rejects.toThrow(/cancelled/);
  });

  it('finds the bundled worker beside main.cjs in the Electron build', () => {
    expect(workerScript('file:///app/.vite/build/main.cjs')).toEqual({
      file: '/app/.vite/build/pos-worker.cjs',
      execArgv: [],
    });
    expect(workerScript('file:///src/main/workers/run-job.ts').file).toBe('/src/main/jobs/pos-worker.ts');
  });
});
