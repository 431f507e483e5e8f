// A counted event adds exactly one to its metric for the business day open when it commits (read inside the
// statement), the shift and the cashier; rolled back with the transaction it belongs to.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../main/store/db';
import { createEventCounter, NOBODY } from '../../../main/totals/counted-events';
import { COUNTS } from '../../../main/totals/metrics';
import { migratedTo } from '../../support/migrations';
import { cleanup } from '../../support/temp-host';

const opened: Database[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await cleanup();
});
const store = async (): Promise<Database> => {
  const db = await migratedTo(15);
  opened.push(db);
  return db;
};

interface Row {
  day_no: number;
  metric: string;
  shift_id: string;
  operator_id: string;
  n: number;
  amount_minor: number;
}
const counted = (db: Database): Row[] =>
  db
    .prepare(
      `SELECT day_no, metric, shift_id, operator_id, n, amount_minor FROM day_totals
       ORDER BY day_no, metric, shift_id, operator_id`,
    )
    .all() as Row[];

const ANNA = { shiftId: 'shift-1', operatorId: 'op-anna' };
const BEN = { shiftId: 'shift-1', operatorId: 'op-ben' };

describe('counted events', () => {
  it('one per event, per day, shift and cashier; the day is the one open when it commits', async () => {
    const db = await store();
    const count = createEventCounter(db);
    const inTx = (f: () => void): void => db.transaction(f).immediate();
    inTx(() => count('noSale', ANNA));
    inTx(() => count('noSale', ANNA));
    inTx(() => count('noSale', BEN));
    inTx(() => count('reprint', NOBODY));
    db.prepare(`UPDATE counters SET value = 2 WHERE name = 'business-day'`).run(); // as a Z does
    inTx(() => count('noSale', ANNA));
    inTx(() => count('lineVoid', ANNA));
    const row = (day_no: number, metric: string, who: typeof ANNA | typeof NOBODY, n: number): Row => ({
      day_no,
      metric,
      shift_id: who.shiftId ?? '',
      operator_id: who.operatorId ?? '',
      n,
      amount_minor: 0,
    });
    expect(counted(db)).toEqual([
      row(1, COUNTS.noSale, ANNA, 2),
      row(1, COUNTS.noSale, BEN, 1),
      row(1, COUNTS.reprint, NOBODY, 1),
      row(2, COUNTS.lineVoid, ANNA, 1),
      row(2, COUNTS.noSale, ANNA, 1),
    ]);
  });

  it('rolls back with the event’s transaction', async () => {
    const db = await store();
    const count = createEventCounter(db);
    expect(() =>
      db
        .transaction(() => {
          count('override', ANNA);
          throw new Error('the journal entry failed');
        })
        .immediate(),
    ).toThrow('the journal entry failed');
    expect(counted(db)).toEqual([]);
  });
});
