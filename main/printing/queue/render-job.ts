// A job's bytes, made at print time (not at enqueue time) from the stored sale, refund or report and the
// CURRENT printer settings: a reprint after the shop changed printers comes out right for the new one, and a
// copy carries the 重印 / COPY mark because the job says so.
import type { Locale, RefundView, SaleView } from '../../api/contract';
import { drawerPulseBytes } from '../../../native/escpos/encode/drawer';
import type { ReceiptStore } from '../receipt-input';
import { renderReceipt, renderRefundSlip, renderReport } from '../render-receipt';
import { storedReport } from './stored-report';
import type { PrintJob } from './job-repo';
import type { PrinterSettings } from '../../config/printer-config';

export interface JobRenderDeps {
  readonly saleById: (id: string) => SaleView | null;
  readonly refundById: (id: string) => RefundView | null;
  readonly store: ReceiptStore;
  readonly locale: () => Locale;
  readonly settings: () => PrinterSettings;
  /** the shop's business time zone (config.json store.timeZone, read once by the host): printed dates */
  readonly timeZone: string;
}

export type JobRenderer = (job: PrintJob) => Uint8Array;

function drawerBytes(settings: PrinterSettings): Uint8Array {
  if (!settings.profile.capabilities.drawer) {
    throw new Error(`printer profile ${settings.profile.id} has no cash-drawer port`);
  }
  return drawerPulseBytes(settings.drawer);
}

/** The completed refund of a 'refund' job: a slip for money not paid back (yet) would be wrong. */
function completedRefund(job: PrintJob, deps: JobRenderDeps): RefundView {
  const refund = job.refundId === null ? null : deps.refundById(job.refundId);
  if (!refund) throw new Error(`refund ${String(job.refundId)} not found`);
  if (refund.state !== 'completed') {
    throw new Error(`refund ${refund.refundNo} is ${refund.state}, not completed: no slip is printed`);
  }
  return refund;
}

export function createJobRenderer(deps: JobRenderDeps): JobRenderer {
  return (job) => {
    const settings = deps.settings();
    const render = { profile: settings.profile, mode: settings.mode, copy: job.copy, drawer: null };
    const { timeZone } = deps;
    if (job.kind === 'drawer') return drawerBytes(settings);
    if (job.kind === 'report') {
      return renderReport({ report: storedReport(job), locale: deps.locale(), timeZone }, render);
    }
    if (job.kind === 'refund') {
      const refund = completedRefund(job, deps);
      return renderRefundSlip({ refund, store: deps.store, locale: deps.locale(), timeZone }, render);
    }
    const sale = job.saleId === null ? null : deps.saleById(job.saleId);
    if (!sale) throw new Error(`sale ${String(job.saleId)} not found`);
    return renderReceipt(
      {
        sale,
        store: deps.store,
        receipt: { locale: deps.locale(), copy: job.copy, lookupUrl: null, timeZone },
      },
      render,
    );
  };
}
