// Assembles the printing capability: the receipt printer (injected, training mode's emulated one, or the
// configured network, USB or usblp printer), the durable print queue and its worker, reprints, the no-sale drawer and, in
// training mode, the pictures of what the emulated printer printed. The worker wakes when work is queued.
import type { SignedInRef } from '../staff/approvals';
import type { MonoBitmap } from '../../native/escpos/encode/raster';
import type { UsbHost } from '../../native/transports/usb-host';
import type { PosConfig } from '../config/config';
import type { Logger } from '../../native/log/logger';
import type { RefundView, SaleView } from '../api/contract';
import type { StatusService } from '../status/status-service';
import type { WorkSignal } from '../store/work-signal';
import type { Database } from '../store/db';
import type { MaintenanceTask } from '../store/idle-maintenance';
import { createNoSaleDrawer } from './drawer/no-sale';
import { loadStoreLogo } from './logo';
import type { Backoff } from './queue/backoff';
import { createEmulatedPrinterPort, isEmulatedPort } from './queue/emulated-printer';
import { createJobRepo, type JobRepo, type PrintJob } from './queue/job-repo';
import type { PrinterPort, Timers } from './queue/ports';
import { resolvePrinterSettings, type PrinterSettings } from '../config/printer-config';
import { connectConfiguredPrinter, type PrinterConnection } from './queue/printer-connection';
import { createReceiptImages, type ReceiptImages } from './queue/receipt-image';
import { createJobRenderer } from './queue/render-job';
import { createReprints, type Reprints } from './queue/reprint';
import { printJobRetention } from './queue/retention';
import type { Attribution } from '../totals/day-totals';
import { createPrintWorker, statusDetail, type PrintWorker } from './queue/worker';

/** Printing ports, injected by a shell (the real printer client) or a test (an emulated printer, fast timers). */
export interface PrinterOptions {
  /** The receipt printer. Default: the in-process emulated printer in training mode, none otherwise. */
  readonly printer?: PrinterPort;
  readonly printTimers?: Timers;
  readonly printBackoff?: Backoff;
  /** The USB bus a configured USB printer is found on (the shells: the `usb` package; tests: FakeWebUsb). */
  readonly usb?: UsbHost | null;
  /** Where usblp device nodes are listed from (default /dev/usb); tests use a folder of their own. */
  readonly usblpDir?: string;
}

export interface PrintingDeps {
  readonly db: Database;
  readonly config: PosConfig;
  readonly sales: { byId(saleId: string): SaleView | null; last(): { readonly saleId: string } | null };
  readonly refunds: { view(refundId: string): RefundView | null };
  readonly status: Pick<StatusService, 'setPrinter'>;
  readonly work: WorkSignal;
  readonly now: () => Date;
  readonly log: Logger;
  readonly options: PrinterOptions;
  /** the shop's business time zone, read once at start (config/time-zone.ts): receipts', slips' and reports' dates */
  readonly timeZone: string;
  /** who is signed in at the till (staff/signed-in.ts), named in the journal of a cashier's reprint */
  readonly signedIn?: () => SignedInRef | null;
  /** the till's shift and signed-in cashier now: no-sales and reprints are counted as theirs */
  readonly attribution?: () => Attribution;
}

export interface Printing {
  readonly jobs: JobRepo;
  readonly worker: PrintWorker;
  readonly reprints: Reprints;
  readonly openDrawer: ReturnType<typeof createNoSaleDrawer>;
  /** training mode only: what the emulated printer printed */
  readonly receiptImages: ReceiptImages | null;
  /** the configured printer's link (outside training, when one is configured), shared with the device tests */
  readonly connection: PrinterConnection | null;
  readonly settings: PrinterSettings;
  /** while the till is idle: finished jobs deleted after 14 days */
  readonly idleTasks: readonly MaintenanceTask[];
  start(): void;
  /** the step in progress finishes, then the printer link is closed */
  stop(): Promise<void>;
}

export async function createPrinting(d: PrintingDeps): Promise<Printing> {
  const { config, options } = d;
  const settings = resolvePrinterSettings(config.printer);
  // The store logo is loaded once; a missing or bad file is a warning and receipts print without it.
  const logo: MonoBitmap | null = await loadStoreLogo(
    config.store.logoPath,
    settings.profile.widthDots,
    d.log,
  );
  // Training mode prints to the in-process emulated printer: a fresh install prints with zero setup.
  const connection =
    options.printer || config.trainingMode
      ? null
      : connectConfiguredPrinter(config.printer, { usb: options.usb });
  const printer =
    options.printer ?? (config.trainingMode ? createEmulatedPrinterPort() : (connection?.port ?? null));
  // Training mode shows on screen what the emulated printer printed (sale.receiptImage).
  const emulated = config.trainingMode && isEmulatedPort(printer) ? printer : null;
  const receiptImages = emulated
    ? createReceiptImages({ port: emulated, widthDots: () => settings.profile.widthDots })
    : null;
  const jobs = createJobRepo(d.db);
  const worker = createPrintWorker({
    jobs,
    printer,
    render: createJobRenderer({
      saleById: (id) => d.sales.byId(id),
      refundById: (id) => d.refunds.view(id),
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
      settings: () => settings,
      timeZone: d.timeZone,
    }),
    now: d.now,
    log: d.log,
    ...(options.printTimers ? { timers: options.printTimers } : {}),
    ...(options.printBackoff ? { backoff: options.printBackoff } : {}),
    onStatus: (s) => d.status.setPrinter(s.state, statusDetail(s)),
    ...(receiptImages ? { onPrinted: (job: PrintJob) => receiptImages.recordPrinted(job) } : {}),
  });
  d.work.subscribe(() => worker.kick());
  const onQueued = (): void => d.work.queued();
  return {
    jobs,
    worker,
    reprints: createReprints({
      db: d.db,
      now: d.now,
      saleExists: (id) => d.sales.byId(id) !== null,
      lastSaleId: () => d.sales.last()?.saleId ?? null,
      onQueued,
      signedIn: d.signedIn,
      attribution: d.attribution,
    }),
    openDrawer: createNoSaleDrawer({ db: d.db, now: d.now, onQueued, attribution: d.attribution }),
    receiptImages,
    connection,
    settings,
    idleTasks: [printJobRetention(jobs)],
    start: () => worker.start(),
    async stop() {
      await worker.stop(); // the step in progress finishes before the database goes away
      await connection?.close();
    },
  };
}
