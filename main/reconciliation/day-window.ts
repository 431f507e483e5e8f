// A settlement's business date as an instant window: the gateway (and a wallet) dates a payment by the
// calendar day in its business time zone, so the till's side of a date is that same calendar day there.
export interface DayWindow {
  /** inclusive, ISO-8601 UTC */
  readonly start: string;
  /** exclusive */
  readonly end: string;
}

/** How far `timeZone` is ahead of UTC at `utcMs`, in ms. */
function offsetAt(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

function midnight(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d);
  // Twice: the offset at the guess may differ from the offset at the answer across a DST change.
  const first = naive - offsetAt(naive, timeZone);
  return naive - offsetAt(first, timeZone);
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
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    start: new Date(midnight(day, timeZone)).toISOString(),
    end: new Date(midnight(next, timeZone)).toISOString(),
  };
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
