// An X report's figures equal the truth computed straight from the day's sales, lines, tenders and refunds
// (a generated store: cash, card per brand, QR per wallet, several tax rates, two cashiers, cash refunds), and
// every statement behind them is indexed: no full walk of a history table or of day_totals.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeStore } from '../../../bench/support/large-store';
import { computeReport, DAY_OPENED_SQL, type ReportHeader } from '../../../main/reports/compute-report';
import { HOURLY_SALES_SQL } from '../../../main/reports/hourly-figures';
import { RECONCILED_DAYS_SQL, Z_JOURNAL_SEQ_SQL } from '../../../main/reports/reconciled-days';
import type { ReportView } from '../../../main/api/contract/reports';
import { DAY_TOTALS_SQL } from '../../../main/reports/day-figures';
import { OFFLINE_EXPOSURE_SQL } from '../../../main/reports/offline-exposure';
import { SHIFTS_OF_DAY_SQL } from '../../../main/reports/shift-figures';
import { fullScans } from '../../support/query-plans';

let dir = '';
let db: Database.Database;
let report: ReportView;
let day = 0;
const HEADER: ReportHeader = {
  ...{ kind: 'x', zNo: null, terminalId: 'T01', storeName: 'S', currency: 'CNY', training: false },
  ...{ takenAt: '2026-12-06T10:00:00.000Z', takenBy: null, timeZone: 'Asia/Shanghai' },
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-report-'));
  await generateLargeStore({ dataDir: dir, sales: 1200, salesPerDay: 1200, salesPerTransaction: 300 });
  db = new Database(path.join(dir, 'pos.sqlite'), { readonly: true });
  // The day with the most sales (the generator may close each day with a Z): its sales are those taken in
  // its shifts, the truth below.
  day = db
    .prepare(
      `SELECT day_no FROM day_totals WHERE metric = 'sales' GROUP BY day_no ORDER BY sum(n) DESC LIMIT 1`,
    )
    .pluck()
    .get() as number;
  db.exec(`CREATE TEMP VIEW day_sales AS SELECT s.* FROM sales s JOIN shifts h ON h.id = s.shift_id
    WHERE h.day_no = ${day}`);
  db.exec(`CREATE TEMP VIEW day_refunds AS SELECT r.* FROM refunds r JOIN shifts h ON h.id = r.shift_id
    WHERE h.day_no = ${day}`);
  report = computeReport(db, HEADER, day).report;
}, 240_000);
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Row = Record<string, number | string | null>;
const one = (sql: string): Row => db.prepare(sql).get() as Row;
const all = (sql: string): Row[] => db.prepare(sql).all() as Row[];

describe('the X report of the open day', () => {
  it('sums the sales as the sales rows say', () => {
    const t = one(`SELECT count(*) AS count, sum(gross_minor) AS gross, sum(total_minor) AS total,
        sum(line_discount_minor + order_discount_minor) AS discount, sum(tax_minor) AS tax FROM day_sales`);
    expect(t['count']).toBeGreaterThan(500);
    expect(report.sales).toMatchObject({
      count: t['count'],
      grossMinor: t['gross'],
      discountMinor: t['discount'],
      totalMinor: t['total'],
      taxMinor: t['tax'],
    });
    const items = one(
      `SELECT sum(CASE WHEN unit = 'each' THEN qty_milli ELSE 1000 END) / 1000 AS n FROM sale_lines
        WHERE sale_id IN (SELECT id FROM day_sales)`,
    );
    expect(report.sales.items).toBe(items['n']);
  });

  it('takes the refunds off the sales: returns and net sales', () => {
    const r =
      one(`SELECT count(*) AS n, total(amount_minor) AS amount, total(tax_minor) AS tax FROM day_refunds
      WHERE state = 'completed'`);
    expect(report.returns).toEqual({ count: r['n'], amountMinor: r['amount'], taxMinor: r['tax'] });
    expect(report.netSalesMinor).toBe(report.sales.totalMinor - report.returns.amountMinor);
  });

  it('splits the taxes per rate', () => {
    const truth =
      all(`SELECT tax_rate_bp AS rateBp, sum(net_minor) AS taxableMinor, sum(tax_minor) AS taxMinor
      FROM sale_lines WHERE sale_id IN (SELECT id FROM day_sales) GROUP BY 1 ORDER BY 1`);
    expect(truth.length).toBeGreaterThanOrEqual(2);
    expect(report.taxes).toEqual(truth);
  });

  it('splits the tenders: cash, card per brand, QR per wallet', () => {
    const truth =
      all(`SELECT t.kind, CASE WHEN t.kind = 'cash' THEN NULL ELSE coalesce(a.brand, a.qr_scheme) END AS brand,
        count(*) AS count, sum(t.amount_minor) AS amountMinor, sum(t.change_minor) AS changeMinor
      FROM tenders t LEFT JOIN payment_attempts a ON a.id = t.attempt_id
      WHERE t.sale_id IN (SELECT id FROM day_sales) GROUP BY 1, 2`);
    expect(new Set(truth.map((r) => r['kind']))).toEqual(new Set(['cash', 'card', 'qr']));
    const got = report.tenders.map(({ refundedMinor: _r, ...t }) => t);
    const key = (r: Row | (typeof got)[number]): string =>
      `${String(r['kind' as never])}:${String(r['brand' as never])}`;
    expect([...got].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      truth.sort((a, b) => key(a).localeCompare(key(b))),
    );
    const cashBack = one(
      `SELECT total(amount_minor) AS m FROM day_refunds WHERE state = 'completed' AND tender_kind = 'cash'`,
    );
    expect(report.tenders.find((t) => t.kind === 'cash')?.refundedMinor).toBe(cashBack['m']);
  });

  it('splits the sales per cashier, named from the operators on file', () => {
    const truth =
      all(`SELECT s.operator_id AS operatorId, o.code, o.name, count(*) AS count, sum(s.total_minor) AS total
      FROM day_sales s LEFT JOIN operators o ON o.id = s.operator_id GROUP BY 1 ORDER BY 1`);
    expect(truth.length).toBeGreaterThanOrEqual(2);
    expect(
      report.cashiers
        .filter((c) => c.sales.count > 0)
        .map((c) => ({
          ...{ operatorId: c.operatorId, code: c.code, name: c.name },
          count: c.sales.count,
          total: c.sales.totalMinor,
        })),
    ).toEqual(truth);
  });

  it('splits the sales by hour in the business time zone (each sale placed by its own clock time)', () => {
    const hourOf = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Shanghai',
      hourCycle: 'h23',
      hour: 'numeric',
    });
    const truth = new Map<number, { hour: number; count: number; totalMinor: number }>();
    for (const s of all('SELECT completed_at AS at, total_minor AS total FROM day_sales')) {
      const hour = Number(hourOf.format(new Date(String(s['at']))));
      const h = truth.get(hour) ?? { hour, count: 0, totalMinor: 0 };
      truth.set(hour, { hour, count: h.count + 1, totalMinor: h.totalMinor + Number(s['total']) });
    }
    expect(truth.size).toBeGreaterThan(1);
    expect(report.hourly).toEqual([...truth.values()].sort((a, b) => a.hour - b.hour));
  });

  it('changes nothing', () => {
    const before = one('SELECT total_changes() AS n');
    computeReport(db, HEADER);
    computeReport(db, HEADER, day);
    expect(one('SELECT total_changes() AS n')).toEqual(before);
  });

  it('reads every table through an index (no full walk of a history table or of day_totals)', () => {
    const statements = [
      DAY_TOTALS_SQL,
      SHIFTS_OF_DAY_SQL,
      OFFLINE_EXPOSURE_SQL,
      HOURLY_SALES_SQL,
      DAY_OPENED_SQL,
      Z_JOURNAL_SEQ_SQL,
      RECONCILED_DAYS_SQL,
      'SELECT kind, sum(amount_minor) AS total FROM cash_movements WHERE shift_id = ? GROUP BY kind',
    ];
    for (const sql of statements) expect(fullScans(db, sql), sql).toEqual([]);
    const plan = (sql: string, ...args: unknown[]): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args.length > 0 ? args : [1])) as { detail: string }[])
        .map((r) => r.detail)
        .join('; ');
    expect(plan(DAY_TOTALS_SQL)).toMatch(/SEARCH day_totals USING PRIMARY KEY \(day_no=\?\)/);
    expect(plan(SHIFTS_OF_DAY_SQL)).toMatch(/SEARCH shifts USING INDEX shifts_day/);
    expect(plan(HOURLY_SALES_SQL, 'a', 'b')).toMatch(
      /SEARCH sales USING INDEX sales_completed_at \(completed_at>\? AND/,
    );
    expect(plan(RECONCILED_DAYS_SQL, 1, 2)).toMatch(
      /SEARCH journal USING INTEGER PRIMARY KEY \(rowid>\? AND/,
    );
  });
});
