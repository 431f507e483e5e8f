// Refund slips in the print queue, on a real SQLite file with every migration: the job is enqueued only inside
// a transaction, reads its refund back, and renders only a completed refund (never a slip for money that was
// not paid back).
import { describe, expect, it } from 'vitest';
import type { RefundState, SaleView } from '../../../../main/api/contract';
import { DEFAULT_STORE_TIME_ZONE } from '../../../../main/api/contract/settings';
import { DEMO } from '../../../../main/catalog/demo';
import { enqueueDrawer, enqueueRefund } from '../../../../main/printing/queue/enqueue';
import { createEmulatedPrinterPort } from '../../../../main/printing/queue/emulated-printer';
import { createJobRenderer } from '../../../../main/printing/queue/render-job';
import { resolvePrinterSettings } from '../../../../main/config/printer-config';
import { REFUND_STORE, refundView } from '../../../support/refund-fixture';
import type { Shop } from './fixtures';
import { drain, shopsClosedAfterEach } from './fixtures';

const shop = shopsClosedAfterEach();

const REFUND_ID = refundView().refundId;

/** A cash refund row of `sale` (the refund service's own insert is not under test here). */
function insertRefund(s: Shop, sale: SaleView, id = REFUND_ID): void {
  const at = s.clock.now().toISOString();
  s.db
    .prepare(
      `INSERT INTO refunds (id, refund_no, sale_id, state, tender_kind, amount_minor, tax_minor, currency, reason,
        training, approved_by, created_at, updated_at, completed_at)
       VALUES (?, ?, ?, 'completed', 'cash', 350, 40, 'CNY', 'defective', 0, '{"operatorId":"m1"}', ?, ?, ?)`,
    )
    .run(id, `T01-R${id.slice(0, 6)}`, sale.saleId, at, at, at);
}

/** The refund's transaction: for a cash refund the drawer kick first, then the slip. */
function enqueueCashRefund(s: Shop, refundId = REFUND_ID): number {
  return s.db.transaction(() => {
    enqueueDrawer(s.db, { now: s.clock.now() });
    return enqueueRefund(s.db, { refundId, now: s.clock.now() });
  })();
}

describe('enqueueRefund', () => {
  it('refuses to run outside a transaction', async () => {
    const s = await shop();
    insertRefund(s, s.sell([DEMO.cola.barcode]));
    expect(() => enqueueRefund(s.db, { refundId: REFUND_ID, now: s.clock.now() })).toThrow(
      /inside the transaction/,
    );
    expect(s.allJobs().filter((j) => j.kind === 'refund')).toEqual([]);
  });

  it('queues a refund job the repo reads back with its refundId, after the drawer kick', async () => {
    const s = await shop();
    const sale = s.sell([DEMO.cola.barcode]);
    insertRefund(s, sale);
    const jobId = enqueueCashRefund(s);
    expect(s.jobs.byId(jobId)).toMatchObject({
      kind: 'refund',
      refundId: REFUND_ID,
      saleId: null,
      copy: false,
      state: 'queued',
      attempts: 0,
      createdAt: s.clock.now().toISOString(),
    });
    expect(s.allJobs().map((j) => [j.kind, j.saleId, j.refundId])).toEqual([
      ['receipt', sale.saleId, null],
      ['drawer', null, null],
      ['refund', null, REFUND_ID],
    ]);
  });

  it('rolls back with the refund transaction, and the schema ties refund jobs to refunds', async () => {
    const s = await shop();
    insertRefund(s, s.sell([DEMO.cola.barcode]));
    expect(() =>
      s.db.transaction(() => {
        enqueueRefund(s.db, { refundId: REFUND_ID, now: s.clock.now() });
        throw new Error('refund failed');
      })(),
    ).toThrow(/refund failed/);
    expect(s.allJobs().some((j) => j.kind === 'refund')).toBe(false);
    expect(() => enqueueCashRefund(s, 'no-such-refund')).toThrow(/FOREIGN KEY/);
    const at = s.clock.now().toISOString();
    const ins = s.db.prepare(`INSERT INTO print_jobs (kind, sale_id, refund_id, state, next_attempt_at,
      created_at, updated_at) VALUES (?, NULL, ?, 'queued', ?, ?, ?)`);
    expect(() => ins.run('refund', null, at, at, at)).toThrow(/CHECK/);
    expect(() => ins.run('drawer', REFUND_ID, at, at, at)).toThrow(/CHECK/);
  });
});

describe('rendering a refund job', () => {
  const render = (refund: ReturnType<typeof refundView> | null, timeZone = DEFAULT_STORE_TIME_ZONE) =>
    createJobRenderer({
      saleById: () => null,
      refundById: (id) => (refund !== null && id === refund.refundId ? refund : null),
      store: REFUND_STORE,
      locale: () => 'zh-CN',
      settings: () => resolvePrinterSettings(undefined),
      timeZone,
    });
  const job = {
    id: 7,
    kind: 'refund',
    saleId: null,
    refundId: REFUND_ID,
    report: null,
    copy: false,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: '2026-11-25T03:20:05Z',
    lastError: null,
    createdAt: '2026-11-25T03:20:05Z',
    printedAt: null,
  } as const;

  it('renders a completed refund', () => {
    expect(render(refundView())(job).length).toBeGreaterThan(100);
  });

  it('dates the slip in the zone the host hands the renderer: 03:20 UTC is 03:20 in London, 11:20 by default', async () => {
    const slipText = async (timeZone?: string): Promise<string> => {
      const port = createEmulatedPrinterPort();
      await port.print(render(refundView(), timeZone)(job));
      return port.printer.renderText();
    };
    expect(await slipText('Europe/London')).toContain('2026-11-25 03:20');
    expect(await slipText()).toContain('2026-11-25 11:20');
  });

  for (const state of ['sending', 'failed', 'unknown'] as const satisfies readonly RefundState[]) {
    it(`refuses a refund that is ${state}`, () => {
      expect(() => render(refundView({ state }))(job)).toThrow(
        new RegExp(`T01-R000004 is ${state}, not completed`),
      );
    });
  }

  it('refuses an unknown refund id, and a refund job without one', () => {
    expect(() => render(refundView())({ ...job, refundId: 'gone' })).toThrow(/refund gone not found/);
    expect(() => render(refundView())({ ...job, refundId: null })).toThrow(/refund null not found/);
  });
});

describe('the worker prints refund slips', () => {
  it('opens the drawer, then prints the slip with the refund number; the job is printed', async () => {
    const s = await shop({ kickDrawer: false });
    const sale = s.sell([DEMO.cola.barcode]);
    insertRefund(s, sale);
    s.refunds.set(REFUND_ID, refundView({ receiptNo: sale.receiptNo }));
    enqueueCashRefund(s);
    const port = createEmulatedPrinterPort();
    await drain(s, s.worker(port));
    const roll = port.printer.renderText();
    expect(roll).toContain('退货单号: T01-R000004');
    expect(roll).toContain(`原单号: ${sale.receiptNo}`);
    expect(roll).not.toContain('COPY');
    expect(s.allJobs().map((j) => [j.kind, j.state])).toEqual([
      ['receipt', 'printed'],
      ['drawer', 'printed'],
      ['refund', 'printed'],
    ]);
  });

  it('cancels the slip of a refund that is not completed as unprintable, and prints what follows', async () => {
    const s = await shop();
    insertRefund(s, s.sell([DEMO.cola.barcode]));
    s.refunds.set(REFUND_ID, refundView({ state: 'unknown' }));
    const jobId = enqueueCashRefund(s);
    const later = s.sell([DEMO.water.barcode]);
    const port = createEmulatedPrinterPort();
    await drain(s, s.worker(port));
    expect(s.jobs.byId(jobId)).toMatchObject({
      state: 'cancelled',
      lastError: expect.stringMatching(/unprintable: .*unknown/),
    });
    expect(port.printer.renderText()).not.toContain('T01-R000004');
    expect(port.printer.renderText()).toContain(later.receiptNo);
  });

  it('a slip interrupted by paper out is re-sent whole marked 重印 COPY', async () => {
    const s = await shop();
    insertRefund(s, s.sell([DEMO.cola.barcode]));
    s.refunds.set(REFUND_ID, refundView());
    const port = createEmulatedPrinterPort();
    const w = s.worker(port);
    await drain(s, w);
    const jobId = s.db.transaction(() => enqueueRefund(s.db, { refundId: REFUND_ID, now: s.clock.now() }))();
    port.printer.runOutOfPaperAfter(5);
    await w.step();
    expect(s.jobs.byId(jobId)).toMatchObject({ state: 'interrupted', copy: true });
    const partial = port.printer.renderText();
    port.printer.loadPaper();
    await drain(s, w);
    const resent = port.printer.renderText().slice(partial.length);
    expect(resent).toContain('重印 COPY');
    expect(resent).toContain('T01-R000004');
    expect(s.jobs.byId(jobId)).toMatchObject({ state: 'printed', copy: true });
  });
});
