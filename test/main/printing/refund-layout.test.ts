// The refund slip: a RefundView plus the store header, laid out like a sale receipt, in zh-CN and en.
import { describe, expect, it } from 'vitest';
import { REFUND_REASONS } from '../../../main/api/contract';
import type { RefundView } from '../../../main/api/contract';
import { documentToText } from '../../../main/printing/document-text';
import { layoutRefundSlip } from '../../../main/printing/refund-layout';
import type { RefundSlipOptions } from '../../../main/printing/refund-layout';
import { renderRefundSlip } from '../../../main/printing/render-receipt';
import { decodeEscPos } from '../../../native/escpos/decoder';
import { findProfile } from '../../../native/escpos/encode/profiles';
import type { PrinterProfile } from '../../../native/escpos/encode/profiles';
import { displayWidth } from '../../../main/printing/text-width';
import { expectGolden } from '../../support/golden';
import { REFUND_STORE, refundView } from '../../support/refund-fixture';

const options = (over: Partial<RefundSlipOptions> = {}): RefundSlipOptions => ({
  widthColumns: 48,
  locale: 'zh-CN',
  copy: false,
  timeZone: 'Asia/Shanghai',
  ...over,
});
const slip = (over: Partial<RefundView> = {}, opts: Partial<RefundSlipOptions> = {}): string =>
  documentToText(layoutRefundSlip(refundView(over), REFUND_STORE, options(opts)));
const lines = (text: string): string[] => text.split('\n').map((l) => l.trim());
const card: Partial<RefundView> = { tenderKind: 'card', brand: 'visa', last4: '0010' };
const profile = (id: string): PrinterProfile => {
  const p = findProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
};

describe('refund slip, cash, zh-CN', () => {
  const text = slip();

  it('matches the golden text', () => {
    expectGolden('refund-48-zh-CN.txt', text);
  });

  it('has the store header, then the big bilingual 退货 REFUND mark in double size', () => {
    const doc = layoutRefundSlip(refundView(), REFUND_STORE, options());
    const mark = doc.blocks.find((b) => b.kind === 'text' && b.text === '退货 REFUND');
    expect(mark).toMatchObject({ align: 'center', bold: true, size: { width: 2, height: 2 } });
    expect(text.indexOf('HaoYouDuo Mart')).toBeLessThan(text.indexOf('退  货    R E F U N D'));
  });

  it('prints refund number, original receipt, local time and terminal', () => {
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        '退货单号: T01-R000004',
        '原单号: R20261125-0042',
        '时间: 2026-11-25 11:20',
        '终端: T01',
      ]),
    );
  });

  it('prints each returned line with its quantity (weighed: kg, 3 decimals) and amount', () => {
    expect(text).toContain('\n可口可乐 330ml\n  数量 2                                    7.00\n');
    expect(text).toContain('\n红富士苹果（散装称重）\n  数量 1.250kg                             14.40\n');
    expect(text).not.toContain('Coca-Cola'); // the name in the receipt locale only
  });

  it('prints the total, the tax in it, the cash paid back and the translated reason', () => {
    expect(text).toMatch(/\n退款合计 +￥21\.40\n/);
    expect(text).toMatch(/\n其中税额 +2\.00\n/);
    expect(text).toMatch(/\n现金退款 +￥21\.40\n/);
    expect(text).toContain('\n退货原因: 商品质量问题\n');
  });

  it('ends with a signature line, a barcode of the refund number, a feed and a cut', () => {
    expect(text).toMatch(/\n顾客签名: _{30,}\n/);
    const doc = layoutRefundSlip(refundView(), REFUND_STORE, options());
    expect(doc.blocks).toContainEqual({ kind: 'barcode', symbology: 'code128', data: 'T01-R000004' });
    expect(doc.blocks.map((b) => b.kind).slice(-2)).toEqual(['feed', 'cut']);
    expect(text).not.toContain('TRAINING');
    expect(text).not.toContain('COPY');
  });
});

describe('refund slip, card, en', () => {
  const text = slip(card, { locale: 'en', widthColumns: 32 });

  it('prints the English labels and names', () => {
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        'Refund: T01-R000004',
        'Original receipt: R20261125-0042',
        'Date: 2026-11-25 11:20',
        'Coca-Cola 330ml',
        'Fuji apples (loose, by weight)',
        'Reason: Defective',
      ]),
    );
    expect(text).toMatch(/\n {2}Qty 1\.250kg +14\.40\n/);
    expect(text).toMatch(/\nREFUND TOTAL +CN￥21\.40\n/);
    expect(text).toMatch(/\nTax included +2\.00\n/);
    expect(text).toMatch(/\nCustomer signature: _+\n/);
  });

  it('says the card it went back to like a sale receipt does: brand and masked last four', () => {
    expect(text).toMatch(/\nCard refund VISA \*\*\*\*0010\n +CN￥21\.40\n/);
    expect(slip(card, { widthColumns: 48 })).toMatch(/\n退回卡 VISA \*\*\*\*0010 +￥21\.40\n/);
  });

  it('names the QR scheme in the receipt locale', () => {
    const qr: Partial<RefundView> = { tenderKind: 'qr', brand: 'wechat', last4: null };
    expect(slip(qr)).toMatch(/\n退回 微信支付 +￥21\.40\n/);
    expect(slip(qr, { locale: 'en' })).toMatch(/\nRefund to WeChat Pay +CN￥21\.40\n/);
    expect(slip({ ...qr, brand: 'alipay' })).toMatch(/\n退回 支付宝 +￥21\.40\n/);
  });
});

describe('refund slip details', () => {
  it('marks a training refund exactly like a training sale, top and bottom', () => {
    const text = slip({ training: true });
    const all = lines(text);
    expect(all[0]).toBe('*** 培训 TRAINING ***');
    expect(all[1]).toBe('非正式收据 NOT A RECEIPT');
    expect(all.filter((l) => l === '*** 培训 TRAINING ***')).toHaveLength(2);
    expect(all.filter((l) => l === '非正式收据 NOT A RECEIPT')).toHaveLength(2);
  });

  it('marks a re-sent slip 重印 COPY top and bottom', () => {
    expect(lines(slip({}, { copy: true })).filter((l) => l === '*** 重印 COPY ***')).toHaveLength(2);
  });

  it('prints a weighed line in kg with three decimals, a piece line without a unit', () => {
    const weighed = refundView().lines[1];
    if (!weighed) throw new Error('fixture has two lines');
    const text = slip({ lines: [{ ...weighed, qtyMilli: 500 }] }, { locale: 'en' });
    expect(text).toMatch(/\n {2}Qty 0\.500kg +14\.40\n/);
    expect(slip()).toMatch(/\n {2}数量 2 +7\.00\n/);
  });

  it('translates every reason in both languages', () => {
    const seen = new Set<string>();
    for (const reason of REFUND_REASONS) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const line = lines(slip({ reason }, { locale })).find((l) => /^(退货原因|Reason): /.test(l));
        expect(line, `${reason} ${locale}`).toBeDefined();
        expect(line).not.toContain(reason);
        seen.add(line ?? '');
      }
    }
    expect(seen.size).toBe(REFUND_REASONS.length * 2);
  });

  it('prints the creation time when the refund has no completion time', () => {
    expect(slip({ completedAt: null, createdAt: '2026-11-25T16:30:00Z' })).toContain(
      '\n时间: 2026-11-26 00:30\n',
    );
  });

  it('keeps every text line within the width at its magnification', () => {
    for (const widthColumns of [32, 48] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const doc = layoutRefundSlip(refundView(card), REFUND_STORE, options({ widthColumns, locale }));
        for (const b of doc.blocks) {
          if (b.kind === 'text')
            expect(displayWidth(b.text) * b.size.width).toBeLessThanOrEqual(widthColumns);
        }
      }
    }
  });
});

describe('refund slip bytes', () => {
  const printed = (bytes: Uint8Array): string =>
    decodeEscPos(bytes)
      .map((e) => (e.type === 'text' ? e.text : e.type === 'lineFeed' ? '\n' : ''))
      .join('');
  const input = {
    refund: refundView(),
    store: REFUND_STORE,
    locale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
  } as const;

  it('prints in Chinese text mode (GB18030) on cn-80', () => {
    const text = printed(renderRefundSlip(input, { profile: profile('cn-80') }));
    expect(text).toContain('退货 REFUND');
    expect(text).toContain('退货单号: T01-R000004');
    expect(text).toContain('现金退款');
  });

  it('prints an English card slip in text mode on cn-80', () => {
    const bytes = renderRefundSlip(
      { ...input, refund: refundView(card), locale: 'en' },
      { profile: profile('cn-80') },
    );
    expect(printed(bytes)).toMatch(/Card refund VISA \*\*\*\*0010 +CN￥21\.40/);
  });

  it('needs raster mode on a Latin-only printer even in English: the 退货 REFUND mark is bilingual', () => {
    const latinStore = { ...REFUND_STORE, name: 'HaoYouDuo Mart', nameEn: null, address: null };
    const en = { ...input, store: latinStore, refund: refundView(card), locale: 'en' } as const;
    expect(() => renderRefundSlip(en, { profile: profile('epson-80'), mode: 'text' })).toThrow(/退货/);
  });

  it('draws the Chinese slip as raster images on a printer without a Chinese font', () => {
    const events = decodeEscPos(renderRefundSlip(input, { profile: profile('epson-80'), mode: 'raster' }));
    expect(events.filter((e) => e.type === 'rasterImage').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'text')).toEqual([]);
  });
});
