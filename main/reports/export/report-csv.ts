// An X or Z report as CSV: one figure per row under a section column, an item column and a value column, in
// the report's locale (the labels of the printout: main/printing/report-sections.ts). UTF-8 with a BOM, so
// Excel opens Chinese labels as Chinese rather than as a code page's mojibake. Amounts are plain decimals
// ("1234.50"), which a spreadsheet reads as numbers.
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../api/contract';
import type { ReportView } from '../../api/contract/reports';
import { reportTables, type ReportSection } from '../../printing/report-sections';
import { reportLabels } from '../../printing/report-labels';

export interface ReportCsvOptions {
  /** IANA zone the times are given in (the host passes the shop's); default as report-sections.ts */
  readonly timeZone?: string;
}

type Cell = string;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is quoted as text with a leading
 * apostrophe: a sign-off note is typed by staff. Negative amounts stay numbers.
 */
function safe(cell: Cell): Cell {
  if (/^-\d+(\.\d+)?$/.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * A section's rows, one figure each. An indented row (a cashier's returns, a shift's float) is named after the
 * row it belongs to; a row with several columns gives one row per column ("现金 / 笔数", "现金 / 金额").
 */
function sectionRows(s: ReportSection): Cell[][] {
  const out: Cell[][] = [];
  let parent = '';
  for (const r of s.rows) {
    const indented = r.label.startsWith(' ');
    const label = indented && parent !== '' ? `${parent} / ${r.label.trim()}` : r.label.trim();
    if (!indented) parent = r.label.trim();
    if (s.columns.length === 0 || r.note === true) {
      out.push([s.title, label, r.values.join(' ')]);
      continue;
    }
    r.values.forEach((v, i) => {
      if (v !== '') out.push([s.title, `${label} / ${s.columns[i] ?? ''}`, v]);
    });
  }
  return out;
}

/** `report` as CSV text (with its BOM), in `locale`. */
export function reportCsv(report: ReportView, locale: Locale, opts: ReportCsvOptions = {}): string {
  const tables = reportTables(report, { locale, timeZone: opts.timeZone });
  const l = reportLabels(locale);
  const header = tables.sections[0]?.title ?? '';
  const records: Cell[][] = [
    [header, l.reportType, tables.title],
    [header, tables.store.label, tables.store.values.join(' ')],
    ...tables.sections.flatMap(sectionRows),
  ];
  return stringify(
    records.map((r) => r.map(safe)),
    { bom: true, header: true, columns: [...l.csvColumns], record_delimiter: 'windows' },
  );
}
