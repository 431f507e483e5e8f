// A day's reconciliation as an A4 landscape PDF (the differences table is wide): the title, then the tables of
// recon-tables.ts, each cell wrapped in its column, columns sized by what they hold. Set in the bundled Noto
// Sans SC cut the report PDF uses (main/reports/export/report-pdf.ts), so Chinese prints without a system font.
// Fast on a busy day (2,000 differences, bench/reconcile-export.bench.ts): each distinct string is measured once
// per font (a day repeats its labels, times and names), a cell that fits its column is set as one line with no
// line wrapper, and only a cell too wide for its column (a long note) is wrapped and measured by pdfkit.
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { FONT_FILES, defaultFontDir } from '../../printing/raster/font-files';
import { reconTables, type ReconExportData, type ReconTable, type ReconTableOptions } from './recon-tables';

export interface ReconPdfOptions extends Omit<ReconTableOptions, 'forCsv'> {
  /** the fonts folder (a packaged app's resources/fonts); default: the checkout's */
  readonly fontDir?: string;
}

const MARGIN = 40;
const BODY = 8.5;
const PAD = 4;
const REGULAR = 'regular';
const BOLD = 'bold';

interface Page {
  readonly doc: PDFKit.PDFDocument;
  y: number;
  /** the font set now (setting it again per cell costs more than the cell) */
  font: string;
  /** font + string -> its width at BODY size; font + column width + string -> its wrapped height */
  readonly measured: Map<string, number>;
}

function setFont(p: Page, font: string): void {
  if (p.font === font) return;
  p.doc.font(font).fontSize(BODY);
  p.font = font;
}

function measure(p: Page, key: string, fn: () => number): number {
  const k = `${p.font}\u0000${key}`;
  let v = p.measured.get(k);
  if (v === undefined) {
    v = fn();
    p.measured.set(k, v);
  }
  return v;
}

/** Starts a new page when `height` more points do not fit on this one. */
function room(p: Page, height: number): void {
  if (p.y + height <= p.doc.page.height - MARGIN) return;
  p.doc.addPage();
  p.y = MARGIN;
}

/** A column's share of the width: as wide as its longest cell (a CJK character counts twice), within limits. */
function weights(t: ReconTable): number[] {
  const n = Math.max(t.columns.length, t.rows[0]?.length ?? 0);
  const len = (s: string): number => [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return Array.from({ length: n }, (_, i) =>
    Math.min(28, Math.max(6, len(t.columns[i] ?? ''), ...t.rows.map((r) => len(r[i] ?? '')))),
  );
}

function row(p: Page, cells: readonly string[], widths: readonly number[], font: string): void {
  const { doc } = p;
  setFont(p, font);
  const line = doc.currentLineHeight(true);
  // null: fits on one line; else the wrapped cell's height
  const wrapped = cells.map((c, i) => {
    const width = (widths[i] ?? 0) - PAD;
    if (measure(p, c, () => doc.widthOfString(c)) <= width) return null;
    return measure(p, `${width}\u0000${c}`, () => doc.heightOfString(c, { width }));
  });
  const height = Math.max(line, ...wrapped.map((h) => h ?? 0));
  room(p, height + 2);
  let x = MARGIN;
  cells.forEach((c, i) => {
    if (c !== '') {
      const options = wrapped[i] === null ? { lineBreak: false } : { width: (widths[i] ?? 0) - PAD };
      doc.text(c, x, p.y, options);
    }
    x += widths[i] ?? 0;
  });
  p.y += height + 2;
}

function table(p: Page, t: ReconTable): void {
  const { doc } = p;
  room(p, 44); // a heading never ends a page alone
  p.y += 8;
  doc.font(BOLD).fontSize(12).text(t.title, MARGIN, p.y);
  p.font = '';
  p.y += doc.currentLineHeight() + 2;
  const width = doc.page.width - 2 * MARGIN;
  doc
    .moveTo(MARGIN, p.y)
    .lineTo(MARGIN + width, p.y)
    .lineWidth(0.5)
    .stroke();
  p.y += 4;
  const w = weights(t);
  const total = w.reduce((a, b) => a + b, 0);
  const widths = w.map((x) => (x / total) * width);
  if (t.columns.length > 0) row(p, t.columns, widths, BOLD);
  for (const r of t.rows) row(p, r, widths, REGULAR);
}

async function bytesOf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of doc as AsyncIterable<Buffer>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** `data` as the bytes of an A4 landscape PDF. */
export function reconPdf(data: ReconExportData, o: ReconPdfOptions): Promise<Uint8Array> {
  const fontDir = o.fontDir ?? defaultFontDir();
  const t = reconTables(data, { ...o, forCsv: false });
  const regular = path.join(fontDir, FONT_FILES.regular);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    font: regular,
    // Dated by the day, not by the export: the same reconciliation exports to the same bytes.
    info: { Title: t.title, CreationDate: new Date(`${data.view.day}T00:00:00Z`) },
  });
  const done = bytesOf(doc);
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, path.join(fontDir, FONT_FILES.bold));
  const p: Page = { doc, y: MARGIN, font: '', measured: new Map() };
  doc.font(BOLD).fontSize(18).text(t.title, MARGIN, p.y);
  p.y = doc.y + 4;
  for (const s of t.tables) table(p, s);
  doc.end();
  return done;
}
