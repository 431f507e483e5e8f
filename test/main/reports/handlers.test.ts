// The report.* channels through a live till: an X of the open day changes nothing; a Z is refused while the
// shift is open (saying which) and closes the day once it is counted; the Z is listed, read back as closed,
// printed (and printed again as a copy), exported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DRAWER } from '../../../main/api/contract/shifts';
import { createHost } from '../../../main/host';
import { liveShopWithDemoGoods } from '../../support/live-store';
import { addStaffOnFile, CASHIER, readyToSell, rows, TEST_FLOAT } from '../../support/signed-in-till';
import { call, cartOf, failure } from '../payments/fixtures';

const MANAGER = { code: '500', name: '王经理', role: 'manager', pin: '604817' } as const;
const approval = { operatorCode: MANAGER.code, pin: MANAGER.pin };
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

describe('report.* at a live till', () => {
  it('X, refused Z, Z, list, get, print, export', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-report-host-'));
    closers.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    await liveShopWithDemoGoods(dataDir);
    addStaffOnFile(dataDir, [MANAGER]);
    const h = await createHost({ dataDir, log: () => undefined });
    closers.push(() => h.close());
    await readyToSell(h);
    const cart = await cartOf(h);
    const total = cart.totals.totalMinor;
    await call(h, 'sale.tenderCash', {
      cartId: cart.cartId,
      cartVersion: cart.version,
      tenderedMinor: total,
    });

    const journal = (): unknown => rows(dataDir, 'SELECT max(seq) AS head, count(*) AS n FROM journal');
    const before = journal();
    const x = await call(h, 'report.x', {});
    expect(x).toMatchObject({
      kind: 'x',
      zNo: null,
      takenBy: CASHIER.name,
      chain: null,
      netSalesMinor: total,
    });
    expect(x.cashiers.map((c) => [c.code, c.name, c.sales.count])).toEqual([[CASHIER.code, CASHIER.name, 1]]);
    expect(x.tenders).toEqual([
      { kind: 'cash', brand: null, count: 1, amountMinor: total, changeMinor: 0, refundedMinor: 0 },
    ]);
    expect(journal()).toEqual(before);

    const refused = await failure(h, 'report.z', { approval });
    expect(refused.code).toBe('Z_REFUSED');
    expect(refused.detail?.['blockers']).toEqual([
      { kind: 'shift-open', drawerId: DEFAULT_DRAWER, shiftId: x.shifts[0]?.shiftId, state: 'open' },
    ]);

    const closed = await call(h, 'shift.close', { drawerId: DEFAULT_DRAWER, counts: { ...TEST_FLOAT } });
    if (closed.state !== 'closed') {
      await call(h, 'shift.signOff', { drawerId: DEFAULT_DRAWER, note: 'short', approval });
    }
    const z = await call(h, 'report.z', { approval });
    expect(z).toMatchObject({
      kind: 'z',
      zNo: 1,
      takenBy: MANAGER.name,
      netSalesMinor: total,
      cashVarianceMinor: -total,
    });
    expect(z.chain?.prevSha256).toBe('0'.repeat(64));

    expect(await call(h, 'report.list', {})).toEqual([
      {
        zNo: 1,
        openedAt: z.openedAt,
        closedAt: z.takenAt,
        salesCount: 1,
        netSalesMinor: total,
        chainSha256: z.chain?.chainSha256,
      },
    ]);
    expect(await call(h, 'report.get', { zNo: 1 })).toEqual(z);
    expect((await failure(h, 'report.get', { zNo: 2 })).code).toBe('NOT_FOUND');
    // the new day is empty
    expect((await call(h, 'report.x', {})).sales.count).toBe(0);

    const { jobId } = await call(h, 'report.print', { zNo: 1 });
    const jobs = rows<{ id: number; copy: number }>(
      dataDir,
      `SELECT id, copy FROM print_jobs WHERE kind = 'report' ORDER BY id`,
    );
    expect(jobs.map((j) => j.copy)).toEqual([0, 1]); // the Z's own printout, then the copy
    expect(jobs[1]?.id).toBe(jobId);

    const file = await call(h, 'report.export', { zNo: 1, format: 'csv' });
    expect(path.dirname(file.path)).toBe(path.join(dataDir, 'exports'));
    expect(fs.statSync(file.path).size).toBe(file.bytes);
  }, 60_000);
});
