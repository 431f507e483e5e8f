// A shop on a real SQLite file without the host: catalog, cart, cash tender, the print queue's pieces and an
// emulated printer, with a clock the test moves. `reopen()` is a restart on the same file.
import fs from 'node:fs';
import { afterEach } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { RefundView, SaleView } from '../../../../main/api/contract';
import { DEFAULT_STORE_TIME_ZONE } from '../../../../main/api/contract/settings';
import { seedDemoCatalog } from '../../../../main/catalog/demo';
import { syncTaxCategories } from '../../../../main/catalog/tax-categories';
import { DEFAULT_TAX_CATEGORIES } from '../../../../main/config/config';
import { createJobRepo } from '../../../../main/printing/queue/job-repo';
import type { JobRepo, PrintJob } from '../../../../main/printing/queue/job-repo';
import type { PrinterPort } from '../../../../main/printing/queue/ports';
import { resolvePrinterSettings } from '../../../../main/config/printer-config';
import type { PrinterConfig } from '../../../../main/config/printer-config';
import { createJobRenderer } from '../../../../main/printing/queue/render-job';
import { createPrintWorker } from '../../../../main/printing/queue/worker';
import type { PrintWorker, WorkerDeps } from '../../../../main/printing/queue/worker';
import { createCartRepo } from '../../../../main/sale/cart-repo';
import { createCartService } from '../../../../main/sale/cart-service';
import { createCheckout } from '../../../../main/sale/checkout';
import { createSaleCatalog } from '../../../../main/sale/sale-catalog';
import { createSaleRepo } from '../../../../main/sale/sale-repo';
import type { SaleRepo } from '../../../../main/sale/sale-repo';
import { createCashTender } from '../../../../main/sale/tender-cash';
import type { Database } from '../../../../main/store/db';
import { openStore } from '../../../../main/store/open-store';

export interface Clock {
  now: () => Date;
  advance(ms: number): void;
}

export function manualClock(start = '2026-03-01T02:00:00.000Z'): Clock {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

export interface Shop {
  readonly db: Database;
  readonly dir: string;
  readonly clock: Clock;
  readonly jobs: JobRepo;
  readonly sales: SaleRepo;
  /** What the job renderer's refundById answers (the refund service is not part of this shop). */
  readonly refunds: Map<string, RefundView>;
  /** Scans `codes` and pays cash; the sale, its receipt job (and drawer job) commit together. */
  sell(codes: readonly string[]): SaleView;
  worker(printer: PrinterPort, extra?: Partial<WorkerDeps>): PrintWorker;
  /** Closes the database and opens the same file again (a restart). */
  reopen(): Promise<Shop>;
  close(): void;
  /** Every print job, oldest first: a test's view (the app never reads the whole table). */
  allJobs(): PrintJob[];
}

const dirs: string[] = [];
export function cleanupDirs(): void {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export async function openShop(
  opts: { dir?: string; clock?: Clock; printer?: PrinterConfig; kickDrawer?: boolean } = {},
): Promise<Shop> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pos-print-'));
  if (opts.dir === undefined) dirs.push(dir);
  const clock = opts.clock ?? manualClock();
  const { db } = await openStore({ dataDir: dir, now: clock.now, log: () => undefined });
  syncTaxCategories(db, DEFAULT_TAX_CATEGORIES);
  seedDemoCatalog(db, clock.now);
  const settings = {
    currency: 'CNY',
    pricingMode: 'inclusive',
    taxRounding: 'line',
    trainingMode: false,
    terminalId: 'T01',
  } as const;
  const catalog = createSaleCatalog(db, null);
  const carts = createCartRepo(db, { now: clock.now, newId: randomUUID });
  const sales = createSaleRepo(db, () => catalog.taxCategoryNames());
  const cart = createCartService({ db, carts, catalog, settings, newId: randomUUID, now: clock.now });
  const checkout = createCheckout({
    db,
    carts,
    sales,
    catalog,
    settings,
    now: clock.now,
    newId: randomUUID,
    kickDrawerOnCash: opts.kickDrawer ?? false,
  });
  const tender = createCashTender({ db, checkout });
  const jobs = createJobRepo(db);
  const printerSettings = resolvePrinterSettings(opts.printer);
  const refunds = new Map<string, RefundView>();
  const render = createJobRenderer({
    saleById: (id) => sales.byId(id),
    refundById: (id) => refunds.get(id) ?? null,
    store: { name: '示范便利店', nameEn: 'Demo Store', address: null, taxNumber: null, terminalId: 'T01' },
    locale: () => 'zh-CN',
    settings: () => printerSettings,
    timeZone: DEFAULT_STORE_TIME_ZONE,
  });
  const shop: Shop = {
    db,
    dir,
    clock,
    jobs,
    sales,
    refunds,
    sell(codes) {
      let view = cart.get();
      for (const code of codes) view = cart.scan(code);
      return tender({ cartId: view.cartId, cartVersion: view.version, tenderedMinor: 100_000 });
    },
    worker: (printer, extra = {}) => createPrintWorker({ jobs, printer, render, now: clock.now, ...extra }),
    reopen: async () => {
      db.close();
      return openShop({ ...opts, dir, clock });
    },
    close: () => {
      if (db.open) db.close();
    },
    allJobs: () =>
      (db.prepare(`SELECT id FROM print_jobs ORDER BY id`).all() as { id: number }[]).map(
        ({ id }) => jobs.byId(id) as PrintJob,
      ),
  };
  return shop;
}

/** Runs `worker.step()` until the queue is empty or `max` steps, moving the clock past each wait. */
export async function drain(shop: Shop, worker: PrintWorker, max = 20): Promise<void> {
  for (let i = 0; i < max && shop.jobs.head() !== null; i++) {
    const wait = await worker.step();
    if (wait !== null && wait > 0) shop.clock.advance(wait);
  }
}

/** `shop()` for a test file: every shop it opens is closed, and the folders removed, after each test. */
export function shopsClosedAfterEach(): (opts?: Parameters<typeof openShop>[0]) => Promise<Shop> {
  const shops: Shop[] = [];
  afterEach(() => {
    for (const s of shops.splice(0)) s.close();
    cleanupDirs();
  });
  return async (opts = {}) => {
    const s = await openShop(opts);
    shops.push(s);
    return s;
  };
}
