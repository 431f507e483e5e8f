// The receipt job is part of the sale commit: a committed sale has exactly one receipt job, and a sale
// transaction that fails (at any statement, including the job's own insert) leaves neither.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../../main/catalog/demo';
import { enqueueReceipt } from '../../../../main/printing/queue/enqueue';
import type { Shop } from './fixtures';
import { shopsClosedAfterEach } from './fixtures';

const shop = shopsClosedAfterEach();
const n = (s: Shop, sql: string): number => (s.db.prepare(sql).get() as { n: number }).n;

describe('enqueueing in the sale transaction', () => {
  it('a committed sale has exactly one receipt job, queued, not a copy', async () => {
    const s = await shop();
    const sale = s.sell([DEMO.cola.barcode]);
    expect(s.allJobs()).toMatchObject([
      { kind: 'receipt', saleId: sale.saleId, copy: false, state: 'queued', attempts: 0 },
    ]);
    expect(s.allJobs()[0]?.createdAt).toBe(sale.completedAt);
  });

  it('with the drawer kick on, the cash sale also queues one drawer job, ahead of its receipt', async () => {
    const s = await shop({ kickDrawer: true });
    const sale = s.sell([DEMO.cola.barcode]);
    expect(s.allJobs()).toMatchObject([
      { kind: 'drawer', saleId: null },
      { kind: 'receipt', saleId: sale.saleId },
    ]);
  });

  it('a failure at the job insert rolls the whole sale back: no sale, no job, cart still open', async () => {
    const s = await shop();
    s.db.exec(`CREATE TEMP TRIGGER no_jobs BEFORE INSERT ON main.print_jobs
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect(() => s.sell([DEMO.cola.barcode])).toThrow(/disk trouble/);
    expect(n(s, 'SELECT count(*) n FROM sales')).toBe(0);
    expect(n(s, 'SELECT count(*) n FROM print_jobs')).toBe(0);
    expect(n(s, `SELECT count(*) n FROM journal`)).toBe(0);
    expect(n(s, `SELECT count(*) n FROM carts WHERE status = 'open'`)).toBe(1);
  });

  it('a failure after the job insert (closing the cart) leaves no job either', async () => {
    const s = await shop();
    s.db.exec(`CREATE TEMP TRIGGER no_close BEFORE UPDATE OF status ON main.carts
      BEGIN SELECT RAISE(ABORT, 'late failure'); END`);
    expect(() => s.sell([DEMO.cola.barcode])).toThrow(/late failure/);
    expect(n(s, 'SELECT count(*) n FROM sales')).toBe(0);
    expect(n(s, 'SELECT count(*) n FROM print_jobs')).toBe(0);
  });

  it('refuses to run outside a transaction', async () => {
    const s = await shop();
    const sale = s.sell([DEMO.cola.barcode]);
    expect(() => enqueueReceipt(s.db, { saleId: sale.saleId, copy: true, now: new Date() })).toThrow(
      /inside the transaction/,
    );
  });

  it('the schema refuses a receipt job without a sale, and an unknown state', async () => {
    const s = await shop();
    const at = '2026-01-01T00:00:00.000Z';
    const ins = s.db.prepare(`INSERT INTO print_jobs (kind, sale_id, copy, state, next_attempt_at, created_at,
      updated_at) VALUES (?, ?, 0, ?, ?, ?, ?)`);
    expect(() => ins.run('receipt', null, 'queued', at, at, at)).toThrow(/CHECK/);
    expect(() => ins.run('drawer', null, 'lost', at, at, at)).toThrow(/CHECK/);
    expect(() => ins.run('receipt', 'no-such-sale', 'queued', at, at, at)).toThrow(/FOREIGN KEY/);
  });
});
