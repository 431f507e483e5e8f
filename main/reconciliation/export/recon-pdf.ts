// A day's reconciliation as an A4 landscape PDF (the differences table is wide): the title, then the tables of
// recon-tables.ts, each cell wrapped in its column, columns sized by what they hold. Set in the bundled Noto
// Sans SC cut the report PDF uses (main/reports/export/report-pdf.ts), so Chinese prints without a system font.
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
  doc.font(font).fontSize(BODY);
  const height = Math.max(
    ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? 0) - PAD })),
  );
  room(p, height + 2);
  let x = MARGIN;
  cells.forEach((c, i) => {
    doc.text(c, x, p.y, { width: (widths[i] ?? 0) - PAD });
    x += widths[i] ?? 0;
  });
  p.y += height + 2;
}

function table(p: Page, t: ReconTable): void {
  const { doc } = p;
  room(p, 44); // a heading never ends a page alone
  p.y += 8;
  doc.font(BOLD).fontSize(12).text(t.title, MARGIN, p.y);
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
  const p: Page = { doc, y: MARGIN };
  doc.font(BOLD).fontSize(18).text(t.title, MARGIN, p.y);
  p.y = doc.y + 4;
  for (const s of t.tables) table(p, s);
  doc.end();
  return done;
}
