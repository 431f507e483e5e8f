// The report's PDF read back with pdf.js (the text a viewer shows): A4, Chinese and English labels with their
// figures, a long report flowing onto more pages, and the same report exporting to the same bytes.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { ShiftFigures } from '../../../../main/api/contract/reports';
import { reportPdf } from '../../../../main/reports/export/report-pdf';
import { CHAIN_SHA256, reportView } from '../../../support/report-fixture';

interface PdfText {
  readonly pages: number;
  /** each page's text, items joined with spaces */
  readonly text: string[];
  readonly size: readonly [number, number];
}

async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const text: string[] = [];
  let size: [number, number] = [0, 0];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [, , w, h] = page.view;
    size = [Math.round(w ?? 0), Math.round(h ?? 0)];
    const content = await page.getTextContent();
    text.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await pdf.destroy();
  return { pages: pdf.numPages, text, size };
}

describe('reportPdf', () => {
  it('Chinese: an A4 page with the sections and their figures', async () => {
    const bytes = await reportPdf(reportView(), 'zh-CN');
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    expect(pdf.size).toEqual([595, 842]);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.pages).toBeLessThanOrEqual(3);
    const all = pdf.text.join(' ');
    for (const s of [
      'Z 报表（日结）',
      '好又多便利店',
      '折前金额',
      '1234.56',
      '净销售额',
      '1189.71',
      '微信支付',
    ]) {
      expect(all).toContain(s);
    }
    for (const s of ['李小红', '890.00', '差异说明: coin roll miscounted at noon', '-2.50', '校验码']) {
      expect(all).toContain(s);
    }
    expect(all).toContain(CHAIN_SHA256.slice(0, 16));
    expect(all).not.toContain(CHAIN_SHA256.slice(0, 17));
  });

  it('English: the labels follow the locale; a training X report says so', async () => {
    const x = reportView({ kind: 'x', zNo: null, chain: null, training: true });
    const all = (await readPdf(await reportPdf(x, 'en'))).text.join(' ');
    for (const s of ['X REPORT', 'Gross', '1234.56', 'Card VISA', 'Total cash variance', '培训 TRAINING']) {
      expect(all).toContain(s);
    }
    expect(all).not.toContain('Chain hash');
    expect(all).not.toMatch(/销售|折前/);
  });

  it('the sales by hour, the voids per cashier and the reconciled dates, in both languages', async () => {
    const en = (await readPdf(await reportPdf(reportView(), 'en'))).text.join(' ');
    for (const s of ['Sales by hour', '12:00', '951.11', 'Voided carts', 'Removed lines']) {
      expect(en).toContain(s);
    }
    expect(en).toMatch(/Reconciled: 2026-11-23 +\(3 resolved\)/);
    const zh = (await readPdf(await reportPdf(reportView(), 'zh-CN'))).text.join(' ');
    for (const s of ['分时销售', '整单作废', '删除商品行', '已对账：2026-11-24', '（处理差异 1 笔）']) {
      expect(zh).toContain(s);
    }
    const none = (await readPdf(await reportPdf(reportView({ hourly: [], reconciledDays: [] }), 'en'))).text;
    expect(none.join(' ')).not.toMatch(/Sales by hour|Reconciled:/);
  });

  it('a day with many shifts flows onto further pages, nothing lost', async () => {
    const base = reportView().shifts[0] as ShiftFigures;
    const shifts = Array.from({ length: 40 }, (_, i) => ({
      ...base,
      shiftId: `s${i}`,
      drawerId: `D${i + 1}`,
    }));
    const pdf = await readPdf(await reportPdf(reportView({ shifts }), 'en'));
    expect(pdf.pages).toBeGreaterThan(3);
    expect(pdf.pages).toBeLessThan(20);
    const all = pdf.text.join(' ');
    expect(all).toContain('Drawer D1 ');
    expect(all).toContain('Drawer D40');
    expect(pdf.text.at(-1)).toContain('Chain hash');
  });

  it('the same report exports to the same bytes', async () => {
    const a = await reportPdf(reportView(), 'zh-CN');
    const b = await reportPdf(reportView(), 'zh-CN');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
