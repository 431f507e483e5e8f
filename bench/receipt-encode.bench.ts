// Issue 3 (10): encoding a typical 20-line receipt — text mode (ESC/POS + GB18030 Chinese mode), raster mode
// (1-bit image, GS v 0) — beside the same Latin content encoded by @point-of-sale/receipt-printer-encoder
// alone, in the same run; and the bytes each mode sends. The sale is priced by the real pricing engine.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { cashTenderView } from '../main/sale/tenders';
import type { SaleView } from '../main/api/contract';
import { DEMO_PRODUCTS, DEMO_TAX_CATEGORIES } from '../main/catalog/demo';
import { documentToText } from '../main/printing/document-text';
import { rasterReceiptJob } from '../main/printing/raster/raster-job';
import { layoutReceipt } from '../main/printing/receipt-layout';
import { priceCart } from '../main/sale/pricing';
import { findProfile } from '../native/escpos/encode/profiles';
import { encodeTextMode } from '../native/escpos/encode/text-mode';
import { percentile, sample, type BenchReport } from './lib';

function typicalSale(locale: 'zh-CN' | 'en'): SaleView {
  const rates = new Map(DEMO_TAX_CATEGORIES.map((t) => [t.id, t.rateBp]));
  const lines = DEMO_PRODUCTS.slice(0, 20).map((p, i) => ({
    lineId: `l${i}`,
    productId: p.sku,
    sku: p.sku,
    // The Latin run gets English names in both fields, so both encoders see the very same text.
    name: locale === 'en' ? p.nameEn : p.name,
    nameEn: p.nameEn,
    unit: p.unit,
    qtyMilli: p.unit === 'kg' ? 1235 : 1000 + (i % 3) * 1000,
    unitPriceMinor: p.priceMinor,
    taxCategoryId: p.taxCategoryId,
    taxRateBp: rates.get(p.taxCategoryId) ?? 0,
    discount: i === 3 ? ({ kind: 'percent', bp: 1000 } as const) : null,
  }));
  const names = new Map(
    DEMO_TAX_CATEGORIES.map((t) => [t.id, { name: locale === 'en' ? t.nameEn : t.name }]),
  );
  const priced = priceCart(lines, null, { currency: 'CNY', mode: 'inclusive', rounding: 'line' }, names);
  const total = priced.totals.totalMinor;
  return {
    saleId: 's1',
    receiptNo: 'T01-000042',
    completedAt: '2026-11-25T10:00:00.000Z',
    training: false,
    currency: 'CNY',
    lines: priced.lines,
    orderDiscount: null,
    totals: priced.totals,
    tenders: [cashTenderView(total, total + 1000)],
  };
}

const store = {
  name: '示范便利店',
  nameEn: 'Demo Convenience Store',
  address: '上海市浦东新区示范路 1 号',
  taxNumber: '91310000MA1FL00000',
  terminalId: 'T01',
};

export default async function run(): Promise<BenchReport> {
  const cn80 = findProfile('cn-80');
  const epson80 = findProfile('epson-80');
  if (!cn80 || !epson80) throw new Error('profiles missing');
  const opts = { widthColumns: 48 as const, copy: false, lookupUrl: 'https://r.example/T01-000042' };
  const zhDoc = layoutReceipt(typicalSale('zh-CN'), store, { ...opts, locale: 'zh-CN' });
  const enDoc = layoutReceipt(
    typicalSale('en'),
    { ...store, name: 'Demo Convenience Store', address: '1 Demo Road' },
    {
      ...opts,
      locale: 'en',
      fullWidthYen: false,
    },
  );
  const enLines = documentToText(enDoc).split('\n');

  const textBytes = encodeTextMode(zhDoc, cn80).length;
  const rasterBytes = rasterReceiptJob(zhDoc, cn80).bytes.length;
  const latinOurs = encodeTextMode(enDoc, epson80).length;
  const libraryOnly = (): Uint8Array => {
    const enc = new ReceiptPrinterEncoder({ columns: 48, newline: '\n' });
    enc.initialize();
    for (const l of enLines) enc.line(l);
    enc.cut();
    return enc.encode();
  };

  const lib = await sample(300, libraryOnly);
  const latin = await sample(300, () => encodeTextMode(enDoc, epson80));
  const text = await sample(300, () => encodeTextMode(zhDoc, cn80));
  const raster = await sample(30, () => rasterReceiptJob(zhDoc, cn80), 3);
  const base = { name: 'receipt-printer-encoder alone, same Latin lines, p50', value: percentile(lib, 50) };
  return {
    name: 'receipt encoding: typical 20-line receipt, 80 mm',
    rows: [
      {
        metric: 'text mode, Latin receipt (ours) p50',
        value: percentile(latin, 50),
        unit: 'ms',
        baseline: base,
      },
      {
        metric: 'text mode, Chinese receipt (GB18030) p50',
        value: percentile(text, 50),
        unit: 'ms',
        baseline: base,
      },
      {
        metric: 'raster mode, Chinese receipt p50',
        value: percentile(raster, 50),
        unit: 'ms',
        baseline: base,
      },
      {
        metric: 'bytes: text mode (Chinese)',
        value: textBytes,
        unit: 'B',
        baseline: { name: 'library alone (Latin)', value: libraryOnly().length },
      },
      {
        metric: 'bytes: raster mode (Chinese)',
        value: rasterBytes,
        unit: 'B',
        baseline: { name: 'text mode (Chinese)', value: textBytes },
      },
      {
        metric: 'bytes: text mode (Latin, ours)',
        value: latinOurs,
        unit: 'B',
        baseline: { name: 'library alone (Latin)', value: libraryOnly().length },
      },
    ],
  };
}
