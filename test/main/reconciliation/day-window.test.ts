// A settlement date as the instants it covers in the business zone: China time's day begins at 16:00 UTC the
// day before; a DST day in London is 23 or 25 hours long; a date that does not exist is refused, not rolled over.
import { describe, expect, it } from 'vitest';
import { dateIn, dayWindow } from '../../../main/reconciliation/day-window';

describe('dayWindow', () => {
  it('is the calendar day in China time', () => {
    expect(dayWindow('2026-12-05', 'Asia/Shanghai')).toEqual({
      start: '2026-12-04T16:00:00.000Z',
      end: '2026-12-05T16:00:00.000Z',
    });
  });

  it('follows daylight saving: London’s spring day is 23 hours, its autumn day 25', () => {
    expect(dayWindow('2026-03-29', 'Europe/London')).toEqual({
      start: '2026-03-29T00:00:00.000Z',
      end: '2026-03-29T23:00:00.000Z',
    });
    expect(dayWindow('2026-10-25', 'Europe/London')).toEqual({
      start: '2026-10-24T23:00:00.000Z',
      end: '2026-10-26T00:00:00.000Z',
    });
  });

  it('refuses what is not a date', () => {
    for (const day of ['2025-02-30', '2026-13-01', '2026-1-05', 'yesterday']) {
      expect(() => dayWindow(day, 'Asia/Shanghai'), day).toThrow(RangeError);
    }
  });

  it('dates an instant by the zone, so both ends of a window agree', () => {
    const w = dayWindow('2026-12-05', 'Asia/Shanghai');
    expect(dateIn(w.start, 'Asia/Shanghai')).toBe('2026-12-05');
    expect(dateIn(new Date(Date.parse(w.end) - 1).toISOString(), 'Asia/Shanghai')).toBe('2026-12-05');
    expect(dateIn(w.end, 'Asia/Shanghai')).toBe('2026-12-06');
  });
});
