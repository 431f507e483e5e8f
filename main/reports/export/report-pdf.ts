// An X or Z report as an A4 PDF: the title, the store and the report's sections as tables (labels left, value
// columns right-aligned), in the report's locale, the same tables as the printout and the CSV
// (main/printing/report-sections.ts). Set in the bundled Noto Sans SC cut (the raster receipts' font), so
// Chinese prints without a system font; pdfkit's built-in Helvetica (and its AFM data files) is never loaded.
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../api/contract';
import type { ReportView } from '../../api/contract/reports';
import { FONT_FILES, defaultFontDir } from '../../printing/raster/font-files';
import { TRAINING_MARK } from '../../printing/receipt-labels';
import { reportTables, type ReportRow, type ReportSection } from '../../printing/report-sections';

export interface ReportPdfOptions {
  /** IANA zone the times are given in (the host passes the shop's); default as report-sections.ts */
  readonly timeZone?: string;
  /** the fonts folder (a packaged app's resources/fonts); default: the checkout's */
  readonly fontDir?: string;
}

const MARGIN = 50;
const VALUE_WIDTH = 90;
const BODY = 9.5;
const GAP = 3;

interface Page {
  readonly doc: PDFKit.PDFDocument;
  y: number;
}

const REGULAR = 'regular';
const BOLD = 'bold';

/** Starts a new page when `height` more points do not fit on this one. */
function room(p: Page, height: number): void {
  if (p.y + height <= p.doc.page.height - MARGIN) return;
  p.doc.addPage();
  p.y = MARGIN;
}

/** One table row: the label wrapped in what the value columns leave, each value right-aligned in its column. */
function tableRow(p: Page, r: ReportRow, columns: number, font: string): void {
  const { doc } = p;
  const right = doc.page.width - MARGIN;
  const valueColumns = Math.max(columns, 1);
  const labelWidth = right - MARGIN - valueColumns * VALUE_WIDTH;
  doc.font(font).fontSize(BODY);
  const label = r.label.trimStart();
  const indent = r.label.length - label.length > 0 ? 12 : 0;
  const height = doc.heightOfString(label || ' ', { width: labelWidth - indent });
  room(p, height + GAP);
  doc.text(label, MARGIN + indent, p.y, { width: labelWidth - indent });
  r.values.forEach((v, i) => {
    const x = right - (valueColumns - i) * VALUE_WIDTH;
    doc.text(v, x, p.y, { width: VALUE_WIDTH, align: 'right', lineBreak: false });
  });
  p.y += height + GAP;
}

/** Free text (a sign-off note) across the page under its label. */
function note(p: Page, r: ReportRow): void {
  const { doc } = p;
  const width = doc.page.width - 2 * MARGIN - 12;
  const body = `${r.label.trim()}: ${r.values.join(' ')}`;
  doc.font(REGULAR).fontSize(BODY);
  const height = doc.heightOfString(body, { width });
  room(p, height + GAP);
  doc.text(body, MARGIN + 12, p.y, { width });
  p.y += height + GAP;
}

function section(p: Page, s: ReportSection): void {
  const { doc } = p;
  room(p, 40); // a heading never ends a page alone
  p.y += 8;
  doc.font(BOLD).fontSize(12).text(s.title, MARGIN, p.y);
  p.y += doc.currentLineHeight() + 2;
  doc
    .moveTo(MARGIN, p.y)
    .lineTo(doc.page.width - MARGIN, p.y)
    .lineWidth(0.5)
    .stroke();
  p.y += 4;
  if (s.columns.length > 0) tableRow(p, { label: '', values: s.columns }, s.columns.length, BOLD);
  for (const r of s.rows) {
    if (r.note === true) note(p, r);
    else tableRow(p, r, s.columns.length, REGULAR);
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/** `report` as the bytes of an A4 PDF, in `locale`. */
export function reportPdf(
  report: ReportView,
  locale: Locale,
  opts: ReportPdfOptions = {},
): Promise<Uint8Array> {
  const fontDir = opts.fontDir ?? defaultFontDir();
  const tables = reportTables(report, { locale, timeZone: opts.timeZone });
  const regular = path.join(fontDir, FONT_FILES.regular);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: regular,
    // Dated by the report, not by the export: the same report exports to the same bytes.
    info: { Title: `${tables.title} ${report.zNo ?? ''}`.trim(), CreationDate: new Date(report.takenAt) },
  });
  const done = collect(doc);
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, path.join(fontDir, FONT_FILES.bold));
  const p: Page = { doc, y: MARGIN };
  if (report.training) {
    doc.font(BOLD).fontSize(12).text(TRAINING_MARK, MARGIN, p.y, { align: 'center' });
    p.y = doc.y + 6;
  }
  doc.font(BOLD).fontSize(18).text(tables.title, MARGIN, p.y);
  p.y = doc.y + 2;
  doc.font(REGULAR).fontSize(12).text(report.storeName, MARGIN, p.y);
  p.y = doc.y + 4;
  for (const s of tables.sections) section(p, s);
  doc.end();
  return done;
}
