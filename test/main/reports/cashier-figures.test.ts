// Sales and returns per cashier: named from the operators on file; training's demo manager (no row) by its
// own name; a cashier removed since by id; sales with nobody signed in under no one.
import { afterEach, describe, expect, it } from 'vitest';
import { cashiersOf } from '../../../main/reports/cashier-figures';
import type { TotalsRowRead } from '../../../main/reports/day-figures';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import type { Database } from '../../../main/store/db';
import { AT, migratedTo } from '../../support/migrations';

let db: Database | null = null;
afterEach(() => db?.close());

const row = (metric: string, operatorId: string, n: number, amount: number): TotalsRowRead => ({
  ...{ metric, operatorId, n, amount, gross: amount, discount: 0, tax: 0, qtyMilli: n * 1000, change: 0 },
});

describe('cashier figures', () => {
  it('names each cashier, sums their sales and returns', async () => {
    db = await migratedTo(15);
    db.prepare(
      `INSERT INTO operators (id, code, name, role, pin_hash, created_at, updated_at)
      VALUES ('op-1', '100', '李收银', 'cashier', 'x', ?, ?)`,
    ).run(AT, AT);
    const rows = [
      row('sales', 'op-1', 2, 1000),
      row('sales', 'op-1', 1, 500), // another shift of the same cashier
      row('refunds', 'op-1', 1, 200),
      row('sales', 'training-manager', 1, 300),
      row('sales', 'op-gone', 1, 400),
      row('sales', '', 1, 50),
      row('tax:1300', 'op-1', 3, 1500),
    ];
    const figures = cashiersOf(db, rows).map((c) => [
      c.operatorId,
      c.code,
      c.name,
      c.sales.count,
      c.sales.totalMinor,
      c.returns.amountMinor,
    ]);
    expect(figures).toEqual([
      [null, null, null, 1, 50, 0],
      ['op-1', '100', '李收银', 3, 1500, 200],
      ['op-gone', null, 'op-gone', 1, 400, 0],
      ['training-manager', TRAINING_MANAGER.code, TRAINING_MANAGER.name, 1, 300, 0],
    ]);
  });

  it('counts the voids and line voids of each cashier who did them, a cashier with only voids included', async () => {
    db = await migratedTo(15);
    const rows = [
      row('sales', 'op-1', 2, 1000),
      row('count:void', 'op-1', 1, 0),
      row('count:void', 'op-1', 2, 0), // another shift
      row('count:line-void', 'op-1', 4, 0),
      row('count:line-void', 'op-2', 3, 0), // no sales: still listed
      row('count:no-sale', 'op-3', 1, 0), // not a cashier figure
    ];
    expect(cashiersOf(db, rows).map((c) => [c.operatorId, c.sales.count, c.voids, c.lineVoids])).toEqual([
      ['op-1', 2, 3, 4],
      ['op-2', 0, 0, 3],
    ]);
  });
});
