// Composition root, wiring only: builds each capability in dependency order from config + injected ports,
// joins their handler slices (every contract channel exactly once, checked when compiling), starts what runs
// in the background and stops it again. The Electron shell and the web host both call createHost(); tests do
// too. Nothing here imports Electron, and nothing here decides anything: each rule lives in its capability.
import fs from 'node:fs';
import path from 'node:path';
import { appHandlers } from './app/bootstrap';
import { checkJournal } from './audit/audit-runtime';
import { createJournalVerifier, journalHandlers } from './audit/handlers';
import { createCatalog } from './catalog/catalog-runtime';
import { catalogHandlers } from './catalog/handlers';
import { deviceHandlers } from './devices/handlers';
import { CONFIG_FILE, loadConfig, type PosConfig } from './config/config';
import type { Host, HostOptions } from './host-types';
import { createDispatcher } from './ipc/dispatcher';
import { hostSurface } from './ipc/host-surface';
import type { Logger } from '../native/log/logger';
import { consoleLog } from './ipc/console-log';
import { createEventHub } from './ipc/events';
import { joinHandlers } from './ipc/join-handlers';
import { createAttemptRepo } from './payments/attempts/attempt-repo';
import { createCartLocks } from './payments/cart-locks';
import { paymentHandlers } from './payments/handlers';
import { createPaymentsRuntime, type PaymentsRuntimeOptions } from './payments/payments-runtime';
import { printingHandlers } from './printing/handlers';
import { createPrinting, type PrinterOptions } from './printing/printing-runtime';
import { resolvePrinterSettings } from './config/printer-config';
import { businessTimeZone } from './config/time-zone';
import { refundHandlers } from './refunds/handlers';
import { createRefundRepo } from './refunds/refund-repo';
import { createRefundsRuntime } from './refunds/refunds-runtime';
import { saleHandlers } from './sale/handlers';
import { createSale } from './sale/sale-runtime';
import { createPreferences } from './settings/preferences';
import { journalApprovedAction } from './staff/approved-action';
import { staffHandlers } from './staff/handlers';
import { createStaff } from './staff/staff-runtime';
import type { CartHandoverPort } from './staff/cart-handover';
import { createPaymentsFigures } from './status/payments-figures';
import { createStatusService } from './status/status-service';
import { storagePublisher } from './status/storage-status';
import type { Database } from './store/db';
import { BACKUP_DIR, logDir } from './store/files';
import { storeHandlers } from './health/handlers';
import { startIdleMaintenance } from './store/idle-maintenance';
import { timeOrderedId } from './store/ids';
import { createMaintenance } from './health/maintenance';
import { openStore, storeHoldsSales } from './store/open-store';
import { createWorkSignal } from './store/work-signal';
import { createSyncRuntime } from './sync/sync-runtime';
import { runJob } from './workers/run-job';
import { afterStoreOpens, beforeStoreOpens, type ModeAtStart } from './training/training-start';
import { setupHandlers } from './setup/handlers';
import { createSetupService } from './setup/setup-service';
import { probeGateway } from './setup/gateway-probe';
import { createOperatorRepo } from './staff/operator-repo';
import { cashLimits } from './shifts/cash-limits';
import { shiftHandlers } from './shifts/handlers';
import { createShiftService } from './shifts/shift-service';
import { createTillGate } from './sale/till-gate';
import { DEFAULT_DRAWER } from './api/contract/shifts';
import { reportHandlers } from './reports/handlers';
import { createAutoFetch } from './reconciliation/auto-fetch';
import { dateIn } from './reconciliation/day-window';
import { createReconciliation } from './reconciliation/reconcile-day';
import { reconciliationHandlers } from './reconciliation/handlers';
import { createReconExporter } from './reconciliation/recon-export';
import { defaultFontDir } from './printing/raster/font-files';
import { createReportService } from './reports/report-service';
import { createReportWorker } from './reports/report-worker';
import { createReportExporter } from './reports/report-export';
import { reportCsv } from './reports/export/report-csv';
import { reportPdf } from './reports/export/report-pdf';
import { enqueueReportJob } from './printing/queue/enqueue-report';

/** Device ports, injected by a shell (the real printer client) or a test (emulators, fast timers). */
export type PrintingOptions = PrinterOptions & Pick<PaymentsRuntimeOptions, 'openCardReader'>;
type Wiring = HostOptions &
  PrintingOptions & { now: () => Date; log: Logger; file: string; mode: ModeAtStart };

export async function createHost(options: HostOptions & PrintingOptions): Promise<Host> {
  const { dataDir, trainingMode, onStartupProgress: onProgress } = options;
  const now = options.clock ?? (() => new Date());
  const log = options.log ?? consoleLog;
  fs.mkdirSync(dataDir, { recursive: true });
  // Training and live never mix (main/training/): a pending go-live is carried out first.
  const goLive = await beforeStoreOpens(dataDir, now());
  const fileConfig = loadConfig(dataDir, {}, { holdsSales: () => storeHoldsSales(dataDir) });
  const config = trainingMode === undefined ? fileConfig : { ...fileConfig, trainingMode };
  const store = await openStore({ dataDir, now, log, ...(onProgress ? { onProgress } : {}) });
  const { db, file } = store;
  try {
    const configFile = path.join(dataDir, CONFIG_FILE);
    const mode = afterStoreOpens(db, {
      dataDir,
      configFile,
      config,
      fileTraining: fileConfig.trainingMode,
      isNew: store.migration.from === 0,
      override: trainingMode,
      goLive,
      now: now(),
    });
    return await buildGraph(db, config, { ...options, now, log, file, mode });
  } catch (e) {
    db.close(); // a half-built host must not keep the database open (and locked) behind a failure screen
    throw e;
  }
}

async function buildGraph(db: Database, config: PosConfig, o: Wiring): Promise<Host> {
  const { now, log, file } = o;
  // Time-ordered ids: rows keyed by them append at the right edge of their B-trees (main/store/ids.ts).
  const base = { db, config, now, newId: (): string => timeOrderedId(), log };
  const events = createEventHub();
  const work = createWorkSignal();
  const status = createStatusService(config.trainingMode, events.to('status'));
  const prefs = createPreferences(db, o.locale ?? config.defaultLocale);
  // Signing in hands the cart over: staff declares the port, sale (built below, above staff) provides it.
  const handover: CartHandoverPort = {
    handOver: (from, to) => sale.handover.handOver(from, to),
    announce: () => sale.handover.announce(),
  };
  const till = { terminalId: config.store.terminalId, onSignedIn: status.setSignedIn, handover };
  const staff = createStaff({ ...base, dataDir: o.dataDir, keyProtector: o.pinKeyProtector, till });
  const { approvals } = staff;
  const journal = checkJournal(db, log);
  const onReport = storagePublisher(status, journal.atStart);
  const backupDir = path.join(o.dataDir, BACKUP_DIR);
  const maintenance = createMaintenance({ ...base, file, backupDir, onReport });
  const verifier = createJournalVerifier({ file, onProgress: events.to('journalVerify') });
  const catalog = createCatalog({
    ...base,
    dataDir: o.dataDir,
    seedDemo: o.mode.newTrainingStore,
    onImportProgress: events.to('catalogImport'),
  });
  // Payments lock carts: sale declares the port, payments provide it from the attempts alone.
  const attempts = createAttemptRepo(db, { now });
  const locks = createCartLocks({ db, attempts, onPayment: events.to('payment') });
  const kickDrawerOnCash = resolvePrinterSettings(config.printer).kickDrawerOnCash;
  const shifts = createShiftService({
    ...{ ...base, currency: config.currency, limits: cashLimits(config), approvals },
    signedIn: staff.signedIn.ref,
  });
  // One gate: who may sell, and whose a sale, refund or counted event is (shift and cashier).
  const tillGate = createTillGate({
    training: config.trainingMode,
    signedIn: staff.signedIn.seller, // a locked till has no seller
    openShiftId: () => shifts.openId(DEFAULT_DRAWER),
  });
  // Read once: a zone changed mid-day would move the day's boundaries (config/time-zone.ts).
  const timeZone = businessTimeZone(config);
  const sale = createSale({
    ...{ ...base, locks, kickDrawerOnCash, onCartChange: events.to('cart'), timeZone },
    till: tillGate,
  });
  const { sales, settings, checkout } = sale;
  const refundRepo = createRefundRepo(db);
  const figures = createPaymentsFigures({ status, refunds: refundRepo, storeOpen: () => db.open });
  const payments = await createPaymentsRuntime({
    ...base,
    dataDir: o.dataDir,
    attempts,
    checkout,
    settings,
    onStatus: figures.report,
    onPayment: events.to('payment'),
    onPaymentError: events.to('paymentError'),
    ...(o.openCardReader ? { openCardReader: o.openCardReader } : {}),
    ...(o.paymentTuning ? { tuning: o.paymentTuning } : {}),
  });
  const refunds = createRefundsRuntime({
    ...base,
    ...payments.access,
    refunds: refundRepo,
    sales,
    settings,
    onQueued: work.queued,
    onChange: figures.refresh,
    till: tillGate,
  });
  const printing = await createPrinting({
    ...{ ...base, status, work, options: o, sales, refunds: refundRepo, timeZone },
    signedIn: staff.signedIn.ref,
    attribution: () => tillGate.attribution(), // no-sales and reprints are counted as the till's
  });
  const sync = createSyncRuntime({ ...base, ...payments.sync, work, tuning: o.paymentTuning });
  const reconciliation = createReconciliation({
    ...{ db, now, newId: base.newId, training: config.trainingMode },
    timeZone,
  });
  // After a Z, the closed day's settlement is fetched in the background (reports declare the port).
  const settlementFetch = createAutoFetch({
    ...{ recon: reconciliation, gateway: payments.sync.gateway, log },
    dateOf: (iso) => dateIn(iso, timeZone),
  });
  const reportWorker = createReportWorker(file);
  const reports = createReportService({
    ...{ db, now, approvals, compute: reportWorker.compute },
    enqueue: enqueueReportJob,
    exporter: createReportExporter({
      ...{ dataDir: o.dataDir, locale: prefs.locale },
      render: { csv: (r, l) => reportCsv(r, l, { timeZone }), pdf: (r, l) => reportPdf(r, l, { timeZone }) },
    }),
    till: {
      ...{ terminalId: config.store.terminalId, storeName: config.store.name },
      ...{ currency: config.currency, training: config.trainingMode, timeZone },
    },
    signedInName: () => staff.signedIn.current()?.name ?? null,
    ...(o.onZStep ? { onZStep: o.onZStep } : {}),
    onZClosed: (z) => settlementFetch.dayClosed(z.openedAt, z.takenAt),
  });
  onReport(maintenance.report());

  for (const c of [refunds, printing, sync, maintenance]) c.start();
  // WAL checkpoints and retention batches, only while the till is idle (store/idle-maintenance.ts).
  const housekeeping = startIdleMaintenance({
    db,
    file,
    now,
    log,
    tasks: [...printing.idleTasks, ...sync.idleTasks, ...sale.idleTasks, ...journal.idleTasks],
    checkpoint: () => runJob('store.checkpoint', { file }),
  });

  return hostSurface({
    dispatch: createDispatcher(
      joinHandlers([
        appHandlers({
          config,
          prefs,
          cart: sale.cart.get,
          lastSale: sales.last,
          status: status.get,
          dataDir: o.dataDir,
          log,
          now,
        }),
        catalogHandlers({ catalog, approvals, journal: journalApprovedAction(db, now) }),
        saleHandlers({ ...sale, work, approvals }),
        printingHandlers({ printing, sales, approvals }),
        paymentHandlers({ payments, approvals, work }),
        refundHandlers({ refunds: refunds.service, approvals, work }),
        storeHandlers({ maintenance, approvals, journal: journalApprovedAction(db, now) }),
        journalHandlers({ verifier, approvals, journal: journalApprovedAction(db, now) }),
        staffHandlers(staff),
        shiftHandlers(shifts),
        reportHandlers(reports, work),
        reconciliationHandlers({
          ...{ recon: reconciliation, gateway: payments.sync.gateway, approvals },
          journal: journalApprovedAction(db, now),
          exporter: createReconExporter({
            ...{ dataDir: o.dataDir, locale: prefs.locale, timeZone },
            till: {
              ...{ storeName: config.store.name, terminalId: config.store.terminalId },
              ...{ currency: config.currency, training: config.trainingMode },
            },
            fontDir: defaultFontDir(),
            view: reconciliation.view,
            render: (input) => runJob('recon.render', input),
          }),
        }),
        deviceHandlers({
          ...{ config, printing, approvals, now, usb: o.usb ?? null, usblpDir: o.usblpDir },
          journal: journalApprovedAction(db, now),
          reader: { openCardReader: o.openCardReader },
        }),
        setupHandlers(
          createSetupService({
            ...{ dataDir: o.dataDir, logDir: logDir(o.dataDir), training: o.mode.training, approvals, now },
            journal: journalApprovedAction(db, now),
            operators: createOperatorRepo(db, base),
            restart: o.requestRestart,
            testGateway: (probe) => probeGateway(o.dataDir, now, probe),
          }),
        ),
        { 'status.get': () => status.get() },
      ]),
      log,
    ),
    events,
    onCall: () => housekeeping.touch(),
    // Each finishes its step in progress (a check in its worker is stopped, its result not written).
    stopInOrder: [
      refunds,
      housekeeping,
      catalog,
      printing,
      maintenance,
      verifier,
      sync,
      payments,
      reportWorker,
      settlementFetch,
    ],
    closeStore: () => db.close(),
  });
}
