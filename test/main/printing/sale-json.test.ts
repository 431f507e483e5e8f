import { describe, expect, it } from 'vitest';
import { ReceiptFileError, parseReceiptFile } from '../../../main/printing/sale-json';
import { readFixture } from '../../support/golden';

const base = (): Record<string, unknown> & { sale: Record<string, unknown> } =>
  JSON.parse(readFixture('sale.json')) as Record<string, unknown> & { sale: Record<string, unknown> };

const problemsOf = (json: unknown): readonly string[] => {
  try {
    parseReceiptFile(typeof json === 'string' ? json : JSON.stringify(json));
  } catch (e) {
    if (e instanceof ReceiptFileError) return e.problems;
    throw e;
  }
  return [];
};

describe('receipt file validation', () => {
  it('accepts the fixtures and fills in receipt defaults', () => {
    expect(problemsOf(base())).toEqual([]);
    const { receipt: _r, ...noReceipt } = base();
    expect(parseReceiptFile(JSON.stringify(noReceipt)).receipt).toEqual({
      locale: 'zh-CN',
      copy: false,
      lookupUrl: null,
      timeZone: 'Asia/Shanghai',
    });
  });

  it('names the field of a wrong type, with its index', () => {
    const f = base();
    (f.sale.lines as Record<string, unknown>[])[1] = {
      ...(f.sale.lines as Record<string, unknown>[])[1],
      qtyMilli: '1.25',
    };
    expect(problemsOf(f)).toEqual([expect.stringMatching(/^sale\.lines\[1\]\.qtyMilli: .*number/)]);
  });

  it('refuses float money and unknown fields', () => {
    const f = base();
    f.sale.totals = { ...(f.sale.totals as object), totalMinor: 22.4 };
    f.sale.extra = 1;
    const problems = problemsOf(f);
    expect(problems).toContainEqual(expect.stringMatching(/^sale\.totals\.totalMinor: /));
    expect(problems).toContainEqual(expect.stringMatching(/^sale: .*extra/));
  });

  it('refuses a card tender with more than the last four digits', () => {
    const f = base();
    f.sale.tenders = [{ kind: 'card', amountMinor: 2240, brand: 'VISA', last4: '4111111111111111' }];
    expect(problemsOf(f)).toEqual(['sale.tenders[0].last4: must be exactly the last 4 digits']);
  });

  it('catches figures that do not add up', () => {
    const f = base();
    f.sale.totals = { ...(f.sale.totals as object), grossMinor: 9999 };
    f.sale.tenders = [{ kind: 'cash', amountMinor: 2240, tenderedMinor: 5000, changeMinor: 2000 }];
    expect(problemsOf(f)).toEqual([
      "sale.totals.grossMinor: is 9999 but the lines' grossMinor add up to 2500",
      'sale.tenders[0].changeMinor: is 2000 but tenderedMinor - amountMinor = 2760',
    ]);
  });

  it('refuses an unknown currency, time zone or locale, and a non-ASCII receipt number', () => {
    const f = base();
    f.sale.currency = 'RMB';
    f.sale.receiptNo = '收据1';
    f.receipt = { locale: 'fr', timeZone: 'Mars/Olympus' };
    const fields = problemsOf(f).map((p) => p.split(':')[0]);
    expect(fields.sort()).toEqual(['receipt.locale', 'receipt.timeZone', 'sale.currency', 'sale.receiptNo']);
  });

  it('says when the file is not JSON at all', () => {
    expect(problemsOf('{"store": ')).toEqual([expect.stringMatching(/^not valid JSON: /)]);
  });
});
