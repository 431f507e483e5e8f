// A job's bytes, made at print time (not at enqueue time) from the stored sale and the CURRENT printer
// settings: a reprint after the shop changed printers comes out right for the new one, and a copy carries
// the 重印 / COPY mark because the job says so.
import type { Locale, SaleView } from '../../api/contract';
import { drawerPulseBytes } from '../../../native/escpos/encode/drawer';
import type { ReceiptStore } from '../receipt-input';
import { renderReceipt } from '../render-receipt';
import type { PrintJob } from './job-repo';
import type { PrinterSettings } from './printer-config';

export interface JobRenderDeps {
  readonly saleById: (id: string) => SaleView | null;
  readonly store: ReceiptStore;
  readonly locale: () => Locale;
  readonly settings: () => PrinterSettings;
  readonly timeZone?: string;
}

export type JobRenderer = (job: PrintJob) => Uint8Array;

export function createJobRenderer(deps: JobRenderDeps): JobRenderer {
  return (job) => {
    const settings = deps.settings();
    if (job.kind === 'drawer') {
      if (!settings.profile.capabilities.drawer) {
        throw new Error(`printer profile ${settings.profile.id} has no cash-drawer port`);
      }
      return drawerPulseBytes(settings.drawer);
    }
    const sale = job.saleId === null ? null : deps.saleById(job.saleId);
    if (!sale) throw new Error(`sale ${String(job.saleId)} not found`);
    return renderReceipt(
      {
        sale,
        store: deps.store,
        receipt: {
          locale: deps.locale(),
          copy: job.copy,
          lookupUrl: null,
          timeZone: deps.timeZone ?? 'Asia/Shanghai',
        },
      },
      { profile: settings.profile, mode: settings.mode, copy: job.copy, drawer: null },
    );
  };
}
