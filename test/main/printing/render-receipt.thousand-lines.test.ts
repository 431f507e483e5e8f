// A 1,000-line sale end to end: laid out for 80 mm paper, encoded in text mode (cn-80, GB18030) and printed
// on the emulated printer, whose decoded roll holds every one of the 1,000 items and the total; and encoded
// in raster mode, where every page goes out as ceil(height / 255) `GS v 0` bands of at most 255 rows.
import { describe, expect, it } from 'vitest';
import { cashTenderView } from '../../../main/sale/tenders';
import type { SaleView } from '../../../main/api/contract';
import { createEmulatedPrinterPort } from '../../../main/printing/queue/emulated-printer';
import { rasterReceiptJob } from '../../../main/printing/raster/raster-job';
import type { ReceiptStore } from '../../../main/printing/receipt-input';
import { layoutReceipt } from '../../../main/printing/receipt-layout';
import { renderReceipt } from '../../../main/printing/render-receipt';
import type { PricingLineInput } from '../../../main/sale/pricing';
import { priceCart } from '../../../main/sale/pricing';
import { decodeEscPos } from '../../../native/escpos/decoder';
import { MAX_BAND_ROWS } from '../../../native/escpos/encode/raster';
import { findProfile } from '../../../native/escpos/encode/profiles';

const N = 1_000;
const tag = (i: number): string => `#${String(i + 1).padStart(4, '0')}`;

const store: ReceiptStore = {
  name: '示范便利店',
  nameEn: 'Demo Convenience Store',
  address: null,
  taxNumber: null,
  terminalId: 'T01',
};

function bigSale(): SaleView {
  const inputs: PricingLineInput[] = Array.from({ length: N }, (_, i) => ({
    lineId: `l${i}`,
    productId: `p${i}`,
    sku: `SKU${i}`,
    name: `测试商品${tag(i)}`,
    nameEn: `Test item ${tag(i)}`,
    unit: 'each',
    qtyMilli: 1000 * (1 + (i % 3)),
    unitPriceMinor: 100 + ((i * 37) % 900),
    taxCategoryId: i % 2 ? 'vat13' : 'vat9',
    taxRateBp: i % 2 ? 1300 : 900,
    discount: null,
  }));
  const names = new Map([
    ['vat13', { name: '标准税率', nameEn: 'Standard rate' }],
    ['vat9', { name: '低税率', nameEn: 'Reduced rate' }],
  ]);
  const priced = priceCart(inputs, null, { currency: 'CNY', mode: 'inclusive', rounding: 'line' }, names);
  const total = priced.totals.totalMinor;
  return {
    saleId: 'sale-big',
    receiptNo: 'T01-001000',
    completedAt: '2026-11-25T02:15:30Z',
    training: false,
    currency: 'CNY',
    lines: priced.lines,
    orderDiscount: null,
    totals: priced.totals,
    tenders: [cashTenderView(total, total)],
  };
}

const sale = bigSale();
const receipt = { locale: 'zh-CN', copy: false, lookupUrl: null, timeZone: 'Asia/Shanghai' } as const;
/** 10,956.79: how receipts print amounts (thousands grouped). */
const major = (minor: number): string =>
  (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('a 1,000-line receipt', () => {
  it('text mode (cn-80): the emulated printer prints all 1,000 items and the total', async () => {
    const profile = findProfile('cn-80');
    if (!profile) throw new Error('cn-80');
    const bytes = renderReceipt({ sale, store, receipt }, { profile, mode: 'text', drawer: null });
    const port = createEmulatedPrinterPort();
    expect(await port.print(bytes)).toEqual({ ok: true });
    expect(port.printer.problems).toEqual([]);

    const lines = port.printer.renderText().split('\n');
    const found = new Set<string>();
    for (const l of lines) for (const m of l.matchAll(/测试商品(#\d{4})/g)) found.add(m[1] as string);
    expect(found.size).toBe(N);
    for (let i = 0; i < N; i++) expect(found.has(tag(i))).toBe(true);
    const totalLine = lines.find((l) => l.startsWith('合计'));
    expect(sale.totals.totalMinor).toBeGreaterThanOrEqual(1_000_00); // big enough to need a thousands separator
    expect(totalLine?.endsWith(`￥${major(sale.totals.totalMinor)}`)).toBe(true);
    expect(port.printer.roll.filter((i) => i.kind === 'cut')).toHaveLength(1);
  });

  it('raster mode: each page goes out as ceil(height / 255) bands, none taller than 255 rows', () => {
    const profile = findProfile('epson-80');
    if (!profile) throw new Error('epson-80');
    const doc = layoutReceipt(sale, store, {
      widthColumns: 48,
      locale: 'zh-CN',
      copy: false,
      lookupUrl: null,
      timeZone: 'Asia/Shanghai',
      fullWidthYen: true,
    });
    const job = rasterReceiptJob(doc, profile);
    expect(job.missing).toEqual([]);
    expect(job.pages.length).toBeGreaterThanOrEqual(1);
    // 1,000 items of two lines each cannot fit in a few bands: this is the case the 255-row limit is for.
    expect(job.pages.reduce((h, p) => h + p.height, 0)).toBeGreaterThan(1_000 * 2 * 20);

    const events = decodeEscPos(job.bytes);
    expect(events.filter((e) => ['error', 'unknown', 'truncated'].includes(e.type))).toEqual([]);
    // Bands per page: the images between one cut and the next.
    const pages: { bands: number; rows: number; tallest: number }[] = [];
    let current = { bands: 0, rows: 0, tallest: 0 };
    for (const e of events) {
      if (e.type === 'rasterImage') {
        expect(e.widthBytes).toBe(profile.widthDots / 8);
        expect(e.data.length).toBe(e.widthBytes * e.height);
        current.bands++;
        current.rows += e.height;
        current.tallest = Math.max(current.tallest, e.height);
      } else if (e.type === 'cut' && current.bands > 0) {
        pages.push(current);
        current = { bands: 0, rows: 0, tallest: 0 };
      }
    }
    if (current.bands > 0) pages.push(current);
    expect(pages).toHaveLength(job.pages.length);
    job.pages.forEach((page, i) => {
      expect(pages[i]).toEqual({
        bands: Math.ceil(page.height / MAX_BAND_ROWS),
        rows: page.height,
        tallest: Math.min(page.height, MAX_BAND_ROWS),
      });
    });
    expect(MAX_BAND_ROWS).toBe(255);
  });
});
