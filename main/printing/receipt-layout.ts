// Sale -> receipt DOCUMENT (typed blocks laid out in font-A columns). Pure and deterministic: no clock, no
// printer, no bytes; the encoders in native/escpos/encode turn the document into a printer's language.
import { formatMajor, formatMoney } from '../api/money';
import { DEFAULT_STORE_TIME_ZONE } from '../api/contract/settings';
import type { ReceiptBlock, ReceiptDocument } from '../../native/escpos/encode/document';
import { leftRight, table } from './columns';
import { TALL, marks, rows, storeHeader, text } from './receipt-blocks';
import type { ReceiptLayoutOptions, ReceiptSale, ReceiptStore, ReceiptTender } from './receipt-input';
import { describeDiscount, formatRate, formatReceiptDate } from './receipt-format';
import { itemsBlock } from './receipt-items';
import { paymentName, receiptLabels } from './receipt-labels';
import type { ReceiptLabels } from './receipt-labels';

export type { ReceiptDocument, ReceiptBlock } from '../../native/escpos/encode/document';
export type {
  ReceiptLayoutOptions,
  ReceiptSale,
  ReceiptStore,
  ReceiptTender,
  CardTender,
} from './receipt-input';

interface Ctx {
  readonly sale: ReceiptSale;
  readonly store: ReceiptStore;
  readonly opts: ReceiptLayoutOptions;
  readonly width: number;
  readonly labels: ReceiptLabels;
  /** amount without a currency sign, for columns */
  readonly major: (minor: number) => string;
  /** amount with the currency sign, for the total and tenders */
  readonly money: (minor: number) => string;
}

function markers(ctx: Ctx): ReceiptBlock[] {
  return marks(ctx.sale.training, ctx.opts.copy, ctx.width);
}

function header(ctx: Ctx): ReceiptBlock[] {
  const { store, sale, labels, width } = ctx;
  return [
    ...storeHeader(store, labels, width),
    { kind: 'separator', char: '-' },
    ...text(`${labels.receiptNo}: ${sale.receiptNo}`, width),
    ...text(
      `${labels.date}: ${formatReceiptDate(sale.completedAt, ctx.opts.timeZone ?? DEFAULT_STORE_TIME_ZONE)}`,
      width,
    ),
    ...(store.terminalId ? text(`${labels.terminal}: ${store.terminalId}`, width) : []),
    { kind: 'separator', char: '-' },
  ];
}

function totals(ctx: Ctx): ReceiptBlock[] {
  const { totals: t, orderDiscount } = ctx.sale;
  const { labels, width, major } = ctx;
  // Tax-inclusive prices: the total is what the lines cost after discounts, and tax is only reported.
  const inclusive = t.totalMinor === t.grossMinor - t.lineDiscountMinor - t.orderDiscountMinor;
  const orderLabel = [labels.orderDiscount, describeDiscount(orderDiscount)].filter(Boolean).join(' ');
  const lines = [
    ...leftRight(labels.subtotal, major(t.grossMinor), width),
    ...(t.lineDiscountMinor > 0 ? leftRight(labels.lineDiscounts, major(-t.lineDiscountMinor), width) : []),
    ...(t.orderDiscountMinor > 0 ? leftRight(orderLabel, major(-t.orderDiscountMinor), width) : []),
    ...(!inclusive && t.taxMinor > 0 ? leftRight(labels.tax, major(t.taxMinor), width) : []),
  ];
  return [
    ...rows(lines),
    ...rows(leftRight(labels.total, ctx.money(t.totalMinor), width), { bold: true }).map((b) => ({
      ...b,
      size: TALL, // double height keeps the columns, so the amount stays right-aligned
    })),
  ];
}

function tenderLines(tender: ReceiptTender, ctx: Ctx): string[] {
  const { labels, width, money } = ctx;
  if (tender.kind === 'cash') {
    return [
      ...leftRight(labels.cash, money(tender.tenderedMinor), width),
      ...leftRight(labels.change, money(tender.changeMinor), width),
    ];
  }
  // Only what the tender actually carries: a brand and masked last four when known, never a PAN.
  const name = paymentName(tender.kind, tender.brand, tender.last4, ctx.opts.locale);
  const label = tender.kind === 'qr' ? name : [labels.card, name].filter((p) => p !== '').join(' ');
  return leftRight(label, money(tender.amountMinor), width);
}

function taxSummary(ctx: Ctx): ReceiptBlock[] {
  const { taxes, totalMinor, grossMinor, lineDiscountMinor, orderDiscountMinor } = ctx.sale.totals;
  if (taxes.length === 0) return [];
  const inclusive = totalMinor === grossMinor - lineDiscountMinor - orderDiscountMinor;
  const body = taxes.map(
    (t) => [`${t.name} ${formatRate(t.rateBp)}`, ctx.major(t.baseMinor), ctx.major(t.taxMinor)] as const,
  );
  return [
    { kind: 'separator', char: '-' },
    ...rows(table([ctx.labels.taxHeader, ...body], ctx.width)),
    ...(inclusive ? text(ctx.labels.pricesIncludeTax, ctx.width) : []),
  ];
}

function footer(ctx: Ctx): ReceiptBlock[] {
  const url = ctx.opts.lookupUrl;
  return [
    { kind: 'separator', char: '-' },
    { kind: 'barcode', symbology: 'code128', data: ctx.sale.receiptNo },
    ...(url
      ? [
          { kind: 'qr', data: url, fallbackText: url } as const,
          ...text(ctx.labels.lookup, ctx.width, { align: 'center' }),
        ]
      : []),
    ...text(ctx.labels.thanks, ctx.width, { align: 'center' }),
    ...markers(ctx),
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  ];
}

/** The receipt for `sale` as typed blocks, laid out for `opts.widthColumns` font-A columns. */
export function layoutReceipt(
  sale: ReceiptSale,
  store: ReceiptStore,
  opts: ReceiptLayoutOptions,
): ReceiptDocument {
  const width = opts.widthColumns;
  const fullWidthYen = opts.fullWidthYen ?? true;
  const ctx: Ctx = {
    sale,
    store,
    opts,
    width,
    labels: receiptLabels(opts.locale),
    major: (minor) => formatMajor(minor, sale.currency),
    money: (minor) => formatMoney(minor, sale.currency, opts.locale, { fullWidthYen }),
  };
  return {
    widthColumns: width,
    blocks: [
      ...markers(ctx),
      ...header(ctx),
      itemsBlock(sale.lines, sale.currency, opts.locale, width),
      { kind: 'separator', char: '-' },
      ...totals(ctx),
      ...rows(sale.tenders.flatMap((t) => tenderLines(t, ctx))),
      ...taxSummary(ctx),
      ...footer(ctx),
    ],
  };
}
