// Writing a report as a file under the data folder's exports/: CSV or PDF in the till's language (the
// renderers are main/reports/export/, injected by the host). A Z's file is named by its number, an X's by the
// moment it was taken, so an export never overwrites another report's; the file appears whole or not at all
// (main/store/export-file.ts).
import type { ExportFormat, ReportView } from '../api/contract/reports';
import type { Locale } from '../api/contract';
import { writeExportFile } from '../store/export-file';
import type { ReportExporter } from './report-service';

export interface ReportRenderers {
  readonly csv: (report: ReportView, locale: Locale) => string;
  readonly pdf: (report: ReportView, locale: Locale) => Promise<Uint8Array>;
}

/** `Z-000012-T01.csv`, `X-T01-20261206T101500Z.pdf` */
export function exportFileName(report: ReportView, format: ExportFormat): string {
  const at = report.takenAt.replace(/[-:]/g, '').replace(/\.\d+/, '');
  const name =
    report.zNo === null
      ? `X-${report.terminalId}-${at}`
      : `Z-${String(report.zNo).padStart(6, '0')}-${report.terminalId}`;
  return `${name}.${format}`;
}

export function createReportExporter(d: {
  readonly dataDir: string;
  readonly locale: () => Locale;
  readonly render: ReportRenderers;
}): ReportExporter {
  return async (report, format) => {
    const locale = d.locale();
    const bytes =
      format === 'csv'
        ? Buffer.from(d.render.csv(report, locale), 'utf8')
        : await d.render.pdf(report, locale);
    return writeExportFile(d.dataDir, exportFileName(report, format), bytes);
  };
}
