// Sales by hour in the business time zone: the hour a clock in the shop shows, not UTC plus a fixed offset.
// Half- and quarter-hour zones split their hours at :30 and :15 UTC; across DST the repeated autumn hour adds
// into one hour and the skipped spring hour has none; only the day's window is read, through its index.
import { afterEach, describe, expect, it } from 'vitest';
import { HOURLY_SALES_SQL, hourlyOf } from '../../../main/reports/hourly-figures';
import type { Database } from '../../../main/store/db';
import { fullScans } from '../../support/query-plans';
import { insertCart, migratedTo } from '../../support/migrations';

let db: Database | null = null;
afterEach(() => db?.close());

async function withSales(sales: readonly (readonly [string, number])[]): Promise<Database> {
  const d = await migratedTo(15);
  const ins = d.prepare(
    `INSERT INTO sales (id, receipt_no, cart_id, cart_version, status, training, terminal_id, currency,
       pricing_mode, tax_rounding, gross_minor, line_discount_minor, order_discount_minor, tax_minor,
       total_minor, completed_at)
     VALUES (?, ?, ?, 1, 'completed', 0, 'T1', 'CNY', 'inclusive', 'line', ?, 0, 0, 0, ?, ?)`,
  );
  sales.forEach(([at, total], i) => {
    insertCart(d, `c${i}`, 'completed');
    ins.run(`s${i}`, `R${i}`, `c${i}`, total, total, at);
  });
  return d;
}

const ALL = { from: '2000-01-01T00:00:00.000Z', to: null };

describe('sales by hour', () => {
  it('groups by the hour in China time, an hour from :00.000 to :59.999 local', async () => {
    db = await withSales([
      ['2026-12-05T01:59:59.999Z', 100], // 09:59:59.999 Shanghai
      ['2026-12-05T02:00:00.000Z', 200], // 10:00
      ['2026-12-05T02:30:00.000Z', 300],
      ['2026-12-05T15:59:00.000Z', 50], // 23:59
      ['2026-12-05T16:00:00.000Z', 70], // 00:00 the next calendar day: hour 0
    ]);
    expect(hourlyOf(db, ALL, 'Asia/Shanghai')).toEqual([
      { hour: 0, count: 1, totalMinor: 70 },
      { hour: 9, count: 1, totalMinor: 100 },
      { hour: 10, count: 2, totalMinor: 500 },
      { hour: 23, count: 1, totalMinor: 50 },
    ]);
  });

  it('splits half- and quarter-hour zones at :30 and :15 UTC', async () => {
    db = await withSales([
      ['2026-12-05T03:29:59.000Z', 1], // Kolkata 08:59:59, Kathmandu 09:14:59
      ['2026-12-05T03:30:00.000Z', 2], // Kolkata 09:00, Kathmandu 09:15
      ['2026-12-05T03:14:00.000Z', 4], // Kolkata 08:44, Kathmandu 08:59
    ]);
    expect(hourlyOf(db, ALL, 'Asia/Kolkata')).toEqual([
      { hour: 8, count: 2, totalMinor: 5 },
      { hour: 9, count: 1, totalMinor: 2 },
    ]);
    expect(hourlyOf(db, ALL, 'Asia/Kathmandu')).toEqual([
      { hour: 8, count: 1, totalMinor: 4 },
      { hour: 9, count: 2, totalMinor: 3 },
    ]);
  });

  it('follows DST: the repeated autumn hour is one hour, the skipped spring hour has none', async () => {
    db = await withSales([
      ['2026-11-01T05:30:00.000Z', 10], // New York 01:30 EDT
      ['2026-11-01T06:30:00.000Z', 20], // 01:30 again, EST
      ['2026-11-01T07:00:00.000Z', 40], // 02:00 EST
      ['2026-03-08T06:59:00.000Z', 1], // 01:59 EST
      ['2026-03-08T07:00:00.000Z', 2], // 03:00 EDT (02:00 never happens)
    ]);
    expect(hourlyOf(db, ALL, 'America/New_York')).toEqual([
      { hour: 1, count: 3, totalMinor: 31 },
      { hour: 2, count: 1, totalMinor: 40 },
      { hour: 3, count: 1, totalMinor: 2 },
    ]);
  });

  it('reads only the window: from its opening (inclusive) to the next day opening (exclusive)', async () => {
    db = await withSales([
      ['2026-12-04T23:59:59.999Z', 1],
      ['2026-12-05T00:00:00.000Z', 2],
      ['2026-12-05T12:00:00.000Z', 4],
      ['2026-12-06T00:00:00.000Z', 8],
    ]);
    const window = { from: '2026-12-05T00:00:00.000Z', to: '2026-12-06T00:00:00.000Z' };
    expect(hourlyOf(db, window, 'UTC')).toEqual([
      { hour: 0, count: 1, totalMinor: 2 },
      { hour: 12, count: 1, totalMinor: 4 },
    ]);
    expect(hourlyOf(db, { ...window, to: null }, 'UTC').map((h) => h.count)).toEqual([2, 1]);
  });

  it('is read through sales_completed_at over the window, never a walk of the sales', async () => {
    db = await withSales([]);
    expect(fullScans(db, HOURLY_SALES_SQL)).toEqual([]);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${HOURLY_SALES_SQL}`).all('a', 'b') as { detail: string }[])
      .map((r) => r.detail)
      .join('; ');
    expect(plan).toMatch(
      /SEARCH sales USING INDEX sales_completed_at \(completed_at>\? AND completed_at<\?\)/,
    );
  });
});
