// Sales by hour of the business day, in the shop's business time zone. The day's sales are read through
// `sales_completed_at` over the day's instants only, summed per quarter hour of UTC in SQL (at most ~100
// groups a day), and each quarter is put in the hour its first instant shows on a clock in the zone: every
// zone's offset is a whole number of quarter hours, so a quarter never straddles a local hour (half- and
// quarter-hour zones included), and Intl knows the zone's DST rules (the repeated autumn hour adds to the
// same hour; the skipped spring hour has none).
import type { HourFigures } from '../api/contract/reports';
import type { Database } from '../store/db';

/** The day's instants: from when it opened to when the next one did (null: still open). */
export interface SalesWindow {
  readonly from: string;
  readonly to: string | null;
}

/** `completed_at` is an ISO-8601 UTC string (Date#toISOString), so its text orders as time does. */
export const HOURLY_SALES_SQL = `SELECT substr(completed_at, 1, 13) AS utcHour,
    CAST(substr(completed_at, 15, 2) AS INTEGER) / 15 AS quarter, count(*) AS count, sum(total_minor) AS total
  FROM sales WHERE completed_at >= ? AND completed_at < ? GROUP BY utcHour, quarter`;

/** Past any ISO instant: the open day's upper bound. */
const OPEN_END = '9999-12-31T23:59:59.999Z';

const hourFormats = new Map<string, Intl.DateTimeFormat>();
function localHour(utcMs: number, timeZone: string): number {
  let f = hourFormats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric' });
    hourFormats.set(timeZone, f);
  }
  return Number(f.format(new Date(utcMs)));
}

export function hourlyOf(db: Database, window: SalesWindow, timeZone: string): HourFigures[] {
  const quarters = db
    .prepare<[string, string], { utcHour: string; quarter: number; count: number; total: number }>(
      HOURLY_SALES_SQL,
    )
    .all(window.from, window.to ?? OPEN_END);
  const hours = new Map<number, { count: number; totalMinor: number }>();
  for (const q of quarters) {
    const hour = localHour(Date.parse(`${q.utcHour}:00:00.000Z`) + q.quarter * 900_000, timeZone);
    const had = hours.get(hour) ?? { count: 0, totalMinor: 0 };
    hours.set(hour, { count: had.count + q.count, totalMinor: had.totalMinor + q.total });
  }
  return [...hours].map(([hour, h]) => ({ hour, ...h })).sort((a, b) => a.hour - b.hour);
}
