// The receipts screen's searches (main/sale/receipt-search.ts): what each finds, how pages follow each other,
// which day a sale belongs to, and that every query form reads an index instead of walking the history.
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SaleSummaryView } from '../../../main/api/contract';
import { contract } from '../../../main/api/contract';
import {
  createSaleHistory,
  dayStarts,
  fragmentPatterns,
  type HistoryQuery,
} from '../../../main/sale/receipt-search';
import { migratedDatabase, failureOf } from '../store/fixtures';
import { receiptNoOf, seededSaleId, seedSales } from '../../support/history-seed';

const SHANGHAI = { timeZone: 'Asia/Shanghai' };
/** 2026-01-01T00:00Z; sales every 7 minutes: ~205 a day, crossing both UTC and Shanghai midnights */
const START = Date.UTC(2026, 0, 1);
const SPACING = 7 * 60_000;
const COUNT = 600;
const total = (i: number): number => (i % 7 === 0 ? 1250 : 100 + i);
const last4 = (i: number): string | null =>
  i % 5 === 0 ? (i % 4 === 0 ? '4242' : `0${String(i).padStart(3, '0')}`) : null;

let db: Database.Database;

beforeEach(async () => {
  ({ db } = await migratedDatabase());
  seedSales(db, { count: COUNT, startMs: START, spacingMs: SPACING, total, last4 });
});

const atOf = (i: number): string => new Date(START + (i - 1) * SPACING).toISOString();
const nos = (rows: readonly SaleSummaryView[]): string[] => rows.map((r) => r.receiptNo);
/** sale numbers (1..COUNT) for which `keep` holds, newest first: what every form lists */
const expected = (keep: (i: number) => boolean): string[] =>
  Array.from({ length: COUNT }, (_, k) => COUNT - k)
    .filter(keep)
    .map((i) => receiptNoOf('T01', i));

/** Every page of a search, `limit` rows at a time, following the cursors. */
function allPages(history: (q: HistoryQuery) => SaleSummaryView[], q: HistoryQuery, limit: number): string[] {
  const out: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = history({ ...q, limit, ...(after === undefined ? {} : { after }) });
    out.push(...nos(page));
    if (page.length < limit) return out;
    after = page.at(-1)?.cursor;
  }
  throw new Error('paging did not end');
}

describe('receipt number fragment', () => {
  it('finds a fragment in the middle of the number, the full number, and nothing for one no receipt holds', () => {
    const history = createSaleHistory(db, SHANGHAI);
    expect(nos(history({ query: '0012' }))).toEqual(expected((i) => receiptNoOf('T01', i).includes('0012')));
    expect(nos(history({ query: '00345' }))).toEqual(['T01-000345']);
    expect(nos(history({ query: 'T01-000345' }))).toEqual(['T01-000345']);
    expect(nos(history({ query: 't01-000345' }))).toEqual(['T01-000345']); // letters in either case
    expect(history({ query: '000601' })).toEqual([]); // beyond the last receipt
    expect(history({ query: 'X99' })).toEqual([]);
    expect(history({ query: '1-01' })).toEqual([]);
  });

  it('a fragment across the terminal id is looked up by its number part and checked whole', () => {
    const history = createSaleHistory(db, SHANGHAI);
    expect(fragmentPatterns('T01-000345')).toEqual({ index: '%000345%', sale: '%T01-000345%' });
    expect(fragmentPatterns('01-0')).toEqual({ index: '%01-0%', sale: '%' }); // nothing selective after '-'
    expect(fragmentPatterns('0345')).toEqual({ index: '%0345%', sale: '%' });
    expect(fragmentPatterns('45')).toEqual({ index: '%45$$', sale: '%' });
    expect(nos(history({ query: '1-00034' }))).toEqual(expected((i) => i >= 340 && i <= 349));
    expect(history({ query: 'T02-000345' })).toEqual([]); // the number exists, on another terminal: no
    // a terminal id with a '-' in it (receipt numbers 'SHOP-A-000901'..)
    seedSales(db, {
      count: 3,
      startMs: START,
      spacingMs: SPACING,
      total,
      last4,
      terminalId: 'SHOP-A',
      firstSeq: 901,
    });
    expect(nos(history({ query: 'P-A-00090' }))).toEqual(['SHOP-A-000903', 'SHOP-A-000902', 'SHOP-A-000901']);
    expect(nos(history({ query: 'A-000902' }))).toEqual(['SHOP-A-000902']);
    expect(history({ query: 'B-000902' })).toEqual([]);
  });

  it('matches a 1-2 character query at the END of the number (a trigram index finds nothing shorter)', () => {
    const history = createSaleHistory(db, SHANGHAI);
    expect(allPages(history, { query: '7' }, 50)).toEqual(expected((i) => i % 10 === 7));
    expect(allPages(history, { query: '45' }, 50)).toEqual(expected((i) => i % 100 === 45));
  });

  it('pages across a page boundary without repeating or skipping a sale', () => {
    const history = createSaleHistory(db, SHANGHAI);
    const want = expected((i) => receiptNoOf('T01', i).includes('-0001'));
    expect(want.length).toBe(100);
    expect(allPages(history, { query: '-0001' }, 7)).toEqual(want);
  });

  it('ignores what cannot be in a receipt number, and lists newest first in commit order', () => {
    const history = createSaleHistory(db, SHANGHAI);
    expect(nos(history({ query: ' 00%3_45 ' }))).toEqual(['T01-000345']);
    // a sale committed later with an earlier clock (NTP step back) still comes first among the matches
    seedSales(db, {
      count: 1,
      startMs: START - 86_400_000,
      spacingMs: 0,
      total,
      last4,
      firstSeq: 3450,
    });
    expect(nos(history({ query: '345' })).slice(0, 2)).toEqual(['T01-003450', 'T01-000345']);
  });
});

describe('shop days, amounts and card last four', () => {
  it('a day is the shop day in its time zone, not the UTC day', () => {
    // Shanghai is UTC+8: its 2 January runs from 2026-01-01T16:00Z to 2026-01-02T16:00Z.
    const inShanghai = createSaleHistory(db, SHANGHAI);
    const inUtc = createSaleHistory(db, { timeZone: 'UTC' });
    const between = (lo: string, hi: string) => (i: number) => atOf(i) >= lo && atOf(i) < hi;
    const shanghaiDay = expected(between('2026-01-01T16:00:00.000Z', '2026-01-02T16:00:00.000Z'));
    const utcDay = expected(between('2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'));
    expect(shanghaiDay.length).toBeGreaterThan(150);
    expect(allPages(inShanghai, { from: '2026-01-02', to: '2026-01-02' }, 50)).toEqual(shanghaiDay);
    expect(allPages(inUtc, { from: '2026-01-02', to: '2026-01-02' }, 50)).toEqual(utcDay);
    expect(shanghaiDay).not.toEqual(utcDay);
    // a range crossing midnight, and open-ended ranges
    expect(allPages(inShanghai, { from: '2026-01-02', to: '2026-01-03' }, 64)).toEqual(
      expected(between('2026-01-01T16:00:00.000Z', '2026-01-03T16:00:00.000Z')),
    );
    expect(allPages(inShanghai, { to: '2026-01-01' }, 64)).toEqual(
      expected((i) => atOf(i) < '2026-01-01T16:00:00.000Z'),
    );
    expect(allPages(inShanghai, { from: '2026-01-03' }, 64)).toEqual(
      expected((i) => atOf(i) >= '2026-01-02T16:00:00.000Z'),
    );
    expect(inShanghai({ from: '2027-01-01' })).toEqual([]);
  });

  it('day starts follow daylight saving time', () => {
    const berlin = dayStarts('Europe/Berlin');
    expect(berlin.startOf('2026-03-29', 0)).toBe('2026-03-28T23:00:00.000Z'); // a 23-hour day
    expect(berlin.startOf('2026-03-29', 1)).toBe('2026-03-29T22:00:00.000Z');
    expect(berlin.startOf('2026-10-25', 1)).toBe('2026-10-25T23:00:00.000Z'); // a 25-hour day
    expect(dayStarts('America/New_York').startOf('2026-12-31', 1)).toBe('2027-01-01T05:00:00.000Z');
    expect(dayStarts('Asia/Shanghai').startOf('2026-02-28', 1)).toBe('2026-02-28T16:00:00.000Z');
  });

  it('finds an exact amount, alone and within days, page after page', () => {
    const history = createSaleHistory(db, SHANGHAI);
    expect(allPages(history, { amountMinor: 1250 }, 9)).toEqual(expected((i) => total(i) === 1250));
    expect(allPages(history, { amountMinor: 1250, from: '2026-01-02', to: '2026-01-02' }, 5)).toEqual(
      expected(
        (i) =>
          total(i) === 1250 && atOf(i) >= '2026-01-01T16:00:00.000Z' && atOf(i) < '2026-01-02T16:00:00.000Z',
      ),
    );
    expect(nos(history({ amountMinor: 150 }))).toEqual(['T01-000050']);
    expect(history({ amountMinor: 99 })).toEqual([]);
  });

  it('finds the sales a card paid by its last four, with amount and days too', () => {
    const history = createSaleHistory(db, SHANGHAI);
    expect(allPages(history, { last4: '4242' }, 4)).toEqual(expected((i) => last4(i) === '4242'));
    expect(nos(history({ last4: '0015' }))).toEqual(['T01-000015']);
    expect(allPages(history, { last4: '4242', amountMinor: 1250 }, 2)).toEqual(
      expected((i) => last4(i) === '4242' && total(i) === 1250),
    );
    expect(allPages(history, { last4: '4242', from: '2026-01-03' }, 3)).toEqual(
      expected((i) => last4(i) === '4242' && atOf(i) >= '2026-01-02T16:00:00.000Z'),
    );
    expect(history({ last4: '9999' })).toEqual([]);
  });

  it('with no filter lists every sale newest first, page by page', () => {
    const history = createSaleHistory(db, SHANGHAI);
    expect(allPages(history, {}, 100)).toEqual(expected(() => true));
    const first = history({ limit: 1 })[0];
    expect(first).toMatchObject({
      saleId: seededSaleId(COUNT),
      receiptNo: receiptNoOf('T01', COUNT),
      completedAt: atOf(COUNT),
      totalMinor: total(COUNT),
      lineCount: 1,
      training: false,
    });
  });
});

describe('bad input', () => {
  it('refuses a cursor from another kind of search, and a fragment with another filter', async () => {
    const history = createSaleHistory(db, SHANGHAI);
    const timeCursor = history({ limit: 1 })[0]?.cursor ?? '';
    const fragmentCursor = history({ query: '000', limit: 1 })[0]?.cursor ?? '';
    expect((await failureOf(() => history({ query: '000', after: timeCursor }))).code).toBe(
      'INVALID_PAYLOAD',
    );
    expect((await failureOf(() => history({ after: fragmentCursor }))).code).toBe('INVALID_PAYLOAD');
    expect((await failureOf(() => history({ after: 'nonsense' }))).code).toBe('INVALID_PAYLOAD');
    const mixed = await failureOf(() => history({ query: '000', amountMinor: 5 }));
    expect(mixed.code).toBe('INVALID_PAYLOAD');
    expect(mixed.message).toMatch(/no other filter/);
  });

  it('the contract refuses impossible days, reversed ranges, a fragment with filters and a bad last four', () => {
    const schema = contract['sale.history'];
    expect(
      schema.safeParse({ from: '2026-01-02', to: '2026-01-03', amountMinor: 5, last4: '0042' }).success,
    ).toBe(true);
    for (const bad of [
      { from: '2026-02-30' },
      { to: '2026-1-3' },
      { from: '2026-01-03', to: '2026-01-02' },
      { query: '123', from: '2026-01-02' },
      { query: '123', last4: '4242' },
      { last4: '42a2' },
      { last4: '42424' },
      { amountMinor: 1.5 },
      { amountMinor: -1 },
      { day: '2026-01-02' },
    ]) {
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('every search reads an index', () => {
  /** The statements a history call ran, with their arguments, caught at prepare/all. */
  function recording(): { history: (q: HistoryQuery) => SaleSummaryView[]; ran: [string, unknown[]][] } {
    const ran: [string, unknown[]][] = [];
    const spy = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'prepare') return Reflect.get(target, prop, receiver) as unknown;
        return (sql: string) => {
          const st = target.prepare(sql);
          return new Proxy(st, {
            get(s, p, r) {
              if (p !== 'all') return Reflect.get(s, p, r) as unknown;
              return (...args: unknown[]) => {
                ran.push([sql, args]);
                return s.all(...args);
              };
            },
          });
        };
      },
    });
    return { history: createSaleHistory(spy, SHANGHAI), ran };
  }

  const HISTORY_TABLES =
    /^(SCAN|SEARCH) (s|a|l|f|sales|tenders|payment_attempts|sale_lines|receipt_search)\b/;

  /** The plan's steps that walk a history table, or that touch none (then the regex is out of date). */
  function walks(sql: string, args: unknown[]): string[] {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map(
      (r) => r.detail,
    );
    const steps = plan.filter((d) => HISTORY_TABLES.test(d));
    if (steps.length === 0) return [`no history table in: ${plan.join('; ')}`];
    // The FTS table is "scanned" as a virtual table: with a LIKE constraint (idxStr L) it reads its index.
    return steps.filter((d) =>
      d.startsWith('SCAN f VIRTUAL TABLE') ? !/INDEX \d+:\S*L/.test(d) : !d.startsWith('SEARCH '),
    );
  }

  it('the check catches the search this replaced (LIKE over every receipt number)', () => {
    const old = `SELECT s.id FROM sales s WHERE s.receipt_no LIKE '%' || ? || '%'
      ORDER BY s.completed_at DESC, s.receipt_no DESC LIMIT 50`;
    expect(walks(old, ['0012'])).toEqual([expect.stringMatching(/^SCAN s/)]);
    expect(walks(`SELECT rowid FROM receipt_search f WHERE f.doc = ?`, ['x'])).toHaveLength(1);
  });

  it.each<[string, HistoryQuery, RegExp]>([
    ['no filter', {}, /sales_completed_at/],
    ['days', { from: '2026-01-02', to: '2026-01-03' }, /sales_completed_at/],
    ['amount', { amountMinor: 1250 }, /sales_total/],
    ['amount and days', { amountMinor: 1250, from: '2026-01-02' }, /sales_total/],
    ['last four', { last4: '4242' }, /payment_attempts_last4/],
    [
      'last four, amount and days',
      { last4: '4242', amountMinor: 1250, to: '2026-01-02' },
      /payment_attempts_last4/,
    ],
    ['fragment', { query: '0012' }, /sqlite_autoindex_sales/],
    ['short fragment', { query: '7' }, /sqlite_autoindex_sales/],
    ['full number', { query: 'T01-000345' }, /sqlite_autoindex_sales/],
  ])('%s: no scan of a history table, on the first page and the next', (_name, q, index) => {
    const { history, ran } = recording();
    const first = history({ ...q, limit: 2 });
    expect(first.length).toBeGreaterThan(0);
    history({ ...q, limit: 2, after: first.at(-1)?.cursor });
    expect(ran).toHaveLength(2);
    for (const [sql, args] of ran) {
      expect(walks(sql, args)).toEqual([]);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
      expect(plan.map((r) => r.detail).join('\n')).toMatch(index);
    }
  });
});
