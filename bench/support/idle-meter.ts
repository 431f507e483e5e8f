// "The main process is idle again": the first moment, once the work a sale queued is done (`ready()`), from
// which the main thread's event loop stays quiet for `quietMs` (busy for at most `maxBusyMs` of it, which
// covers this meter's own sampling). Busy time is read from perf_hooks' event-loop utilization (time the loop
// spent outside its poll wait), sampled every `sampleMs`; so the answer is exact to one sample.
import { performance } from 'node:perf_hooks';

export interface IdleOptions {
  /** true once the work being waited for is done (e.g. the receipt printed and the upload sent) */
  readonly ready: () => boolean;
  readonly quietMs?: number;
  readonly maxBusyMs?: number;
  readonly sampleMs?: number;
  /** how often ready() is asked, in samples (it may read the database: kept rare) */
  readonly readyEvery?: number;
  readonly timeoutMs?: number;
}

/** Resolves with the performance.now() time the main thread became idle (see above). */
export function whenIdle(o: IdleOptions): Promise<number> {
  const quietMs = o.quietMs ?? 50;
  const maxBusyMs = o.maxBusyMs ?? 2;
  const sampleMs = o.sampleMs ?? 2;
  const readyEvery = o.readyEvery ?? 5;
  const timeoutMs = o.timeoutMs ?? 60_000;
  const start = performance.now();
  const t: number[] = [];
  const busy: number[] = [];
  let readyFrom = -1; // index of the first sample taken once ready() said true
  let i = -1; // the candidate start of a quiet window
  let n = 0;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      const now = performance.now();
      t.push(now);
      busy.push(performance.eventLoopUtilization().active);
      if (readyFrom < 0 && n++ % readyEvery === 0 && o.ready()) {
        readyFrom = t.length - 1;
        i = readyFrom;
      }
      if (readyFrom >= 0) {
        // Slide the window start until a window of quietMs after it was quiet, or we run out of samples.
        for (;;) {
          const from = t[i] as number;
          let j = i;
          while (j < t.length && (t[j] as number) - from < quietMs) j++;
          if (j >= t.length) break; // this window is not over yet
          if ((busy[j] as number) - (busy[i] as number) <= maxBusyMs) {
            resolve(from);
            return;
          }
          i++;
        }
      }
      if (now - start > timeoutMs) {
        reject(new Error(`the main thread was not idle within ${timeoutMs} ms (ready: ${readyFrom >= 0})`));
        return;
      }
      setTimeout(tick, sampleMs);
    };
    tick();
  });
}
