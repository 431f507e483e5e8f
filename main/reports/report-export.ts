// Writing a report as a file under the data folder's exports/: CSV or PDF in the till's language (the
// renderers are main/reports/export/, injected by the host). A Z's file is named by its number, an X's by the
// moment it was taken, so an export never overwrites another report's; the file appears whole or not at all
// (written beside it, then renamed).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExportFormat, ReportView } from '../api/contract/reports';
import type { Locale } from '../api/contract';
import type { ReportExporter } from './report-service';

export const EXPORT_DIR = 'exports';

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
    const dir = path.join(d.dataDir, EXPORT_DIR);
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, exportFileName(report, format));
    const partial = `${file}.partial`;
    await fs.writeFile(partial, bytes, { mode: 0o600 }); // the shop's figures: the till's user only
    await fs.rename(partial, file);
    return { path: file, bytes: bytes.byteLength };
  };
}
