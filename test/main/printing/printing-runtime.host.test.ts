// Printing through host.dispatch: a cash sale prints and kicks the drawer once, reprints come out as copies,
// "no sale" opens are journalled, printer.status and the status bar tell the truth about paper.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../main/api/contract';
import { verifyJournal } from '../../../main/audit/journal';
import { DEMO } from '../../../main/catalog/demo';
import { createHost } from '../../../main/host';
import type { Host } from '../../../main/host-types';
import { createEmulatedPrinterPort } from '../../../main/printing/queue/emulated-printer';
import type { EmulatedPrinterPort } from '../../../main/printing/queue/emulated-printer';
import type { PrinterPort } from '../../../main/printing/queue/ports';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import { cleanup, tempDir as tempFolder } from '../../support/temp-host';
import { call } from '../../support/host-call';

const TRAINING_APPROVAL = { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin };
const hosts: Host[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  await cleanup();
});
const tempDir = (): string => tempFolder('pos-hostprint-');

/** The emulated printer, also recording every job's bytes as sent. */
function recordingPort(): EmulatedPrinterPort & { jobs: Uint8Array[] } {
  const emu = createEmulatedPrinterPort();
  const jobs: Uint8Array[] = [];
  const print = emu.print;
  return Object.assign(emu, {
    jobs,
    print: (b: Uint8Array) => {
      jobs.push(b);
      return print(b);
    },
  });
}

async function host(printer?: PrinterPort, dataDir = tempDir()): Promise<Host> {
  const h = await createHost({
    dataDir,
    log: () => undefined,
    ...(printer ? { printer } : {}),
    printBackoff: { baseMs: 5, capMs: 20 },
  });
  hosts.push(h);
  return h;
}
async function sell(h: Host, code = DEMO.cola.barcode): Promise<Output<'sale.tenderCash'>> {
  const cart = await call(h, 'cart.scan', { code });
  return call(h, 'sale.tenderCash', {
    cartId: cart.cartId,
    cartVersion: cart.version,
    tenderedMinor: 10_000,
  });
}
/** Waits until the queue is empty (the worker runs on real timers here). */
async function printed(h: Host): Promise<Output<'printer.status'>> {
  for (let i = 0; i < 400; i++) {
    const s = await call(h, 'printer.status', {});
    if (s.queue.waiting === 0 && s.queue.printing === 0) return s;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the print queue did not drain');
}
const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('printing through the host', () => {
  it('training mode prints with zero setup: printer online, the receipt marked TRAINING', async () => {
    const h = await host();
    await sell(h);
    const s = await printed(h);
    expect(s).toMatchObject({ state: 'online', problem: null, lastError: null });
    expect((await call(h, 'status.get', {})).printer).toEqual({ state: 'online', detail: null });
  });

  it('a cash sale prints its receipt once and kicks the drawer once, ESC p with all five bytes', async () => {
    const port = recordingPort();
    const h = await host(port);
    const sale = await sell(h);
    await printed(h);
    expect(count(port.printer.renderText(), `: ${sale.receiptNo}`)).toBe(1);
    expect(port.printer.renderText()).toContain('培训 TRAINING');
    // The header carries the store's address from config.json (the default config has one).
    expect(port.printer.renderText()).toContain('上海市浦东新区示范路 1 号');
    expect(port.printer.pulses).toHaveLength(1);
    expect(port.printer.pulses[0]).toMatchObject({ pin: 2, onMs: 50, offMs: 500 });
    expect(port.jobs[0]).toEqual(new Uint8Array([0x1b, 0x70, 0x00, 25, 250]));
    expect(port.printer.problems).toEqual([]);
  });

  it('reprint last (cashier) and reprint by id (manager) queue COPY jobs and journal them', async () => {
    const port = recordingPort();
    const dataDir = tempDir();
    const h = await host(port, dataDir);
    const first = await sell(h, DEMO.cola.barcode);
    const second = await sell(h, DEMO.water.barcode);
    await printed(h);
    const before = port.printer.renderText().length;

    const last = await call(h, 'sale.reprintLast', {});
    const byId = await call(h, 'sale.reprint', { saleId: first.saleId, approval: TRAINING_APPROVAL });
    expect(byId.jobId).toBeGreaterThan(last.jobId);
    await printed(h);
    const copies = port.printer.renderText().slice(before);
    expect(count(copies, '重印 COPY')).toBe(4); // top and bottom of each copy
    expect(copies.indexOf(second.receiptNo)).toBeLessThan(copies.indexOf(first.receiptNo));
    expect(port.printer.pulses).toHaveLength(2); // reprints never open the drawer

    const r = await h.dispatch('sale.reprint', { saleId: 'no-such-sale', approval: TRAINING_APPROVAL });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await h.close();
    const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
    const rows = db
      .prepare(`SELECT kind, ref, body FROM journal WHERE kind = 'receipt.reprint' ORDER BY seq`)
      .all();
    expect(rows).toMatchObject([
      { ref: second.saleId, body: expect.stringContaining('"by":"cashier"') as unknown },
      { ref: first.saleId, body: expect.stringContaining('"by":"manager"') as unknown },
    ]);
    expect(rows[1]).toMatchObject({ body: expect.stringContaining('"approvedBy":{"code":"900"') as unknown });
    expect(rows).toMatchObject([
      { ref: second.saleId, body: expect.not.stringContaining('approvedBy') as unknown },
      { ref: first.saleId },
    ]);
    expect(db.prepare(`SELECT count(*) n FROM print_jobs WHERE copy = 1`).get()).toEqual({ n: 2 });
    db.close();
  });

  it('a retried tender (same cart and version) never queues a second receipt', async () => {
    const port = recordingPort();
    const h = await host(port);
    const cart = await call(h, 'cart.scan', { code: DEMO.cola.barcode });
    const input = { cartId: cart.cartId, cartVersion: cart.version, tenderedMinor: 1000 };
    const [a, b] = await Promise.all([call(h, 'sale.tenderCash', input), call(h, 'sale.tenderCash', input)]);
    expect(b).toEqual(a);
    await printed(h);
    expect(count(port.printer.renderText(), `: ${a.receiptNo}`)).toBe(1);
    expect(port.printer.pulses).toHaveLength(1);
  });

  it('reprint last with no sale yet is NOT_FOUND and queues nothing', async () => {
    const h = await host(recordingPort());
    expect(await h.dispatch('sale.reprintLast', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await call(h, 'printer.status', {})).queue).toEqual({ waiting: 0, printing: 0 });
  });

  it('drawer.open ("no sale") writes a journal entry with the reason and sends ESC p', async () => {
    const port = recordingPort();
    const dataDir = tempDir();
    const h = await host(port, dataDir);
    const { jobId } = await call(h, 'drawer.open', {
      reason: '换零钱 change for a note',
      approval: TRAINING_APPROVAL,
    });
    await printed(h);
    expect(port.jobs).toEqual([new Uint8Array([0x1b, 0x70, 0x00, 25, 250])]);
    expect(port.printer.drawerOpen).toBe(true);
    for (const reason of ['', '   ', 'x'.repeat(81)]) {
      expect(await h.dispatch('drawer.open', { reason, approval: TRAINING_APPROVAL })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_PAYLOAD' },
      });
    }
    await h.close();
    const db = new Database(path.join(dataDir, 'pos.sqlite'), { readonly: true });
    expect(db.prepare(`SELECT ref, body FROM journal WHERE kind = 'drawer.no-sale'`).all()).toEqual([
      {
        ref: String(jobId),
        body: JSON.stringify({
          approvedBy: { code: '900', name: TRAINING_MANAGER.name, operatorId: 'training-manager' },
          jobId,
          reason: '换零钱 change for a note',
        }),
      },
    ]);
    expect(verifyJournal(db)).toMatchObject({ ok: true });
    db.close();
  });

  it('paper out: the sale commits, the status bar says paper-out and 1 waiting; paper back -> printed once', async () => {
    const port = recordingPort();
    port.printer.setPaper('out');
    const h = await host(port);
    const sale = await sell(h);
    expect(await call(h, 'sale.get', { saleId: sale.saleId })).toEqual(sale);
    let s = await call(h, 'printer.status', {});
    for (let i = 0; i < 100 && s.problem !== 'paper-out'; i++) {
      await new Promise((r) => setTimeout(r, 5));
      s = await call(h, 'printer.status', {});
    }
    expect(s).toMatchObject({ state: 'error', problem: 'paper-out', queue: { waiting: 2 } });
    expect((await call(h, 'status.get', {})).printer).toEqual({
      state: 'error',
      detail: 'paper-out; 2 waiting',
    });
    port.printer.loadPaper();
    await printed(h);
    expect(count(port.printer.renderText(), `: ${sale.receiptNo}`)).toBe(1);
    expect(port.printer.pulses).toHaveLength(1);
  });

  it('restart: a job the last run left in "printing" is re-sent as a COPY at start-up', async () => {
    const dataDir = tempDir();
    const offline = recordingPort();
    offline.disconnected = true;
    const h1 = await host(offline, dataDir);
    const sale = await sell(h1);
    await h1.close();
    // What a crash between "printing" committed and "printed" leaves behind:
    const db = new Database(path.join(dataDir, 'pos.sqlite'));
    db.prepare(`UPDATE print_jobs SET state = 'printing' WHERE kind = 'receipt'`).run();
    db.close();

    const port = recordingPort();
    const h2 = await host(port, dataDir);
    await printed(h2);
    const roll = port.printer.renderText();
    expect(roll).toContain('重印 COPY');
    expect(count(roll, `: ${sale.receiptNo}`)).toBe(1);
  });
});
