import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SaleView } from '../../../main/api/contract';
import { documentToText } from '../../../main/printing/document-text';
import { layoutReceipt } from '../../../main/printing/receipt-layout';
import type { ReceiptLayoutOptions, ReceiptSale } from '../../../main/printing/receipt-layout';
import { parseReceiptFile } from '../../../main/printing/sale-json';
import { displayWidth } from '../../../main/printing/text-width';
import { expectGolden, readFixture } from '../../support/golden';

const fixture = parseReceiptFile(readFixture('sale.json'));
const options = (over: Partial<ReceiptLayoutOptions> = {}): ReceiptLayoutOptions => ({
  widthColumns: 48,
  locale: 'zh-CN',
  copy: false,
  lookupUrl: fixture.receipt.lookupUrl,
  timeZone: 'Asia/Shanghai',
  ...over,
});
const textOf = (sale: ReceiptSale, over: Partial<ReceiptLayoutOptions> = {}): string =>
  documentToText(layoutReceipt(sale, fixture.store, options(over)));

describe('receipt layout of the fixture sale', () => {
  for (const width of [32, 48] as const) {
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`matches the golden text at ${width} columns (${locale})`, () => {
        expectGolden(`sale-${width}-${locale}.txt`, textOf(fixture.sale, { widthColumns: width, locale }));
      });
    }
  }

  it('keeps every text line within the width at its magnification', () => {
    for (const width of [32, 48] as const) {
      const doc = layoutReceipt(fixture.sale, fixture.store, options({ widthColumns: width }));
      for (const b of doc.blocks) {
        if (b.kind === 'text') expect(displayWidth(b.text) * b.size.width).toBeLessThanOrEqual(width);
        if (b.kind === 'items') for (const l of b.lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
      }
    }
  });

  it('prints qty x unit price with the amount right-aligned, and the weighed item in kg', () => {
    const text = textOf(fixture.sale, { widthColumns: 32 });
    expect(text).toContain('\n  2 x 3.50                  7.00\n');
    expect(text).toContain('\n  1.250kg x 12.80/kg       16.00\n');
    expect(text).toContain('\n  折扣 10%                 -1.60\n');
  });

  it('prints the total, cash tendered and change with the full-width yen', () => {
    const text = textOf(fixture.sale, { widthColumns: 32 });
    expect(text).toMatch(/合计 +￥22\.40\n/);
    expect(text).toMatch(/现金 +￥50\.00\n/);
    expect(text).toMatch(/找零 +￥27\.60\n/);
  });

  it('uses the half-width yen when asked (printers without a Chinese font)', () => {
    const text = textOf(fixture.sale, { locale: 'en', fullWidthYen: false });
    expect(text).toMatch(/TOTAL +CN¥22\.40\n/);
    expect(text).not.toContain('￥');
  });

  it('ends with a CODE128 barcode of the receipt number, the lookup QR, a feed and a cut', () => {
    const doc = layoutReceipt(fixture.sale, fixture.store, options());
    const kinds = doc.blocks.map((b) => b.kind);
    expect(kinds.slice(-3)).toEqual(['text', 'feed', 'cut']);
    expect(doc.blocks).toContainEqual({ kind: 'barcode', symbology: 'code128', data: 'R20261125-0042' });
    expect(doc.blocks).toContainEqual({
      kind: 'qr',
      data: fixture.receipt.lookupUrl,
      fallbackText: fixture.receipt.lookupUrl,
    });
  });

  it('prints no QR without a lookup URL', () => {
    const doc = layoutReceipt(fixture.sale, fixture.store, options({ lookupUrl: null }));
    expect(doc.blocks.some((b) => b.kind === 'qr')).toBe(false);
  });

  it('is deterministic', () => {
    expect(textOf(fixture.sale)).toBe(textOf(fixture.sale));
  });
});

describe('markings', () => {
  it('marks a reprint 重印 / COPY at the top and the bottom, and only a reprint', () => {
    const copy = textOf(fixture.sale, { copy: true }).split('\n');
    expect(copy[0]?.trim()).toBe('*** 重印 COPY ***');
    expect(copy.filter((l) => l.includes('重印 COPY'))).toHaveLength(2);
    expect(textOf(fixture.sale)).not.toContain('COPY');
  });

  it('marks a training sale as not a receipt, top and bottom', () => {
    const text = textOf({ ...fixture.sale, training: true });
    const lines = text.split('\n');
    expect(lines[0]?.trim()).toBe('*** 培训 TRAINING ***');
    expect(lines[1]?.trim()).toBe('非正式收据 NOT A RECEIPT');
    expect(lines.filter((l) => l.includes('TRAINING'))).toHaveLength(2);
    expect(textOf(fixture.sale)).not.toContain('TRAINING');
  });
});

describe('tenders', () => {
  const card = (brand: string | null, last4: string | null): ReceiptSale => ({
    ...fixture.sale,
    tenders: [{ kind: 'card', amountMinor: 2240, brand, last4 }],
  });

  it('prints the card brand and masked last four when present', () => {
    expect(textOf(card('VISA', '4242'), { widthColumns: 32 })).toMatch(
      /\n银行卡 VISA \*\*\*\*4242 +￥22\.40\n/,
    );
  });

  it('upper-cases the stored brand, as the screen does ("visa" -> VISA)', () => {
    expect(textOf(card('visa', '1111'), { widthColumns: 32 })).toMatch(
      /\n银行卡 VISA \*\*\*\*1111 +￥22\.40\n/,
    );
  });

  it('names a QR payment by its scheme in the receipt locale, not as a card', () => {
    const qr = (brand: string | null): ReceiptSale => ({
      ...fixture.sale,
      tenders: [{ kind: 'qr', amountMinor: 2240, brand, last4: null }],
    });
    expect(textOf(qr('wechat'), { widthColumns: 32 })).toMatch(/\n微信支付 +￥22\.40\n/);
    expect(textOf(qr('alipay'), { locale: 'en' })).toMatch(/\nAlipay +CN￥22\.40\n/);
    expect(textOf(qr(null), { widthColumns: 32 })).toMatch(/\n扫码支付 +￥22\.40\n/);
    expect(textOf(qr('wechat'))).not.toContain('银行卡');
  });

  it('prints just the card label when brand and last four are unknown', () => {
    const text = textOf(card(null, null), { widthColumns: 32 });
    expect(text).toMatch(/\n银行卡 +￥22\.40\n/);
    expect(text).not.toContain('****');
  });

  it('accepts a SaleView from the sale flow as is', () => {
    const view: SaleView = {
      ...fixture.sale,
      saleId: 's1',
      tenders: [fixture.sale.tenders[0] as SaleView['tenders'][0]],
    };
    expect(textOf(view)).toContain('找零');
  });
});

describe('taxes and discounts', () => {
  it('prints one tax row per category with base and tax, and says prices include tax', () => {
    const text = textOf(fixture.sale, { widthColumns: 32 });
    expect(text).toContain('\n增值税 13%             7.62 0.99\n');
    expect(text).toContain('\n增值税 9%             12.65 1.14\n');
    expect(text).toContain('以上价格已含税');
  });

  it('adds the tax to the total lines when prices exclude it', () => {
    const t = fixture.sale.totals;
    const exclusive = { ...fixture.sale, totals: { ...t, totalMinor: t.totalMinor + t.taxMinor } };
    const text = textOf(exclusive, { widthColumns: 32 });
    expect(text).toMatch(/\n税 +2\.13\n/);
    expect(text).not.toContain('以上价格已含税');
  });

  it('prints the order discount with its percentage', () => {
    const sale = { ...fixture.sale, orderDiscount: { kind: 'percent', bp: 500 } as const };
    expect(textOf(sale, { widthColumns: 32 })).toMatch(/\n整单折扣 5% +-1\.00\n/);
  });
});

describe('long names', () => {
  it('wraps a long Chinese name by display width and keeps the amount on its line', () => {
    const line = fixture.sale.lines[0];
    if (!line) throw new Error('fixture has lines');
    const long = { ...line, name: '超长商品名称用于测试自动换行功能的可口可乐零度无糖', nameEn: null };
    const text = textOf({ ...fixture.sale, lines: [long] }, { widthColumns: 32 });
    expect(text).toContain(
      '\n超长商品名称用于测试自动换行功能\n的可口可乐零度无糖\n  2 x 3.50                  7.00\n',
    );
  });
});

describe('any sale fits the paper', () => {
  const name = fc.string({
    unit: fc.constantFrom('a', 'Z', ' ', '-', '9', '可', '乐', '（', '）', '￥', '😀', 'é'),
    minLength: 1,
    maxLength: 70,
  });
  const line = fc.record({
    name,
    nameEn: fc.option(name, { nil: null }),
    unit: fc.constantFrom('each', 'kg'),
    qtyMilli: fc.integer({ min: 1, max: 999_999_000 }),
    unitPriceMinor: fc.integer({ min: 0, max: 99_999_999 }),
    grossMinor: fc.integer({ min: 0, max: 9_999_999_999 }),
    lineDiscountMinor: fc.integer({ min: 0, max: 9_999_999 }),
  });

  it('property: no printed line is wider than 32 or 48 columns', () => {
    const template = fixture.sale.lines[0];
    if (!template) throw new Error('fixture has lines');
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), fc.constantFrom(32, 48), (lines, width) => {
        const sale: ReceiptSale = { ...fixture.sale, lines: lines.map((l) => ({ ...template, ...l })) };
        const doc = layoutReceipt(sale, fixture.store, options({ widthColumns: width as 32 | 48 }));
        for (const b of doc.blocks) {
          if (b.kind === 'text') expect(displayWidth(b.text) * b.size.width).toBeLessThanOrEqual(width);
          if (b.kind === 'items') for (const l of b.lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('puts an amount that does not fit beside its label on its own right-aligned line', () => {
    const template = fixture.sale.lines[0];
    if (!template) throw new Error('fixture has lines');
    const huge = {
      ...template,
      qtyMilli: 123_456_789,
      unitPriceMinor: 9_999_999,
      grossMinor: 1_234_567_888_765,
    };
    const text = textOf({ ...fixture.sale, lines: [huge] }, { widthColumns: 32 });
    // 23 + 1 + 14 columns do not fit in 32: the amount moves to its own line, flush right.
    expect(text).toContain(`\n  123456.789 x 99999.99\n${'12345678887.65'.padStart(32)}\n`);
  });
});
