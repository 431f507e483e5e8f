import { describe, it, expect } from 'vitest';
import type { Discount } from '../../../main/api/contract';
import { PosFailure } from '../../../main/api/result';
import { priceCart } from '../../../main/sale/pricing';
import type { PricingLineInput, PricingSettings, TaxCategoryName } from '../../../main/sale/pricing';

const names: ReadonlyMap<string, TaxCategoryName> = new Map([
  ['std', { name: '标准税率' }],
  ['food', { name: '农产品' }],
]);
const INCL: PricingSettings = { currency: 'CNY', mode: 'inclusive', rounding: 'line' };
const EXCL: PricingSettings = { currency: 'CNY', mode: 'exclusive', rounding: 'line' };

let seq = 0;
function line(over: Partial<PricingLineInput> & Pick<PricingLineInput, 'unitPriceMinor'>): PricingLineInput {
  seq += 1;
  return {
    lineId: `L${seq}`,
    productId: `p${seq}`,
    sku: `SKU${seq}`,
    name: `商品${seq}`,
    nameEn: null,
    unit: 'each',
    qtyMilli: 1000,
    taxCategoryId: 'std',
    taxRateBp: 1300,
    discount: null,
    ...over,
  };
}

function failure(fn: () => unknown): PosFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof PosFailure) return e;
    throw e;
  }
  throw new Error('expected a PosFailure');
}

describe('priceCart: examples', () => {
  it('3 x ¥3.50 at 13 % price-inclusive', () => {
    const { lines, totals } = priceCart([line({ unitPriceMinor: 350, qtyMilli: 3000 })], null, INCL, names);
    expect(lines[0]).toMatchObject({ grossMinor: 1050, netMinor: 1050, taxMinor: 121, totalMinor: 1050 });
    expect(totals).toEqual({
      grossMinor: 1050,
      lineDiscountMinor: 0,
      orderDiscountMinor: 0,
      taxMinor: 121, // 1050 x 1300 / 11300 = 120.80
      totalMinor: 1050,
      taxes: [{ taxCategoryId: 'std', name: '标准税率', rateBp: 1300, baseMinor: 929, taxMinor: 121 }],
    });
  });

  it('3 x ¥3.50 at 13 % price-exclusive adds the tax', () => {
    const { totals } = priceCart([line({ unitPriceMinor: 350, qtyMilli: 3000 })], null, EXCL, names);
    expect(totals.taxMinor).toBe(137); // 136.5 -> 137
    expect(totals.totalMinor).toBe(1187);
    expect(totals.taxes).toEqual([
      { taxCategoryId: 'std', name: '标准税率', rateBp: 1300, baseMinor: 1050, taxMinor: 137 },
    ]);
  });

  it('1.235 kg at ¥12.80/kg, 9 %', () => {
    const apples = line({
      unit: 'kg',
      unitPriceMinor: 1280,
      qtyMilli: 1235,
      taxCategoryId: 'food',
      taxRateBp: 900,
    });
    const incl = priceCart([apples], null, INCL, names);
    expect(incl.lines[0]).toMatchObject({ grossMinor: 1581, taxMinor: 131, totalMinor: 1581 }); // 15.808; 130.54
    const excl = priceCart([apples], null, EXCL, names);
    expect(excl.lines[0]).toMatchObject({ grossMinor: 1581, taxMinor: 142, totalMinor: 1723 }); // 142.29
  });

  it('a 10 % order discount over 3 lines is spread by largest remainder', () => {
    const lines3 = [
      line({ unitPriceMinor: 1000 }),
      line({ unitPriceMinor: 2000 }),
      line({ unitPriceMinor: 3333 }),
    ];
    const { lines, totals } = priceCart(lines3, { kind: 'percent', bp: 1000 }, INCL, names);
    expect(totals.orderDiscountMinor).toBe(633); // 633.3
    expect(lines.map((l) => l.orderDiscountMinor)).toEqual([100, 200, 333]); // 99.95, 199.91, 333.14
    expect(lines.map((l) => l.netMinor)).toEqual([900, 1800, 3000]);
    expect(lines.map((l) => l.taxMinor)).toEqual([104, 207, 345]);
    expect(totals).toMatchObject({ grossMinor: 6333, totalMinor: 5700, taxMinor: 656 });
  });

  it('the worked example of docs/pricing.md, both modes', () => {
    const cart = [
      line({ lineId: 'L1', unitPriceMinor: 350, qtyMilli: 3000 }),
      line({
        lineId: 'L2',
        unit: 'kg',
        unitPriceMinor: 1280,
        qtyMilli: 1235,
        taxCategoryId: 'food',
        taxRateBp: 900,
        discount: { kind: 'percent', bp: 1000 },
      }),
    ];
    const order: Discount = { kind: 'amount', minor: 200 };
    const incl = priceCart(cart, order, INCL, names);
    expect(
      incl.lines.map((l) => [l.grossMinor, l.lineDiscountMinor, l.orderDiscountMinor, l.netMinor]),
    ).toEqual([
      [1050, 0, 85, 965],
      [1581, 158, 115, 1308],
    ]);
    expect(incl.lines.map((l) => [l.taxMinor, l.totalMinor])).toEqual([
      [111, 965],
      [108, 1308],
    ]);
    expect(incl.totals).toEqual({
      grossMinor: 2631,
      lineDiscountMinor: 158,
      orderDiscountMinor: 200,
      taxMinor: 219,
      totalMinor: 2273,
      taxes: [
        { taxCategoryId: 'food', name: '农产品', rateBp: 900, baseMinor: 1200, taxMinor: 108 },
        { taxCategoryId: 'std', name: '标准税率', rateBp: 1300, baseMinor: 854, taxMinor: 111 },
      ],
    });
    const excl = priceCart(cart, order, EXCL, names);
    expect(excl.lines.map((l) => [l.netMinor, l.taxMinor, l.totalMinor])).toEqual([
      [965, 125, 1090],
      [1308, 118, 1426],
    ]);
    expect(excl.totals).toMatchObject({ taxMinor: 243, totalMinor: 2516 });
    expect(excl.totals.taxes.map((t) => [t.taxCategoryId, t.baseMinor, t.taxMinor])).toEqual([
      ['food', 1308, 118],
      ['std', 965, 125],
    ]);
  });

  it('receipt rounding taxes the category sum once and spreads it back', () => {
    const cart = [
      line({ unitPriceMinor: 100 }),
      line({ unitPriceMinor: 100 }),
      line({ unitPriceMinor: 100 }),
    ];
    const perLine = priceCart(cart, null, INCL, names);
    expect(perLine.lines.map((l) => l.taxMinor)).toEqual([12, 12, 12]); // 11.504 each
    expect(perLine.totals.taxMinor).toBe(36);
    const receipt = priceCart(cart, null, { ...INCL, rounding: 'receipt' }, names);
    expect(receipt.totals.taxMinor).toBe(35); // 300 x 1300 / 11300 = 34.51
    expect(receipt.lines.map((l) => l.taxMinor)).toEqual([12, 12, 11]);
    expect(receipt.totals.taxes).toEqual([
      { taxCategoryId: 'std', name: '标准税率', rateBp: 1300, baseMinor: 265, taxMinor: 35 },
    ]);
  });

  it('line percent discounts round half up', () => {
    const { lines } = priceCart(
      [line({ unitPriceMinor: 1005, discount: { kind: 'percent', bp: 1000 } })],
      null,
      INCL,
      names,
    );
    expect(lines[0]).toMatchObject({ lineDiscountMinor: 101, netMinor: 904 });
  });

  it('a 100 % discount makes the line free and untaxed', () => {
    const { lines, totals } = priceCart(
      [
        line({ unitPriceMinor: 999, discount: { kind: 'percent', bp: 10_000 } }),
        line({ unitPriceMinor: 500 }),
      ],
      null,
      EXCL,
      names,
    );
    expect(lines[0]).toMatchObject({ netMinor: 0, taxMinor: 0, totalMinor: 0 });
    expect(totals.totalMinor).toBe(565);
  });

  it('groups taxes by category (sorted by id, name falls back to the id) and keeps rates apart', () => {
    const { totals } = priceCart(
      [
        line({ unitPriceMinor: 1000, taxCategoryId: 'zero', taxRateBp: 0 }),
        line({ unitPriceMinor: 1000, taxCategoryId: 'std', taxRateBp: 1300 }),
        line({ unitPriceMinor: 1000, taxCategoryId: 'food', taxRateBp: 900 }),
        line({ unitPriceMinor: 1000, taxCategoryId: 'std', taxRateBp: 600 }),
      ],
      null,
      EXCL,
      names,
    );
    expect(totals.taxes.map((t) => [t.taxCategoryId, t.name, t.rateBp, t.taxMinor])).toEqual([
      ['food', '农产品', 900, 90],
      ['std', '标准税率', 600, 60],
      ['std', '标准税率', 1300, 130],
      ['zero', 'zero', 0, 0],
    ]);
  });

  it('an empty cart is all zeros, also with a zero or percent order discount', () => {
    const zero = {
      grossMinor: 0,
      lineDiscountMinor: 0,
      orderDiscountMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
      taxes: [],
    };
    expect(priceCart([], null, INCL, names)).toEqual({ lines: [], totals: zero });
    expect(priceCart([], { kind: 'percent', bp: 5000 }, EXCL, names).totals).toEqual(zero);
    expect(priceCart([], { kind: 'amount', minor: 0 }, INCL, names).totals).toEqual(zero);
  });

  it('passes the line identity through untouched', () => {
    const input = line({ lineId: 'x1', name: '可乐', nameEn: 'Cola', unitPriceMinor: 350, qtyMilli: 2000 });
    const [out] = priceCart([input], null, INCL, names).lines;
    expect(out).toMatchObject({ ...input });
    expect(Object.keys(out ?? {}).sort()).toEqual(
      [
        ...Object.keys(input),
        'grossMinor',
        'lineDiscountMinor',
        'orderDiscountMinor',
        'netMinor',
        'taxMinor',
        'totalMinor',
      ].sort(),
    );
  });
});

describe('priceCart: rejections', () => {
  it('a line amount discount above the line gross names the line', () => {
    const l = line({
      lineId: 'L-cola',
      name: '可乐',
      unitPriceMinor: 350,
      discount: { kind: 'amount', minor: 351 },
    });
    const f = failure(() => priceCart([l], null, INCL, names));
    expect(f.code).toBe('DISCOUNT_INVALID');
    expect(f.message).toBe('Line L-cola (可乐): discount 3.51 CNY exceeds the amount 3.50 CNY.');
    expect(f.detail).toMatchObject({ lineId: 'L-cola', baseMinor: 350 });
  });

  it('an amount discount equal to the gross is allowed', () => {
    const l = line({ unitPriceMinor: 350, discount: { kind: 'amount', minor: 350 } });
    expect(priceCart([l], null, INCL, names).totals.totalMinor).toBe(0);
  });

  it('an order amount discount above the discounted subtotal is rejected', () => {
    const cart = [
      line({ unitPriceMinor: 500, discount: { kind: 'amount', minor: 100 } }),
      line({ unitPriceMinor: 300 }),
    ];
    expect(priceCart(cart, { kind: 'amount', minor: 700 }, INCL, names).totals.totalMinor).toBe(0);
    const f = failure(() => priceCart(cart, { kind: 'amount', minor: 701 }, INCL, names));
    expect(f.code).toBe('DISCOUNT_INVALID');
    expect(f.message).toBe('Order discount: discount 7.01 CNY exceeds the amount 7.00 CNY.');
    expect(failure(() => priceCart([], { kind: 'amount', minor: 1 }, INCL, names)).code).toBe(
      'DISCOUNT_INVALID',
    );
  });

  it('malformed discounts are rejected', () => {
    for (const d of [
      { kind: 'percent', bp: 10_001 },
      { kind: 'percent', bp: -1 },
      { kind: 'percent', bp: 12.5 },
      { kind: 'amount', minor: -1 },
      { kind: 'amount', minor: 0.5 },
    ] as Discount[]) {
      expect(
        failure(() => priceCart([line({ unitPriceMinor: 100, discount: d })], null, INCL, names)).code,
      ).toBe('DISCOUNT_INVALID');
      expect(failure(() => priceCart([line({ unitPriceMinor: 100 })], d, INCL, names)).code).toBe(
        'DISCOUNT_INVALID',
      );
    }
  });

  it('quantities that are not positive integers of thousandths are rejected', () => {
    for (const qtyMilli of [0, -1000, 1.5]) {
      expect(
        failure(() => priceCart([line({ unitPriceMinor: 100, qtyMilli })], null, INCL, names)).code,
      ).toBe('QUANTITY_INVALID');
    }
  });

  it('amounts too large for the till are a typed failure, not a wrong number', () => {
    const huge = line({ lineId: 'big', unitPriceMinor: Number.MAX_SAFE_INTEGER, qtyMilli: 2000 });
    const f = failure(() => priceCart([huge], null, INCL, names));
    expect(f.code).toBe('QUANTITY_INVALID');
    expect(f.detail).toEqual({ lineId: 'big' });
    const half = line({ unitPriceMinor: 2 ** 52 });
    expect(failure(() => priceCart([half, half], null, INCL, names)).code).toBe('QUANTITY_INVALID');
    const edge = line({ unitPriceMinor: Number.MAX_SAFE_INTEGER - 10, taxRateBp: 1300 });
    expect(failure(() => priceCart([edge], null, EXCL, names)).code).toBe('QUANTITY_INVALID');
  });

  it('rejects an unknown currency', () => {
    expect(() => priceCart([], null, { ...INCL, currency: 'XYZ' }, names)).toThrow(/ISO 4217/);
  });
});
