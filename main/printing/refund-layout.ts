// Refund -> refund slip DOCUMENT, in the receipt's columns, fonts and labels. Pure and deterministic like the
// sale receipt (receipt-layout.ts): the store header, a big bilingual 退货 REFUND mark, what was returned,
// how much was paid back and how, the reason, a line for the customer's signature and a barcode of the
// refund number. Training refunds carry the training marks top and bottom, exactly like training sales.
import type { Locale, RefundLineView, RefundView } from '../api/contract';
import { formatMajor, formatMoney } from '../api/money';
import { DEFAULT_STORE_TIME_ZONE } from '../api/contract/settings';
import type { ReceiptBlock, ReceiptDocument } from '../../native/escpos/encode/document';
import { leftRight, wrapLines } from './columns';
import { DOUBLE, TALL, marks, rows, storeHeader, text } from './receipt-blocks';
import type { ReceiptStore } from './receipt-input';
import { formatQuantity, formatReceiptDate } from './receipt-format';
import { REFUND_MARK, paymentName, receiptLabels, refundLabels } from './receipt-labels';
import type { ReceiptLabels, RefundLabels } from './receipt-labels';
import { displayWidth } from './text-width';

export interface RefundSlipOptions {
  /** font-A columns: 32 on 58 mm paper, 48 on 80 mm */
  readonly widthColumns: 32 | 48;
  readonly locale: Locale;
  /** re-sent after an interruption: marked 重印 / COPY at the top and the bottom */
  readonly copy: boolean;
  /** IANA zone the refund time is printed in; default the contract's DEFAULT_STORE_TIME_ZONE */
  readonly timeZone?: string;
  /** the full-width ￥ (default); off for printers without a Chinese font */
  readonly fullWidthYen?: boolean;
}

interface Ctx {
  readonly refund: RefundView;
  readonly store: ReceiptStore;
  readonly opts: RefundSlipOptions;
  readonly width: number;
  readonly labels: ReceiptLabels;
  readonly refundLabels: RefundLabels;
  readonly major: (minor: number) => string;
  readonly money: (minor: number) => string;
}

function title(ctx: Ctx): ReceiptBlock[] {
  return text(REFUND_MARK, ctx.width, { align: 'center', bold: true, size: DOUBLE });
}

function details(ctx: Ctx): ReceiptBlock[] {
  const { refund, store, labels, refundLabels: r, width } = ctx;
  const at = refund.completedAt ?? refund.createdAt;
  return [
    ...text(`${r.refundNo}: ${refund.refundNo}`, width),
    ...text(`${r.originalReceipt}: ${refund.receiptNo}`, width),
    ...text(`${labels.date}: ${formatReceiptDate(at, ctx.opts.timeZone ?? DEFAULT_STORE_TIME_ZONE)}`, width),
    ...(store.terminalId ? text(`${labels.terminal}: ${store.terminalId}`, width) : []),
  ];
}

/** The returned line: its name in the receipt locale, then "  数量 1.250kg ... 16.00". */
function lineRows(line: RefundLineView, ctx: Ctx): string[] {
  const name = ctx.opts.locale === 'en' ? (line.nameEn ?? line.name) : line.name;
  const qty = `  ${ctx.refundLabels.quantity} ${formatQuantity(line.qtyMilli, line.unit)}`;
  return [...wrapLines(name, ctx.width), ...leftRight(qty, ctx.major(line.amountMinor), ctx.width)];
}

/** "现金退款", "退回卡 VISA ****0010", "退回 微信支付". */
function paidBackLabel(ctx: Ctx): string {
  const { refund, refundLabels: r } = ctx;
  if (refund.tenderKind === 'cash') return r.cashRefund;
  const name = paymentName(refund.tenderKind, refund.brand, refund.last4, ctx.opts.locale);
  return [refund.tenderKind === 'card' ? r.toCard : r.toQr, name].filter((p) => p !== '').join(' ');
}

function amounts(ctx: Ctx): ReceiptBlock[] {
  const { refund, refundLabels: r, width } = ctx;
  const total = rows(leftRight(r.refundTotal, ctx.money(refund.amountMinor), width), { bold: true });
  return [
    ...total.map((b) => ({ ...b, size: TALL })), // double height keeps the amount right-aligned
    ...rows(leftRight(r.taxIncluded, ctx.major(refund.taxMinor), width)),
    ...rows(leftRight(paidBackLabel(ctx), ctx.money(refund.amountMinor), width)),
    ...text(`${r.reason}: ${r.reasons[refund.reason]}`, width),
  ];
}

/** Room to sign, then "顾客签名: ______". */
function signature(ctx: Ctx): ReceiptBlock[] {
  const label = `${ctx.refundLabels.signature}: `;
  const rule = '_'.repeat(Math.max(0, ctx.width - displayWidth(label)));
  return [{ kind: 'feed', lines: 2 }, ...rows([label + rule])];
}

function footer(ctx: Ctx): ReceiptBlock[] {
  return [
    { kind: 'separator', char: '-' },
    { kind: 'barcode', symbology: 'code128', data: ctx.refund.refundNo },
    ...marks(ctx.refund.training, ctx.opts.copy, ctx.width),
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  ];
}

/** The refund slip for `refund` as typed blocks, laid out for `opts.widthColumns` font-A columns. */
export function layoutRefundSlip(
  refund: RefundView,
  store: ReceiptStore,
  opts: RefundSlipOptions,
): ReceiptDocument {
  const width = opts.widthColumns;
  const fullWidthYen = opts.fullWidthYen ?? true;
  const labels = receiptLabels(opts.locale);
  const ctx: Ctx = {
    refund,
    store,
    opts,
    width,
    labels,
    refundLabels: refundLabels(opts.locale),
    major: (minor) => formatMajor(minor, refund.currency),
    money: (minor) => formatMoney(minor, refund.currency, opts.locale, { fullWidthYen }),
  };
  return {
    widthColumns: width,
    blocks: [
      ...marks(refund.training, opts.copy, width),
      ...storeHeader(store, labels, width),
      { kind: 'separator', char: '-' },
      ...title(ctx),
      ...details(ctx),
      { kind: 'separator', char: '-' },
      ...rows(refund.lines.flatMap((l) => lineRows(l, ctx))),
      { kind: 'separator', char: '-' },
      ...amounts(ctx),
      ...signature(ctx),
      ...footer(ctx),
    ],
  };
}
