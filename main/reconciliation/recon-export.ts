// A day's reconciliation written as a file under the data folder's exports/ (main/store/export-file.ts: whole
// or not at all, owner-only), CSV or PDF in the till's language, named by the day and the terminal
// (`recon-2026-12-05-T01.csv`): a later export of the same day replaces the earlier one, now current.
// A day with nothing reconciled (no settlement imported, no item) is refused rather than written empty:
// an empty file would read as "nothing to reconcile", which nobody has checked.
import type { Locale } from '../api/contract';
import type { ReconDayView } from '../api/contract/reconciliation';
import type { ExportFormat, ExportView } from '../api/contract/reports';
import { PosFailure } from '../api/result';
import { writeExportFile } from '../store/export-file';
import type { ReconRenderInput } from './export/render-export';
import type { ReconExportData } from './export/recon-tables';

export interface ReconExporterDeps {
  readonly dataDir: string;
  readonly locale: () => Locale;
  readonly timeZone: string;
  readonly fontDir?: string;
  readonly till: Pick<ReconExportData, 'storeName' | 'terminalId' | 'currency' | 'training'>;
  /** the day as recon.day shows it: each item carries its resolution */
  readonly view: (day: string) => ReconDayView;
  /** renders off the main loop in the host (a worker job); directly in tests */
  readonly render: (input: ReconRenderInput) => Promise<Uint8Array>;
}

export type ReconExporter = (day: string, format: ExportFormat) => Promise<ExportView>;

export const reconExportName = (day: string, terminalId: string, format: ExportFormat): string =>
  `recon-${day}-${terminalId.replace(/[^A-Za-z0-9_-]/g, '_')}.${format}`;

export function createReconExporter(d: ReconExporterDeps): ReconExporter {
  return async (day, format) => {
    const view = d.view(day);
    if (view.imports.length === 0 && view.items.length === 0) {
      throw new PosFailure(
        'NOT_FOUND',
        `nothing reconciled for ${day}: fetch or import its settlement first`,
        {
          day,
        },
      );
    }
    const data: ReconExportData = { ...d.till, view };
    const bytes = await d.render({
      ...{ data, format, locale: d.locale(), timeZone: d.timeZone },
      ...(d.fontDir === undefined ? {} : { fontDir: d.fontDir }),
    });
    return writeExportFile(d.dataDir, reconExportName(day, d.till.terminalId, format), bytes);
  };
}
