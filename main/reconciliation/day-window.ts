// A settlement's business date as an instant window: the gateway (and a wallet) dates a payment by the
// calendar day in its business time zone, so the till's side of a date is that same calendar day there.
import { dayStarts } from '../sale/receipt-search';

export interface DayWindow {
  /** inclusive, ISO-8601 UTC */
  readonly start: string;
  /** exclusive */
  readonly end: string;
}

export function dayWindow(day: string, timeZone: string): DayWindow {
  // Date.parse rolls 2025-02-30 over to March: only a date that reads back the same is one.
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    Number.isNaN(ms) ||
    new Date(ms).toISOString().slice(0, 10) !== day
  ) {
    throw new RangeError(`not a date: ${day}`);
  }
  // The till's own day arithmetic (receipt search's days): midnight in the zone, across DST changes too.
  const starts = dayStarts(timeZone);
  return { start: starts.startOf(day, 0), end: starts.startOf(day, 1) };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function dateIn(iso: string, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, f);
  }
  return f.format(new Date(iso));
}
