// The print worker against the in-process emulated printer, on a real SQLite file: prints, waits for paper,
// re-sends an interrupted job whole as a COPY, resumes after a crash, survives a printer that vanishes.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../../main/catalog/demo';
import { createEmulatedPrinterPort } from '../../../../main/printing/queue/emulated-printer';
import type { PrinterPort } from '../../../../main/printing/queue/ports';
import { statusDetail } from '../../../../main/printing/queue/worker';
import type { Shop } from './fixtures';
import { cleanupDirs, drain, openShop } from './fixtures';

const shops: Shop[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.close();
  cleanupDirs();
});
async function shop(opts: Parameters<typeof openShop>[0] = {}): Promise<Shop> {
  const s = await openShop(opts);
  shops.push(s);
  return s;
}
const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('print worker', () => {
  it('prints a committed sale: the roll carries the receipt number, the job is printed', async () => {
    const s = await shop();
    const sale = s.sell([DEMO.cola.barcode]);
    const port = createEmulatedPrinterPort();
    const w = s.worker(port);
    await drain(s, w);
    const roll = port.printer.renderText();
    expect(count(roll, sale.receiptNo)).toBeGreaterThanOrEqual(1);
    expect(roll).not.toContain('COPY');
    expect(port.printer.problems).toEqual([]);
    expect(s.allJobs()).toMatchObject([
      { kind: 'receipt', saleId: sale.saleId, state: 'printed', attempts: 1 },
    ]);
    expect(s.allJobs()[0]?.printedAt).toBe(s.clock.now().toISOString());
  });

  it('paper out before printing: waiting (sale still committed), paper back: printed exactly once', async () => {
    const s = await shop();
    const port = createEmulatedPrinterPort();
    port.printer.setPaper('out');
    const sale = s.sell([DEMO.cola.barcode]);
    const w = s.worker(port);
    const delays: (number | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const d = await w.step();
      delays.push(d);
      s.clock.advance(d ?? 0);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000]); // polls again with backoff
    // Not due yet: the worker sleeps the rest of the wait and does not ask the printer.
    s.clock.advance(-1);
    expect(await w.step()).toBe(1);
    s.clock.advance(1);
    expect(s.sales.byId(sale.saleId)).not.toBeNull();
    expect(s.jobs.head()).toMatchObject({ state: 'waiting', lastError: 'paper-out' });
    expect(w.status()).toMatchObject({ state: 'error', problem: 'paper-out', waiting: 1 });
    expect(statusDetail(w.status())).toBe('paper-out; 1 waiting');
    expect(port.printer.roll).toEqual([]);

    port.printer.loadPaper();
    await drain(s, w);
    expect(count(port.printer.renderText(), `: ${sale.receiptNo}`)).toBe(1);
    expect(port.printer.renderText()).not.toContain('COPY');
    expect(s.allJobs()).toMatchObject([{ state: 'printed', copy: false }]);
    expect(w.status()).toMatchObject({ state: 'online', waiting: 0 });
  });

  it('paper runs out MID-JOB: interrupted, then re-sent whole marked 重印 COPY', async () => {
    const s = await shop();
    const port = createEmulatedPrinterPort();
    const sale = s.sell([DEMO.cola.barcode, DEMO.water.barcode]);
    port.printer.runOutOfPaperAfter(5);
    const w = s.worker(port);
    const wait = await w.step();
    expect(wait).toBe(1000);
    expect(s.jobs.head()).toMatchObject({
      state: 'interrupted',
      copy: true,
      lastError: 'paper-out',
      attempts: 1,
    });
    const partial = port.printer.renderText();
    expect(partial).not.toContain('partial cut');

    port.printer.loadPaper();
    await drain(s, w);
    const roll = port.printer.renderText();
    const reprint = roll.slice(partial.length);
    expect(reprint).toContain('重印 COPY');
    expect(reprint).toContain(sale.receiptNo);
    expect(reprint).toContain('partial cut');
    expect(count(roll, 'partial cut')).toBe(1);
    expect(s.allJobs()).toMatchObject([{ state: 'printed', copy: true, attempts: 2 }]);
  });

  it('a crash while printing: the job found in "printing" at start-up is re-sent whole as a COPY', async () => {
    let s = await shop();
    const sale = s.sell([DEMO.cola.barcode]);
    // The first run sends the bytes, and the app dies before it can record 'printed'.
    const hang: PrinterPort = {
      health: () => createEmulatedPrinterPort().health(),
      print: () => new Promise(() => undefined),
    };
    const first = s.worker(hang);
    void first.step();
    await new Promise((r) => setImmediate(r));
    expect(s.jobs.head()).toMatchObject({ state: 'printing', copy: false });

    s = await s.reopen();
    shops.push(s);
    const port = createEmulatedPrinterPort();
    const w = s.worker(port);
    expect(w.recover()).toBe(1);
    expect(s.jobs.head()).toMatchObject({ state: 'interrupted', copy: true });
    await drain(s, w);
    expect(port.printer.renderText()).toContain('重印 COPY');
    expect(port.printer.renderText()).toContain(sale.receiptNo);
    expect(s.allJobs()).toMatchObject([{ state: 'printed', copy: true, attempts: 2 }]);
  });

  it('jobs print oldest first, one at a time', async () => {
    const s = await shop();
    const a = s.sell([DEMO.cola.barcode]);
    const b = s.sell([DEMO.water.barcode]);
    const port = createEmulatedPrinterPort();
    await drain(s, s.worker(port));
    const roll = port.printer.renderText();
    expect(roll.indexOf(a.receiptNo)).toBeGreaterThanOrEqual(0);
    expect(roll.indexOf(a.receiptNo)).toBeLessThan(roll.indexOf(b.receiptNo));
  });

  it('printer health throws (disconnected): waiting with the reason, retried and printed when it is back', async () => {
    const s = await shop();
    const port = createEmulatedPrinterPort();
    port.disconnected = true;
    s.sell([DEMO.cola.barcode]);
    const w = s.worker(port);
    expect(await w.step()).toBe(1000);
    expect(s.jobs.head()).toMatchObject({
      state: 'waiting',
      lastError: 'disconnected: printer disconnected',
    });
    expect(w.status()).toMatchObject({ state: 'offline', problem: 'disconnected' });
    s.clock.advance(1000);
    expect(await w.step()).toBe(2000);
    port.disconnected = false;
    await drain(s, w);
    expect(s.allJobs()).toMatchObject([{ state: 'printed', copy: false }]);
  });

  it('a print that fails before any byte went out is retried without the COPY mark', async () => {
    const s = await shop();
    s.sell([DEMO.cola.barcode]);
    const emu = createEmulatedPrinterPort();
    let refuse = true;
    const port: PrinterPort = {
      health: () => emu.health(),
      print: (b) =>
        refuse ? Promise.resolve({ ok: false, reason: 'disconnected', bytesAccepted: 0 }) : emu.print(b),
    };
    const w = s.worker(port);
    await w.step();
    expect(s.jobs.head()).toMatchObject({ state: 'waiting', copy: false, lastError: 'disconnected' });
    refuse = false;
    await drain(s, w);
    expect(emu.printer.renderText()).not.toContain('COPY');
  });

  it('the backoff is capped at 30 s', async () => {
    const s = await shop();
    const port = createEmulatedPrinterPort();
    port.printer.setCoverOpen(true);
    s.sell([DEMO.cola.barcode]);
    const w = s.worker(port);
    const delays: (number | null)[] = [];
    for (let i = 0; i < 8; i++) {
      const d = await w.step();
      delays.push(d);
      s.clock.advance(d ?? 0);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(s.jobs.head()).toMatchObject({ state: 'waiting', lastError: 'cover-open' });
  });

  it('no printer configured: jobs are kept, nothing is lost', async () => {
    const s = await shop();
    s.sell([DEMO.cola.barcode]);
    const w = s.worker(null as unknown as PrinterPort, { printer: null });
    expect(await w.step()).toBeNull();
    expect(w.status()).toMatchObject({ state: 'not-configured', waiting: 1 });
  });
});

describe('print worker loop', () => {
  it('runs on its own once started, and stop() does not wait forever for a printer that hangs', async () => {
    const s = await shop();
    s.sell([DEMO.cola.barcode]);
    const emu = createEmulatedPrinterPort();
    let hang = false;
    const port: PrinterPort = {
      health: () => emu.health(),
      print: (b) => (hang ? new Promise(() => undefined) : emu.print(b)),
    };
    const w = s.worker(port, { stopTimeoutMs: 20, now: () => new Date() });
    w.start();
    for (let i = 0; i < 200 && s.jobs.head() !== null; i++) await new Promise((r) => setTimeout(r, 5));
    expect(s.allJobs()).toMatchObject([{ state: 'printed' }]);

    hang = true;
    s.sell([DEMO.water.barcode]);
    w.kick();
    for (let i = 0; i < 200 && s.jobs.head()?.state !== 'printing'; i++)
      await new Promise((r) => setTimeout(r, 5));
    const t0 = Date.now();
    await w.stop();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(s.jobs.head()).toMatchObject({ state: 'printing' }); // found at the next start, re-sent as a copy
  });
});

describe('drawer jobs', () => {
  it('a drawer kick that could not be sent for 2 minutes is cancelled, never opened late; its receipt still prints', async () => {
    const s = await shop({ kickDrawer: true });
    const port = createEmulatedPrinterPort();
    port.printer.setPaper('out');
    const sale = s.sell([DEMO.cola.barcode]);
    const w = s.worker(port);
    for (let i = 0; i < 5; i++) s.clock.advance((await w.step()) ?? 0); // 31 s of polling
    expect(s.allJobs().map((j) => [j.kind, j.state])).toEqual([
      ['drawer', 'waiting'],
      ['receipt', 'queued'],
    ]);
    s.clock.advance(120_000);
    port.printer.loadPaper();
    await drain(s, w);
    expect(s.allJobs()).toMatchObject([
      { kind: 'drawer', state: 'cancelled', lastError: expect.stringContaining('expired') as unknown },
      { kind: 'receipt', state: 'printed' },
    ]);
    expect(port.printer.pulses).toEqual([]);
    expect(port.printer.renderText()).toContain(sale.receiptNo);
  });

  it('a drawer job interrupted by a restart is not marked as a copy', async () => {
    const s = await shop({ kickDrawer: true });
    s.sell([DEMO.cola.barcode]);
    s.db.prepare(`UPDATE print_jobs SET state = 'printing' WHERE kind = 'drawer'`).run();
    const w = s.worker(createEmulatedPrinterPort());
    expect(w.recover()).toBe(1);
    expect(s.allJobs()[0]).toMatchObject({ kind: 'drawer', state: 'interrupted', copy: false });
  });
});
