// X / Z report -> printed DOCUMENT, in the receipt's columns, fonts and wrapping (receipt-blocks.ts,
// columns.ts). Pure and deterministic like the receipt: the store name, the big report title, then each
// section of reportTables() as a heading and a table whose value columns line up; a label too long for its
// line wraps and its figures drop to a right-aligned line of their own, as on a receipt. Training and copy
// marks top and bottom, in both languages.
import type { Locale } from '../api/contract';
import type { ReportView } from '../api/contract/reports';
import type { ReceiptBlock, ReceiptDocument } from '../../native/escpos/encode/document';
import { table } from './columns';
import { DOUBLE, marks, rows, storeHeader, text } from './receipt-blocks';
import { receiptLabels } from './receipt-labels';
import { reportTables, type ReportSection } from './report-sections';

export interface ReportLayoutOptions {
  /** font-A columns: 32 on 58 mm paper, 48 on 80 mm */
  readonly widthColumns: 32 | 48;
  readonly locale: Locale;
  /** a reprint (or a job re-sent after an interruption): marked 重印 / COPY */
  readonly copy: boolean;
  /** IANA zone the times are printed in; default the contract's DEFAULT_STORE_TIME_ZONE (report-sections.ts) */
  readonly timeZone?: string;
}

/**
 * A section's heading, then its rows as tables (value columns sharing widths) broken only by notes, which
 * are wrapped prose in their place. Only single-column sections carry notes, and there every value is
 * right-aligned to the edge, so the break costs no alignment.
 */
function section(s: ReportSection, width: number): ReceiptBlock[] {
  const out: ReceiptBlock[] = [{ kind: 'separator', char: '-' }, ...text(s.title, width, { bold: true })];
  let run: (readonly [string, ...string[]])[] = s.columns.length > 0 ? [['', ...s.columns]] : [];
  const flush = (): void => {
    if (run.length > 0) out.push(...rows(table(run, width)));
    run = [];
  };
  for (const r of s.rows) {
    if (r.note !== true) {
      run.push([r.label, ...r.values]);
      continue;
    }
    flush();
    out.push(...text(`${r.label}: ${r.values.join(' ')}`, width));
  }
  flush();
  return out;
}

/** The printout of `report` as typed blocks, laid out for `opts.widthColumns` font-A columns. */
export function layoutReport(report: ReportView, opts: ReportLayoutOptions): ReceiptDocument {
  const width = opts.widthColumns;
  const tables = reportTables(report, { locale: opts.locale, timeZone: opts.timeZone });
  const store = { name: report.storeName, nameEn: null, address: null, taxNumber: null };
  return {
    widthColumns: width,
    blocks: [
      ...marks(report.training, opts.copy, width),
      ...storeHeader(store, receiptLabels(opts.locale), width),
      { kind: 'separator', char: '=' },
      ...text(tables.title, width, { align: 'center', bold: true, size: DOUBLE }),
      ...tables.sections.flatMap((s) => section(s, width)),
      { kind: 'separator', char: '=' },
      ...marks(report.training, opts.copy, width),
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}
