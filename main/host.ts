// Composition root: builds the whole service graph from config + injected ports. The Electron shell and the
// web host both call createHost(); tests do too. Nothing here imports Electron.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { IdTechHidReader } from '../native/card/idtech';
import type { MonoBitmap } from '../native/escpos/encode/raster';
import type { EventName, Events, PaymentsStatusView } from './api/contract';
import { PosFailure } from './api/result';
import { appendJournal } from './audit/journal';
import { verifyJournalAtStartup } from './audit/start-check';
import { createCatalogSearch } from './catalog/search';
import { createCatalogImporter } from './catalog/importer';
import { seedDemoCatalog } from './catalog/demo';
import { syncTaxCategories } from './catalog/tax-categories';
import { DEFAULT_TAX_CATEGORIES, loadConfig, type PosConfig } from './config/config';
import { createDispatcher, type Handlers, type Logger } from './ipc/dispatcher';
import type { EventListener, Host, HostOptions } from './host-types';
import { createCartRepo } from './sale/cart-repo';
import { createCartService } from './sale/cart-service';
import { createSaleCatalog } from './sale/sale-catalog';
import { approvedBy, createApprovals } from './staff/approvals';
import { createOperatorRepo } from './staff/operator-repo';
import { TRAINING_MANAGER, trainingManager } from './staff/training-staff';
import { createSaleRepo } from './sale/sale-repo';
import { createCashTender } from './sale/tender-cash';
import { createSaleWriter } from './sale/write-sale';
import { createPaymentsRuntime } from './payments/payments-runtime';
import { createRefundRepo } from './refunds/refund-repo';
import { createRefundService } from './refunds/refund-service';
import { createNoSaleDrawer } from './printing/drawer/no-sale';
import type { Backoff } from './printing/queue/backoff';
import { createEmulatedPrinterPort, isEmulatedPort } from './printing/queue/emulated-printer';
import { createJobRepo, type PrintJob } from './printing/queue/job-repo';
import type { PrinterPort, Timers } from './printing/queue/ports';
import { resolvePrinterSettings } from './printing/queue/printer-config';
import { connectConfiguredPrinter } from './printing/queue/printer-connection';
import { loadStoreLogo } from './printing/logo';
import { createJobRenderer } from './printing/queue/render-job';
import { createReceiptImages } from './printing/queue/receipt-image';
import { createReprints } from './printing/queue/reprint';
import { createPrintWorker, statusDetail } from './printing/queue/worker';
import { createPreferences } from './settings/preferences';
import { createStatusService } from './status/status-service';
import { storageStatus } from './status/storage-status';
import { BACKUP_DIR } from './store/files';
import { createMaintenance, type MaintenanceReport } from './store/maintenance';
import { timeOrderedId } from './store/ids';
import { openStore, storeHoldsSales } from './store/open-store';
import { startIdleMaintenance } from './store/idle-maintenance';
import { printJobRetention } from './printing/queue/retention';
import { outboxRetention } from './sync/retention';
import { createOutboxRepo } from './sync/outbox-repo';
import { cartCompaction } from './sale/cart-compaction';
import { receiptSearchMerge } from './sale/receipt-search-merge';
import { runJob } from './workers/run-job';
import { journalCheckpointTask } from './audit/checkpoint-task';

const consoleLog: Logger = (level, message, fields) => {
  const line = JSON.stringify({ t: new Date().toISOString(), level, message, ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
};

/** Printing ports, injected by a shell (the real printer client) or a test (an emulated printer, fast timers). */
export interface PrintingOptions {
  /** The receipt printer. Default: the in-process emulated printer in training mode, none otherwise. */
  readonly printer?: PrinterPort;
  readonly printTimers?: Timers;
  readonly printBackoff?: Backoff;
  /**
   * Opens the encrypting card reader configured as `cardReader.kind = idtech-hid`. Default: through node-hid.
   * Tests pass the ID TECH emulator behind the real driver.
   */
  readonly openCardReader?: () => Promise<IdTechHidReader>;
}

export async function createHost(options: HostOptions & PrintingOptions): Promise<Host> {
  const now = options.clock ?? (() => new Date());
  const log = options.log ?? consoleLog;

  fs.mkdirSync(options.dataDir, { recursive: true });
  const config = loadConfig(
    options.dataDir,
    options.trainingMode === undefined ? {} : { trainingMode: options.trainingMode },
    { holdsSales: () => storeHoldsSales(options.dataDir) },
  );
  // The store logo is loaded once, here; a missing or bad file is a warning and receipts print without it.
  const logo = await loadStoreLogo(
    config.store.logoPath,
    resolvePrinterSettings(config.printer).profile.widthDots,
    log,
  );
  const { db, file } = await openStore({
    dataDir: options.dataDir,
    now,
    log,
    ...(options.onStartupProgress ? { onProgress: options.onStartupProgress } : {}),
  });
  try {
    return await buildGraph(db, config, { ...options, now, log, logo, file });
  } catch (e) {
    db.close(); // a half-built host must not keep the database open (and locked) behind a failure screen
    throw e;
  }
}

async function buildGraph(
  db: Database.Database,
  config: PosConfig,
  options: HostOptions &
    PrintingOptions & { now: () => Date; log: Logger; logo: MonoBitmap | null; file: string },
): Promise<Host> {
  const { now, log, logo } = options;
  // Time-ordered ids: rows keyed by them append at the right edge of their B-trees (main/store/ids.ts).
  const newId = (): string => timeOrderedId();
  syncTaxCategories(db, config.taxCategories ?? DEFAULT_TAX_CATEGORIES);
  if (config.trainingMode) seedDemoCatalog(db, now);

  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    for (const l of listeners) l(event, payload);
  };

  const settings = {
    currency: config.currency,
    pricingMode: config.pricingMode,
    taxRounding: config.taxRounding,
    trainingMode: config.trainingMode,
    terminalId: config.store.terminalId,
  };
  const search = createCatalogSearch(db);
  // Imports are checked and written in a worker thread on their own connection to the same file.
  const catalogImporter = createCatalogImporter({
    file: db.name,
    currency: config.currency,
    rules: config.variableMeasureRules,
    now,
  });
  const catalog = createSaleCatalog(db, config.variableMeasureRules);
  const carts = createCartRepo(db, { now, newId });
  const sales = createSaleRepo(db, () => catalog.taxCategoryNames());
  const cart = createCartService({
    db,
    carts,
    catalog,
    settings,
    newId,
    now,
    onChange: (c) => emit('cart', c),
    assertUnlocked: (cartId) => payments.assertCartUnlocked(cartId),
  });
  const printerSettings = resolvePrinterSettings(config.printer);
  const refundRepo = createRefundRepo(db);
  const tenderCash = createCashTender({
    db,
    carts,
    sales,
    catalog,
    settings,
    now,
    newId,
    kickDrawer: printerSettings.kickDrawerOnCash,
    assertCartUnlocked: (cartId) => payments.assertCartUnlocked(cartId),
  });
  const prefs = createPreferences(db, options.locale ?? config.defaultLocale);
  const status = createStatusService(config.trainingMode, (s) => emit('status', s));
  const writer = createSaleWriter({ db, carts, settings, newId });
  // The status bar's payment figures, with the card/QR refunds whose outcome is not known yet counted among
  // what a manager must see (they are listed on the same alerts screen).
  let paymentsFigures: PaymentsStatusView | null = null;
  const openRefunds = db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM refunds WHERE state IN ('sending', 'unknown')`,
  );
  const publishPayments = (): void => {
    // A refund settling after close() (its request was in flight) finds the database gone: nothing to show.
    if (paymentsFigures === null || !db.open) return;
    const refundsOpen = openRefunds.get()?.n ?? 0;
    status.setPayments({ ...paymentsFigures, needsManager: paymentsFigures.needsManager + refundsOpen });
  };
  const payments = await createPaymentsRuntime({
    db,
    dataDir: options.dataDir,
    config,
    carts,
    sales,
    writer,
    catalog,
    settings,
    now,
    newId,
    log,
    onStatus: (state, detail, p) => {
      status.setGateway(state, detail);
      paymentsFigures = p;
      publishPayments();
    },
    onPayment: (p) => emit('payment', p),
    onPaymentError: (e) => emit('paymentError', e),
    ...(options.openCardReader ? { openCardReader: options.openCardReader } : {}),
    ...(options.paymentTuning ? { tuning: options.paymentTuning } : {}),
  });

  // Training mode prints to the in-process emulated printer: a fresh install prints with zero setup.
  const connection = options.printer || config.trainingMode ? null : connectConfiguredPrinter(config.printer);
  const printer =
    options.printer ?? (config.trainingMode ? createEmulatedPrinterPort() : (connection?.port ?? null));
  // Training mode shows on screen what the emulated printer printed (sale.receiptImage).
  const emulated = config.trainingMode && isEmulatedPort(printer) ? printer : null;
  const receiptImages = emulated
    ? createReceiptImages({ port: emulated, widthDots: () => printerSettings.profile.widthDots })
    : null;
  const printJobs = createJobRepo(db);
  const printWorker = createPrintWorker({
    jobs: printJobs,
    printer,
    render: createJobRenderer({
      saleById: (id) => sales.byId(id),
      refundById: (id) => refundRepo.view(id),
      store: {
        name: config.store.name,
        nameEn: config.store.nameEn,
        address: config.store.address ?? null,
        taxNumber: config.store.taxNumber ?? null,
        terminalId: config.store.terminalId,
        logo,
      },
      // Receipts are in the shop's language, whatever the cashier's screen is set to.
      locale: () => config.defaultLocale,
      settings: () => printerSettings,
    }),
    now,
    log,
    ...(options.printTimers ? { timers: options.printTimers } : {}),
    ...(options.printBackoff ? { backoff: options.printBackoff } : {}),
    onStatus: (s) => status.setPrinter(s.state, statusDetail(s)),
    ...(receiptImages ? { onPrinted: (job: PrintJob) => receiptImages.recordPrinted(job) } : {}),
  });
  // After the answer has gone back: the cashier's acknowledgement never waits for queue bookkeeping.
  const wake = (): void =>
    void setImmediate(() => {
      printWorker.kick();
      payments.kick();
    });
  const reprints = createReprints({
    db,
    now,
    saleExists: (id) => sales.byId(id) !== null,
    lastSaleId: () => sales.last()?.saleId ?? null,
    onQueued: wake,
  });
  const operators = createOperatorRepo(db, { now, newId });
  const approvals = createApprovals({
    db,
    operators,
    now,
    ...(config.trainingMode ? { training: trainingManager } : {}),
  });
  const openDrawer = createNoSaleDrawer({ db, now, onQueued: wake });
  const refunds = createRefundService({
    db,
    refunds: refundRepo,
    sales,
    ...payments.access,
    settings,
    now,
    newId,
    onQueued: wake,
    onChange: publishPayments,
  });
  // A refund in flight at the last stop may have gone out: unknown until looked up, in the background.
  const unknownRefunds = refunds.recoverAfterCrash();
  if (unknownRefunds > 0)
    log('warn', 'refunds in flight at the last stop are being looked up', { unknownRefunds });
  const refundTimer = setInterval(() => void refunds.resolveUnknowns().catch(() => undefined), 5_000);
  refundTimer.unref();
  void refunds.resolveUnknowns().catch(() => undefined);
  // A broken chain never stops selling, but the manager must see it: it means the journal was edited. Start-up
  // walks only what follows the verified checkpoint; the whole chain and the whole file are checked in worker
  // threads, daily and on demand (main/store/maintenance.ts), with the verdicts on the status bar.
  const chain = verifyJournalAtStartup(db).verdict;
  if (!chain.ok) log('error', 'journal verification failed', { seq: chain.seq, reason: chain.reason });
  const publishStorage = (r: MaintenanceReport): void => {
    const s = storageStatus(chain, r);
    status.setStorage(s.state, s.detail);
  };
  const maintenance = createMaintenance({
    db,
    file: options.file,
    backupDir: path.join(options.dataDir, BACKUP_DIR),
    now,
    log,
    onReport: publishStorage,
  });
  publishStorage(maintenance.report());

  // A payment that completed a sale queued its receipt and its upload: wake the workers after the answer.
  const after = async <T>(p: Promise<T>): Promise<T> => {
    const r = await p;
    wake();
    return r;
  };

  const handlers: Handlers = {
    'app.bootstrap': () => {
      const c = cart.get();
      return {
        locale: prefs.locale(),
        cardReader: {
          kind: config.trainingMode ? 'training' : (config.cardReader?.kind ?? 'none'),
          widensPciScope: config.cardReader?.kind === 'keyboard-wedge',
        },
        trainingApprover: config.trainingMode
          ? { code: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin }
          : null,
        currency: config.currency,
        store: { name: config.store.name, nameEn: config.store.nameEn, terminalId: config.store.terminalId },
        cart: c,
        lastSale: sales.last(),
        status: status.get(),
      };
    },
    'settings.setLocale': ({ locale }) => ({ locale: prefs.setLocale(locale) }),
    'catalog.search': ({ query, limit }) => search.search(query, limit ?? 20),
    'catalog.importCsv': async ({ csv }) => {
      const report = await catalogImporter.importCsv(csv);
      await search.refreshInSlices(); // a large catalog's index is rebuilt without stopping the till
      return report;
    },
    'cart.get': () => cart.get(),
    'cart.scan': ({ code }) => cart.scan(code),
    'cart.addProduct': ({ productId, qtyMilli }) => cart.addProduct(productId, qtyMilli),
    'cart.setQuantity': ({ lineId, qtyMilli }) => cart.setQuantity(lineId, qtyMilli),
    'cart.removeLine': ({ lineId }) => cart.removeLine(lineId),
    'cart.setLineDiscount': ({ lineId, discount }) => cart.setLineDiscount(lineId, discount),
    'cart.setOrderDiscount': ({ discount }) => cart.setOrderDiscount(discount),
    'cart.clear': () => cart.clear(),
    'sale.tenderCash': (input) => {
      const sale = tenderCash(input);
      wake();
      return sale;
    },
    'sale.get': ({ saleId }) => {
      const sale = sales.byId(saleId);
      if (!sale) throw new PosFailure('NOT_FOUND', `No sale ${saleId}`, { saleId });
      return sale;
    },
    'sale.receiptImage': ({ saleId }) => {
      if (!sales.byId(saleId)) throw new PosFailure('NOT_FOUND', `No sale ${saleId}`, { saleId });
      return { png: receiptImages?.forSale(saleId) ?? null };
    },
    'sale.last': () => sales.last(),
    'sale.reprintLast': () => reprints.reprintLast(),
    'sale.reprint': ({ saleId, approval }) => {
      // Checked before the approval, so a typo'd sale does not cost the manager a PIN attempt.
      if (!sales.byId(saleId)) throw new PosFailure('NOT_FOUND', `No sale ${saleId}`, { saleId });
      return reprints.reprint(saleId, approvals.approve('receipt.reprintAny', approval));
    },
    'sale.history': (q) => sales.history(q),
    'payment.startCard': ({ override, ...input }) =>
      payments.startCard(input, override ? approvals.approve('payments.offlineOverride', override) : null),
    'payment.wedgeSwipe': ({ attemptId, tracks }) => after(payments.wedgeSwipe(attemptId, tracks)),
    'payment.trainingSwipe': ({ attemptId, testCard }) => after(payments.trainingSwipe(attemptId, testCard)),
    'payment.cancel': ({ attemptId }) => payments.cancel(attemptId),
    'payment.get': ({ attemptId }) => payments.get(attemptId),
    'payment.resolve': ({ attemptId }) => after(payments.resolve(attemptId)),
    'payment.recovery': () => payments.recovery(),
    'payment.acknowledge': ({ attemptId, approval }) =>
      payments.acknowledge(attemptId, approvals.approve('payments.acknowledge', approval)),
    'payment.startQr': (input) => after(payments.startQr(input)),
    'refund.prepare': ({ saleId }) => refunds.prepare(saleId),
    'refund.issue': ({ approval, ...req }) =>
      after(refunds.issue(req, () => approvals.approve('refund.issue', approval))),
    'refund.get': ({ refundId }) => refunds.get(refundId),
    'refund.open': () => refunds.open(),
    'refund.resolve': ({ refundId }) => after(refunds.resolve(refundId)),
    'drawer.open': ({ reason, approval }) => openDrawer(reason, approvals.approve('drawer.noSale', approval)),
    'printer.status': () => {
      const s = printWorker.status();
      return {
        state: s.state,
        problem: s.problem,
        queue: { waiting: s.waiting, printing: s.printing },
        lastError: s.lastError,
        drawerOpen: s.drawerSensor,
      };
    },
    'status.get': () => status.get(),
    'store.check': async ({ mode, approval }) => {
      const approver = approvals.approve('store.maintenance', approval);
      db.transaction(() =>
        appendJournal(db, {
          at: now().toISOString(),
          kind: 'store.check-requested',
          ref: null,
          body: { mode: mode ?? 'integrity', approvedBy: approvedBy(approver) },
        }),
      ).immediate();
      return maintenance.runNow(mode ?? 'integrity');
    },
    'store.backup': async ({ approval }) => {
      const approver = approvals.approve('store.maintenance', approval);
      const file = await maintenance.backup();
      db.transaction(() =>
        appendJournal(db, {
          at: now().toISOString(),
          kind: 'store.backup',
          ref: null,
          body: { file: path.basename(file), approvedBy: approvedBy(approver) },
        }),
      ).immediate();
      return { file, bytes: fs.statSync(file).size };
    },
  };
  const dispatch = createDispatcher(handlers, log);
  printWorker.start();
  maintenance.start();
  // WAL checkpoints and retention batches, only while the till is idle (store/idle-maintenance.ts).
  const housekeeping = startIdleMaintenance({
    db,
    file: options.file,
    tasks: [
      printJobRetention(printJobs),
      outboxRetention(createOutboxRepo(db)),
      cartCompaction(db, carts),
      receiptSearchMerge(db),
      journalCheckpointTask(db, (seq, reason) =>
        log('error', 'journal verification failed', { seq, reason }),
      ),
    ],
    checkpoint: () => runJob('store.checkpoint', { file: options.file }),
    now,
    log,
  });

  let closed = false;
  return {
    dispatch: (channel, payload) => {
      if (closed) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'host closed' } });
      housekeeping.touch();
      return dispatch(channel, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      clearInterval(refundTimer);
      await housekeeping.stop();
      await printWorker.stop(); // the step in progress finishes before the database goes away
      await maintenance.stop(); // a check in its worker is stopped; its result is not written
      await payments.close();
      await connection?.close();
      db.close();
    },
  };
}
