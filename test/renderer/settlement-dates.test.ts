// The settlement dates a report's day covers, by the business time zone (China time): the charts read the
// reconciliation of each.
import { describe, expect, it } from 'vitest';
import {
  MAX_DATES,
  dateIn,
  settlementDates,
} from '../../renderer/src/components/reports/charts/settlement-dates';

const CHINA = 'Asia/Shanghai';

describe('settlement dates of a report', () => {
  it('a day opened and reported on the same China date is one date', () => {
    // 08:30 and 22:05 China time on 25 November
    expect(settlementDates('2026-11-25T00:30:00.000Z', '2026-11-25T14:05:00.000Z', CHINA)).toEqual([
      '2026-11-25',
    ]);
  });

  it('the date is China’s, not UTC’s: 23:30 UTC is already the next day there', () => {
    expect(dateIn('2026-11-24T16:30:00.000Z', CHINA)).toBe('2026-11-25');
    expect(settlementDates('2026-11-24T16:30:00.000Z', '2026-11-24T23:00:00.000Z', CHINA)).toEqual([
      '2026-11-25',
    ]);
  });

  it('a day open past midnight covers both dates, across a month and a year', () => {
    // 21:00 on 31 December to 02:00 on 1 January, China time
    expect(settlementDates('2026-12-31T13:00:00.000Z', '2026-12-31T18:00:00.000Z', CHINA)).toEqual([
      '2026-12-31',
      '2027-01-01',
    ]);
  });

  it('another zone gives other dates', () => {
    expect(
      settlementDates('2026-11-25T00:30:00.000Z', '2026-11-25T14:05:00.000Z', 'America/New_York'),
    ).toEqual(['2026-11-24', '2026-11-25']);
  });

  it('a day left open for weeks is cut to its latest dates', () => {
    const dates = settlementDates('2026-10-01T02:00:00.000Z', '2026-11-25T02:00:00.000Z', CHINA);
    expect(dates).toHaveLength(MAX_DATES);
    expect(dates.at(-1)).toBe('2026-11-25');
    expect(dates[0]).toBe('2026-11-12');
  });
});
