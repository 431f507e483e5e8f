// The settlement dates a report's day covers: every calendar date, in the shop's business time zone (the
// caller's: store.timeZone, recon-days.ts), from the day's opening to the report's moment (a gateway and a
// wallet date their settlements that way). Usually one or two; a day left open for weeks is cut to its latest.

/** At most this many dates, the latest ones. */
export const MAX_DATES = 14;

const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) of an instant in `timeZone` (en-CA writes dates that way). */
export function dateIn(iso: string, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(new Date(iso));
}

export function settlementDates(openedAt: string, takenAt: string, timeZone: string): string[] {
  const first = Date.parse(`${dateIn(openedAt, timeZone)}T00:00:00Z`);
  const last = Date.parse(`${dateIn(takenAt, timeZone)}T00:00:00Z`);
  const out: string[] = [];
  // Whole calendar days between two UTC midnights: no time zone arithmetic left.
  for (let d = Math.max(first, last - (MAX_DATES - 1) * DAY_MS); d <= last; d += DAY_MS) {
    out.push(new Date(d).toISOString().slice(0, 10));
  }
  return out;
}
