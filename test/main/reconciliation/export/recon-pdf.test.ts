// The reconciliation PDF read back with pdf.js (the text a viewer shows): A4 landscape, Chinese and English
// labels with their figures and every difference with its resolution; a busy day flows onto more pages; a long
// note is wrapped whole in its column, and only such cells are measured by pdfkit's line wrapper (what made a
// busy day's PDF take ~11 s).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReconItemView } from '../../../../main/api/contract/reconciliation';
import { reconPdf } from '../../../../main/reconciliation/export/recon-pdf';
import { reconExportData } from '../../../support/recon-export-fixture';

const TZ = 'Asia/Shanghai';

async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string; size: number[] }> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const text: string[] = [];
  let size: number[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    size = page.view.slice(2).map(Math.round);
    text.push((await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await pdf.destroy();
  return { pages: pdf.numPages, text: text.join(' '), size };
}

afterEach(() => vi.restoreAllMocks());

describe('reconPdf', () => {
  it('Chinese: an A4 landscape page with the day, imports, totals, breakdown, cash and every difference', async () => {
    const bytes = await reconPdf(reconExportData(), { locale: 'zh-CN', timeZone: TZ });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    expect(pdf.size).toEqual([842, 595]);
    for (const s of [
      '对账 2026-12-05',
      '好又多便利店',
      '未对平',
      '微信账单-20261205.csv',
      '1234.56',
      '手续费',
      '497.50',
      '未清点',
      '已扣款无销售',
      '转发后被拒',
      '已线上退款',
      '=已退款给顾客',
      '王经理 (900)',
      '2026-12-06 10:15',
    ]) {
      expect(pdf.text).toContain(s);
    }
    // matched items are counted, not listed (the CSV lists them)
    expect(pdf.text).not.toContain('ref-00100');
  });

  it('English labels; 70 differences flow onto more pages; the same day renders to the same bytes', async () => {
    const data = reconExportData(0);
    const many = {
      ...data,
      view: {
        ...data.view,
        items: Array.from({ length: 10 }, (_, k) =>
          data.view.items.map((i) => ({ ...i, id: `${i.id}-${k}` })),
        ).flat(),
      },
    };
    const bytes = await reconPdf(many, { locale: 'en', timeZone: TZ });
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.text).toContain('Declined after forwarding');
    expect(pdf.text).toContain('Charged, no sale');
    const again = await reconPdf(many, { locale: 'en', timeZone: TZ });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a busy day: a long note wraps whole; only cells too wide are wrapped to measure, each once', async () => {
    const data = reconExportData(0);
    const [first] = data.view.items as [ReconItemView];
    const note = Array.from({ length: 12 }, (_, k) => `step-${k} called the acquirer back`).join(', ');
    const resolution = first.resolution && { ...first.resolution, note };
    const items = Array.from({ length: 300 }, (_, k) => ({
      ...first,
      id: `busy-${k}`,
      reference: `busy-${String(k).padStart(4, '0')}`,
      resolution: k === 7 ? resolution : first.resolution,
    }));
    const heights = vi.spyOn(PDFDocument.prototype, 'heightOfString');
    const bytes = await reconPdf({ ...data, view: { ...data.view, items } }, { locale: 'en', timeZone: TZ });
    // only cells too wide for their column are wrapped to measure, each distinct one once (the old layout
    // measured every cell of every row: ~4,000 here, ~600 without the cache)
    const wrapped = heights.mock.calls.map(([s]) => s);
    expect(wrapped).toContain(note);
    expect(new Set(wrapped).size).toBe(wrapped.length);
    expect(wrapped.length).toBeLessThan(10);
    const text = (await readPdf(bytes)).text.replace(/\s+/g, ' ');
    for (const k of [0, 5, 11]) expect(text).toContain(`step-${k} called`);
    expect(text).toContain('busy-0299');
  });
});
