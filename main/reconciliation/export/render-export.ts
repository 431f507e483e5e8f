// One export rendered to its bytes: the job the host runs in a worker thread ('recon.render', main/jobs/jobs.ts),
// since a busy day's PDF takes longer than the main event loop may be held (bench/reconcile-export.bench.ts).
import type { Locale } from '../../api/contract';
import type { ExportFormat } from '../../api/contract/reports';
import type { ReconExportData } from './recon-tables';

export interface ReconRenderInput {
  readonly data: ReconExportData;
  readonly format: ExportFormat;
  readonly locale: Locale;
  readonly timeZone: string;
  /** resolved on main: a worker of the packaged app does not know the resources folder */
  readonly fontDir?: string;
}

/** Loads only the renderer asked for: each job is a fresh thread, and a CSV needs no pdfkit nor fonts. */
export async function renderReconExport(input: ReconRenderInput): Promise<Uint8Array> {
  const { data, locale, timeZone, fontDir } = input;
  if (input.format === 'csv') {
    const { reconCsv } = await import('./recon-csv');
    return new Uint8Array(Buffer.from(reconCsv(data, { locale, timeZone }), 'utf8'));
  }
  const { reconPdf } = await import('./recon-pdf');
  return reconPdf(data, { locale, timeZone, fontDir });
}
