// Hours and minutes between two instants, for the status bar's "oldest 3h ago, send within 5h 20m".
// Pure, so the rounding rules are tested without a clock.

export interface HoursMinutes {
  readonly h: number;
  readonly m: number;
}

const MINUTE = 60_000;

/** Whole hours and minutes in `ms`, rounded down (a deadline is never shown later than it is); >= 0. */
export function hoursMinutes(ms: number): HoursMinutes {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}

/** Milliseconds from `now` to an ISO instant (negative when past), or null for null / an unreadable one. */
export function msUntil(iso: string | null, now: number): number | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : at - now;
}
