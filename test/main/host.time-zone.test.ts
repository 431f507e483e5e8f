// The shop's business time zone (config.json store.timeZone) through the whole host: read once by
// main/host.ts and handed to printing (receipts, printed reports), receipt search (sale.history's days) and
// the report exports. A cash sale at 23:30 UTC on 10 March is on the 10th in London (GMT then) and on the
// 11th, 07:30, in the default zone (Asia/Shanghai): each path must show the configured zone's date.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../main/api/contract';
import { DEMO } from '../../main/catalog/demo';
import { CONFIG_FILE, DEFAULT_CONFIG } from '../../main/config/config';
import { createHost } from '../../main/host';
import type { Host } from '../../main/host-types';
import {
  createEmulatedPrinterPort,
  type EmulatedPrinterPort,
} from '../../main/printing/queue/emulated-printer';
import { cleanup, tempDir } from '../support/temp-host';
import { call } from '../support/host-call';

const SALE_AT = Date.parse('2026-03-10T23:30:00.000Z');
const LONDON = 'Europe/London';
const hosts: Host[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  await cleanup();
});

interface Till {
  readonly h: Host;
  readonly port: EmulatedPrinterPort;
  readonly dataDir: string;
}

/** A training till whose clock starts at SALE_AT; config.json names `timeZone`, or none (an older file). */
async function till(timeZone: string | null): Promise<Till> {
  const dataDir = tempDir('pos-host-tz-');
  if (timeZone !== null) {
    const config = { ...DEFAULT_CONFIG, store: { ...DEFAULT_CONFIG.store, timeZone } };
    fs.writeFileSync(path.join(dataDir, CONFIG_FILE), JSON.stringify(config, null, 2));
  }
  const started = Date.now();
  const port = createEmulatedPrinterPort();
  const h = await createHost({
    dataDir,
    log: () => undefined,
    clock: () => new Date(SALE_AT + (Date.now() - started)),
    printer: port,
    printBackoff: { baseMs: 5, capMs: 20 },
  });
  hosts.push(h);
  return { h, port, dataDir };
}

async function sell(h: Host): Promise<Output<'sale.tenderCash'>> {
  const cart = await call(h, 'cart.scan', { code: DEMO.cola.barcode });
  return call(h, 'sale.tenderCash', {
    cartId: cart.cartId,
    cartVersion: cart.version,
    tenderedMinor: 10_000,
  });
}

/** What the printer printed once the queue is empty (the worker runs on real timers here). */
async function paper(t: Till): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const s = await call(t.h, 'printer.status', {});
    if (s.queue.waiting === 0 && s.queue.printing === 0) return t.port.printer.renderText();
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the print queue did not drain');
}

/** The receipt numbers sale.history finds for one shop day. */
async function onDay(h: Host, day: string): Promise<string[]> {
  return (await call(h, 'sale.history', { from: day, to: day })).map((s) => s.receiptNo);
}

describe("the shop's business time zone through the host: Europe/London configured", () => {
  it('the receipt of a sale at 23:30 UTC is dated 10 March 23:30', async () => {
    const t = await till(LONDON);
    const sale = await sell(t.h);
    expect(sale.completedAt.slice(0, 16)).toBe('2026-03-10T23:30');
    expect(await paper(t)).toMatch(/2026-03-10 23:30/);
  });

  it("receipt search's day filter finds the sale on the 10th, not the 11th", async () => {
    const t = await till(LONDON);
    const sale = await sell(t.h);
    expect(await onDay(t.h, '2026-03-10')).toEqual([sale.receiptNo]);
    expect(await onDay(t.h, '2026-03-11')).toEqual([]);
  });

  it('the printed X report is dated 10 March', async () => {
    const t = await till(LONDON);
    await sell(t.h);
    const before = (await paper(t)).length;
    await call(t.h, 'report.print', {});
    const report = (await paper(t)).slice(before);
    expect(report).toMatch(/2026-03-10 23:3\d/);
    expect(report).not.toContain('2026-03-11');
  });

  it("the X report's CSV export is dated 10 March", async () => {
    const t = await till(LONDON);
    await sell(t.h);
    const file = await call(t.h, 'report.export', { format: 'csv' });
    const csv = fs.readFileSync(file.path, 'utf8');
    expect(csv).toMatch(/2026-03-10 23:3\d/);
    expect(csv).not.toContain('2026-03-11');
  });
});

describe("the shop's business time zone through the host: none configured (an older config.json)", () => {
  it('the same instant is 11 March 07:30 (Asia/Shanghai) on the receipt, in search, on the X and in its CSV', async () => {
    const t = await till(null);
    const sale = await sell(t.h);
    expect(await paper(t)).toMatch(/2026-03-11 07:30/);

    expect(await onDay(t.h, '2026-03-11')).toEqual([sale.receiptNo]);
    expect(await onDay(t.h, '2026-03-10')).toEqual([]);

    const before = t.port.printer.renderText().length;
    await call(t.h, 'report.print', {});
    expect((await paper(t)).slice(before)).toMatch(/2026-03-11 07:3\d/);

    const file = await call(t.h, 'report.export', { format: 'csv' });
    expect(fs.readFileSync(file.path, 'utf8')).toMatch(/2026-03-11 07:3\d/);
  }, 60_000);
});
