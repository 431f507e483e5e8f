// The pricing engine: cart lines + discounts + tax settings -> the priced lines and totals the UI, receipt
// and sale record show. Pure and deterministic; docs/pricing.md states the rules this code implements.
import type { CartLineView, Discount, PricingMode, TaxRounding, TotalsView, Unit } from '../api/contract';
import { allocate, currencyExponent, formatMajor, mulQty, percentOf, sumMinor } from '../api/money';
import { PosFailure } from '../api/result';
import { computeTaxes } from './tax';
import { zip } from './zip';
import type { TaxCategoryName } from './tax';

export type { TaxCategoryName };

export interface PricingSettings {
  currency: string;
  mode: PricingMode;
  rounding: TaxRounding;
}

export interface PricingLineInput {
  lineId: string;
  productId: string;
  sku: string;
  name: string;
  nameEn: string | null;
  unit: Unit;
  qtyMilli: number;
  unitPriceMinor: number;
  taxCategoryId: string;
  taxRateBp: number;
  discount: Discount | null;
}

export interface PricedCart {
  lines: CartLineView[];
  totals: TotalsView;
}

/** A discount's amount against `base`; amounts above the base or malformed discounts are DISCOUNT_INVALID. */
function discountMinor(
  discount: Discount | null,
  base: number,
  where: string,
  lineId: string | null,
  currency: string,
): number {
  if (discount === null) return 0;
  const detail = { lineId, discount, baseMinor: base };
  if (discount.kind === 'percent') {
    if (!Number.isInteger(discount.bp) || discount.bp < 0 || discount.bp > 10_000) {
      throw new PosFailure(
        'DISCOUNT_INVALID',
        `${where}: percentage ${discount.bp} bp is not 0-10000.`,
        detail,
      );
    }
    return percentOf(base, discount.bp);
  }
  if (!Number.isSafeInteger(discount.minor) || discount.minor < 0) {
    throw new PosFailure(
      'DISCOUNT_INVALID',
      `${where}: discount amount ${discount.minor} is not valid.`,
      detail,
    );
  }
  if (discount.minor > base) {
    const msg = `${where}: discount ${formatMajor(discount.minor, currency)} ${currency} exceeds the amount ${formatMajor(base, currency)} ${currency}.`;
    throw new PosFailure('DISCOUNT_INVALID', msg, detail);
  }
  return discount.minor;
}

function lineLabel(line: PricingLineInput): string {
  return `Line ${line.lineId} (${line.name})`;
}

function checkLine(line: PricingLineInput): void {
  if (!Number.isSafeInteger(line.qtyMilli) || line.qtyMilli < 1) {
    throw new PosFailure('QUANTITY_INVALID', `${lineLabel(line)}: quantity ${line.qtyMilli} is not valid.`, {
      lineId: line.lineId,
    });
  }
  if (!Number.isSafeInteger(line.unitPriceMinor) || line.unitPriceMinor < 0) {
    throw new RangeError(`${lineLabel(line)}: unit price ${line.unitPriceMinor} is not a minor-unit amount.`);
  }
  if (!Number.isSafeInteger(line.taxRateBp) || line.taxRateBp < 0) {
    throw new RangeError(`${lineLabel(line)}: tax rate ${line.taxRateBp} bp is not valid.`);
  }
}

/** Turns money-arithmetic overflow (RangeError) into a typed failure the cashier can act on. */
function withinRange<T>(what: string, lineId: string | null, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new PosFailure('QUANTITY_INVALID', `${what} exceeds the largest amount the till can handle.`, {
      lineId,
    });
  }
}

export function priceCart(
  lines: readonly PricingLineInput[],
  orderDiscount: Discount | null,
  settings: PricingSettings,
  categoryNames: ReadonlyMap<string, TaxCategoryName>,
): PricedCart {
  const { currency, mode, rounding } = settings;
  currencyExponent(currency); // validates the code before any message formats with it
  lines.forEach(checkLine);

  // 1. gross and line discount
  const stage1 = lines.map((line) => {
    const gross = withinRange(lineLabel(line), line.lineId, () => mulQty(line.unitPriceMinor, line.qtyMilli));
    const lineDisc = discountMinor(line.discount, gross, lineLabel(line), line.lineId, currency);
    return { line, gross, lineDisc, afterLine: gross - lineDisc };
  });

  return withinRange('The cart total', null, () => {
    // 2. order discount, spread over the lines in proportion to what is left of each
    const subtotal = sumMinor(stage1.map((s) => s.afterLine));
    const orderDisc = discountMinor(orderDiscount, subtotal, 'Order discount', null, currency);
    const shares = allocate(
      orderDisc,
      stage1.map((s) => s.afterLine),
    );
    const stage2 = zip(stage1, shares).map(([s, share]) => ({ ...s, share, net: s.afterLine - share }));

    // 3. tax
    const taxable = stage2.map((s) => ({
      taxCategoryId: s.line.taxCategoryId,
      taxRateBp: s.line.taxRateBp,
      netMinor: s.net,
    }));
    const { lineTaxMinor, taxes } = computeTaxes(taxable, mode, rounding, categoryNames);

    const priced = zip(stage2, lineTaxMinor).map(([s, tax]): CartLineView => {
      const l = s.line;
      return {
        lineId: l.lineId,
        productId: l.productId,
        sku: l.sku,
        name: l.name,
        nameEn: l.nameEn,
        unit: l.unit,
        qtyMilli: l.qtyMilli,
        unitPriceMinor: l.unitPriceMinor,
        taxCategoryId: l.taxCategoryId,
        taxRateBp: l.taxRateBp,
        discount: l.discount,
        grossMinor: s.gross,
        lineDiscountMinor: s.lineDisc,
        orderDiscountMinor: s.share,
        netMinor: s.net,
        taxMinor: tax,
        totalMinor: mode === 'inclusive' ? s.net : sumMinor([s.net, tax]),
      };
    });
    const totals: TotalsView = {
      grossMinor: sumMinor(priced.map((l) => l.grossMinor)),
      lineDiscountMinor: sumMinor(priced.map((l) => l.lineDiscountMinor)),
      orderDiscountMinor: orderDisc,
      taxMinor: sumMinor(priced.map((l) => l.taxMinor)),
      totalMinor: sumMinor(priced.map((l) => l.totalMinor)),
      taxes,
    };
    return { lines: priced, totals };
  });
}
