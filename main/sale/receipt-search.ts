// The receipts screen's history query: newest sales first, one page at a time, found by receipt number
// fragment, shop day (or range of days), amount and card last four. Every form reads an index (migration 009,
// docs/decisions/0015-receipts-search.md), never every sale: a shop's history reaches 1,000,000 sales and this
// runs on each keystroke after the debounce. test/main/sale/receipt-search.test.ts checks each form's plan.
import type { Database } from '../store/db';
import type { SaleSummaryView } from '../api/contract';
import { PosFailure } from '../api/result';

export interface HistoryQuery {
  /**
   * Part of the receipt number; only digits, letters and '-' count. 3+ characters: anywhere in the number;
   * 1-2 characters: at its end (a trigram index cannot find shorter fragments anywhere).
   */
  readonly query?: string | undefined;
  /** first shop day, 'YYYY-MM-DD', inclusive */
  readonly from?: string | undefined;
  /** last shop day, 'YYYY-MM-DD', inclusive */
  readonly to?: string | undefined;
  readonly amountMinor?: number | undefined;
  /** card last four digits */
  readonly last4?: string | undefined;
  readonly after?: string | undefined;
  readonly limit?: number | undefined;
}

export interface HistoryOptions {
  /** IANA zone whose calendar days `from`/`to` name: the shop's, the one its receipts print dates in */
  readonly timeZone: string;
}

interface SummaryRow {
  id: string;
  receipt_no: string;
  completed_at: string;
  currency: string;
  total_minor: number;
  training: number;
  line_count: number;
  /** the FTS rowid: the fragment form's order and cursor */
  pos?: number;
}

/** Receipt numbers are stored in the index followed by this mark, so a short query can match their end. */
export const END_MARK = '$$';
const SHORTEST_ANYWHERE = 3;
const FRAGMENT_CURSOR = '#';
const TIME_CURSOR_SEP = '|';
/** Above every ISO instant: the upper bound of a page with no cursor and no last day. */
const AFTER_ALL = '~';
const DEFAULT_LIMIT = 50;

/** The fragment as matched: only digits, letters and '-' (what receipt numbers are made of). */
export function cleanFragment(query: string | undefined): string {
  return (query ?? '').replace(/[^0-9A-Za-z-]/g, '');
}

/**
 * The LIKE patterns of a fragment search: `index` over the indexed text (anywhere for 3+ characters, at the
 * end for 1-2), `sale` over the receipt number of each sale the index found.
 * A receipt number is `<terminal id>-<sequence>`: the terminal id's trigrams are in nearly every receipt, so a
 * fragment that reaches past a '-' (a full number, "01-0001") is looked up in the index by what follows its
 * last '-' when that is 3+ characters (the selective part), and checked whole against each sale found.
 */
export function fragmentPatterns(fragment: string): { index: string; sale: string } {
  if (fragment.length < SHORTEST_ANYWHERE) return { index: `%${fragment}${END_MARK}`, sale: '%' };
  const tail = fragment.slice(fragment.lastIndexOf('-') + 1);
  return tail.length >= SHORTEST_ANYWHERE && tail !== fragment
    ? { index: `%${tail}%`, sale: `%${fragment}%` }
    : { index: `%${fragment}%`, sale: '%' };
}

export function createSaleHistory(
  db: Database,
  opts: HistoryOptions,
): (q: HistoryQuery) => SaleSummaryView[] {
  const cols = `s.id, s.receipt_no, s.completed_at, s.currency, s.total_minor, s.training,
    (SELECT count(*) FROM sale_lines l WHERE l.sale_id = s.id) AS line_count`;
  // Each bound as (completed_at, id) row values: the sales_completed_at and sales_total indexes end in the
  // primary key, so a page is a range read in index order, and a cursor row never repeats or is skipped.
  const window = `s.completed_at >= ? AND (s.completed_at, s.id) < (?, ?)`;
  const order = `ORDER BY s.completed_at DESC, s.id DESC LIMIT ?`;
  const byTime = db.prepare<[string, string, string, number], SummaryRow>(
    `SELECT ${cols} FROM sales s WHERE ${window} ${order}`,
  );
  const byAmount = db.prepare<[number, string, string, string, number], SummaryRow>(
    `SELECT ${cols} FROM sales s INDEXED BY sales_total WHERE s.total_minor = ? AND ${window} ${order}`,
  );
  // The card's attempts first (few per last four), then their sales by primary key: CROSS JOIN keeps that
  // order, so the planner never walks sales by time probing for a card. DISTINCT: a sale split over two
  // payments with the same card is listed once. The sort is over that card's sales only.
  const byLast4 = db.prepare<[string, number, number, string, string, string, number], SummaryRow>(
    `SELECT DISTINCT ${cols} FROM payment_attempts a CROSS JOIN sales s ON s.id = a.sale_id
     WHERE a.last4 = ? AND a.sale_id IS NOT NULL AND (? < 0 OR s.total_minor = ?) AND ${window} ${order}`,
  );
  // FTS5 narrows by trigrams, then checks LIKE against the stored text; rowids come newest first, so a page
  // stops after `limit` matches however many sales match. The sale is found through receipt_no's UNIQUE index.
  const byFragment = db.prepare<[string, number, string, number], SummaryRow>(
    `SELECT ${cols}, f.rowid AS pos FROM receipt_search f
     CROSS JOIN sales s ON s.receipt_no = substr(f.doc, 1, length(f.doc) - ${END_MARK.length})
     WHERE f.doc LIKE ? AND f.rowid < ? AND s.receipt_no LIKE ? ORDER BY f.rowid DESC LIMIT ?`,
  );

  const days = dayStarts(opts.timeZone);

  return (q) => {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const fragment = cleanFragment(q.query);
    if (fragment !== '') {
      if (
        q.from !== undefined ||
        q.to !== undefined ||
        q.amountMinor !== undefined ||
        q.last4 !== undefined
      ) {
        throw new PosFailure('INVALID_PAYLOAD', 'A receipt number search takes no other filter', {
          query: q.query,
        });
      }
      const after =
        q.after === undefined || q.after === '' ? Number.MAX_SAFE_INTEGER : fragmentCursor(q.after);
      const p = fragmentPatterns(fragment);
      return byFragment.all(p.index, after, p.sale, limit).map((r) => summary(r, `#${r.pos}`));
    }
    const lo = q.from === undefined ? '' : days.startOf(q.from, 0);
    let hi: [string, string] = [q.to === undefined ? AFTER_ALL : days.startOf(q.to, 1), ''];
    if (q.after !== undefined && q.after !== '') {
      const c = timeCursor(q.after);
      if (c[0] < hi[0] || (c[0] === hi[0] && c[1] < hi[1])) hi = c;
    }
    const rows =
      q.last4 !== undefined
        ? byLast4.all(q.last4, q.amountMinor ?? -1, q.amountMinor ?? -1, lo, hi[0], hi[1], limit)
        : q.amountMinor !== undefined
          ? byAmount.all(q.amountMinor, lo, hi[0], hi[1], limit)
          : byTime.all(lo, hi[0], hi[1], limit);
    return rows.map((r) => summary(r, `${r.completed_at}${TIME_CURSOR_SEP}${r.id}`));
  };
}

function summary(r: SummaryRow, cursor: string): SaleSummaryView {
  return {
    saleId: r.id,
    receiptNo: r.receipt_no,
    completedAt: r.completed_at,
    currency: r.currency,
    totalMinor: r.total_minor,
    lineCount: r.line_count,
    training: r.training === 1,
    cursor,
  };
}

function malformed(after: string): PosFailure {
  return new PosFailure('INVALID_PAYLOAD', 'Malformed history cursor (from another kind of search?)', {
    after,
  });
}

function fragmentCursor(after: string): number {
  const n = after.startsWith(FRAGMENT_CURSOR) ? Number(after.slice(1)) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw malformed(after);
  return n;
}

function timeCursor(after: string): [string, string] {
  const i = after.indexOf(TIME_CURSOR_SEP);
  if (i <= 0 || i === after.length - 1) throw malformed(after);
  return [after.slice(0, i), after.slice(i + 1)];
}

/**
 * The UTC instant (ISO, as completed_at is stored) at which a shop day starts in `timeZone`, or the day
 * `plusDays` later: a day is the shop's calendar day, not UTC's (in Shanghai a sale at 07:30 UTC on the 3rd
 * and one at 17:00 UTC on the 3rd fall on different days). Daylight saving changes are followed: the offset
 * is taken at the day's start itself, not at noon or at the query's time.
 */
export function dayStarts(timeZone: string): { startOf(day: string, plusDays: number): string } {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  /** the zone's wall clock at `t`, read as if it were UTC, minus `t` */
  const offsetAt = (t: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(new Date(t))) p[part.type] = Number(part.value);
    const wall = Date.UTC(
      p.year ?? 0,
      (p.month ?? 1) - 1,
      p.day ?? 1,
      p.hour ?? 0,
      p.minute ?? 0,
      p.second ?? 0,
    );
    return wall - (t - (t % 1000));
  };
  return {
    startOf(day, plusDays) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
      if (!m) throw new PosFailure('INVALID_PAYLOAD', `Not a day (YYYY-MM-DD): ${day}`, { day });
      const midnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays);
      // Twice: the first guess uses the offset at UTC midnight, which may differ from the local midnight's.
      let t = midnight - offsetAt(midnight);
      t = midnight - offsetAt(t);
      return new Date(t).toISOString();
    },
  };
}
