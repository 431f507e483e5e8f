// The expected-cash queries: bounded by the shift's window (both ends included) and planned through indexes
// only (EXPLAIN QUERY PLAN on a real store), so a close costs the shift's sales, never the store's history.
import { describe, expect, it } from 'vitest';
import {
  CASH_REFUNDS_SQL,
  CASH_SALES_SQL,
  MOVEMENTS_SQL,
  expectedCashQuery,
} from '../../../main/shifts/expected-cash';
import { fullScans, nullParameters } from '../../support/query-plans';
import { cashRefund, cashSale, openShift, openTill } from './fixtures';

const planOf = (db: ReturnType<Awaited<ReturnType<typeof openTill>>['raw']>, sql: string): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nullParameters(sql)) as { detail: string }[]).map(
    (r) => r.detail,
  );

describe('expected cash queries', () => {
  it('walk sales_completed_at, the tenders key, refunds_cash_completed and cash_movements_shift; no scans', async () => {
    const till = await openTill();
    const db = till.raw();
    expect(planOf(db, CASH_SALES_SQL)).toEqual([
      expect.stringMatching(
        /^SEARCH s USING (COVERING )?INDEX sales_completed_at \(completed_at>\? AND completed_at<\?\)$/,
      ),
      expect.stringMatching(/^SEARCH t USING PRIMARY KEY \(sale_id=\?\)$/),
    ]);
    expect(planOf(db, CASH_REFUNDS_SQL)).toEqual([
      'SEARCH refunds USING INDEX refunds_cash_completed (completed_at>? AND completed_at<?)',
    ]);
    expect(planOf(db, MOVEMENTS_SQL)).toEqual([
      expect.stringMatching(/^SEARCH cash_movements USING INDEX cash_movements_shift \(shift_id=\?\)$/),
    ]);
    for (const sql of [CASH_SALES_SQL, CASH_REFUNDS_SQL, MOVEMENTS_SQL])
      expect(fullScans(db, sql)).toEqual([]);
    // Without migration 014's partial index the refunds would be walked whole.
    db.exec('DROP INDEX refunds_cash_completed');
    expect(fullScans(db, CASH_REFUNDS_SQL).map((f) => f.table)).toEqual(['refunds']);
  });

  it('counts what happened from the opening instant to the count, both included, and nothing outside', async () => {
    const till = await openTill({ at: Date.parse('2026-03-02T08:00:00.000Z') });
    const { host } = till;
    const shift = await openShift(host);
    const inside = await cashSale(host, 1_000); // at the opening instant itself
    till.tick(1_000);
    await cashRefund(host, inside);
    till.tick(1_000);
    const to = new Date(Date.parse(shift.openedAt) + 2_000).toISOString();
    await cashSale(host, 700); // at `to`: included
    till.tick(1);
    await cashSale(host, 2_000); // 1 ms after: not this count's
    const expected = expectedCashQuery(till.raw());
    expect(expected({ shiftId: shift.shiftId, floatMinor: 50_000, from: shift.openedAt, to })).toEqual({
      floatMinor: 50_000,
      cashReceivedMinor: 1_700,
      changeGivenMinor: 500 + 200,
      cashRefundsMinor: 500,
      paidInMinor: 0,
      paidOutMinor: 0,
      dropsMinor: 0,
      expectedMinor: 50_000 + 1_700 - 700 - 500,
    });
  });
});
