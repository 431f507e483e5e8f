// The business date an end-to-end scenario runs on, with room to finish on it: a suite that makes a day's
// payments over several minutes and then reconciles "the day" would split it if the business zone's midnight
// fell in between (16:00 UTC for China time). Nothing is skipped: near midnight the suite waits it out.
import { dateIn } from '../../main/reconciliation/day-window';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * The date in `timeZone` once at least `roomMs` of it are left: when its midnight is nearer than that, waits
 * until the midnight has passed (so at most `roomMs`) and answers the new date.
 */
export async function dateWithRoom(
  timeZone: string,
  roomMs: number,
  clock: Clock = realClock,
): Promise<string> {
  const dateAt = (ms: number): string => dateIn(new Date(ms).toISOString(), timeZone);
  const after = dateAt(clock.now() + roomMs);
  while (dateAt(clock.now()) !== after) await clock.sleep(1_000);
  return after;
}
