// An X or Z report (ReportView) as labelled tables in one locale: the single reading of the report that the
// printout (report-layout.ts), the CSV and the PDF (main/reports/export/) all render, so a figure is named,
// ordered and formatted the same on paper and in a file. Amounts are plain decimals ("1234.50", no symbol, no
// grouping): a receipt column and a spreadsheet cell both read them as they are.
import type { Locale } from '../api/contract';
import type { CashierFigures, ReportView, ShiftFigures, TenderFigures } from '../api/contract/reports';
import { formatMajor } from '../api/money';
import { DEFAULT_STORE_TIME_ZONE } from '../api/contract/settings';
import { formatRate, formatReceiptDate } from './receipt-format';
import { TRAINING_MARK, paymentName } from './receipt-labels';
import { reportLabels, type ReportLabels } from './report-labels';

export interface ReportRow {
  readonly label: string;
  /** one per column of the section (a blank cell is '') */
  readonly values: readonly string[];
  /** free text (a sign-off note): wrapped under its label rather than set in a column */
  readonly note?: true;
}

export type ReportSectionId = keyof ReportLabels['sections'];

export interface ReportSection {
  readonly id: ReportSectionId;
  readonly title: string;
  /** headings of the value columns; empty when the section has one unnamed value column */
  readonly columns: readonly string[];
  readonly rows: readonly ReportRow[];
}

export interface ReportTables {
  /** "Z 报表（日结）", "X REPORT" */
  readonly title: string;
  readonly store: ReportRow;
  readonly sections: readonly ReportSection[];
}

export interface ReportTablesOptions {
  readonly locale: Locale;
  /** IANA zone the times are given in; default the contract's DEFAULT_STORE_TIME_ZONE */
  readonly timeZone?: string;
}

/** How many hex digits of the Z's chain hash are shown: enough to compare by eye with the next Z's. */
export const CHAIN_HASH_SHOWN = 16;

interface Ctx {
  readonly report: ReportView;
  readonly l: ReportLabels;
  readonly locale: Locale;
  readonly money: (minor: number) => string;
  readonly date: (iso: string) => string;
}

const row = (label: string, ...values: string[]): ReportRow => ({ label, values });
const count = (n: number): string => String(n);

function header(ctx: Ctx): ReportRow[] {
  const { report: r, l } = ctx;
  return [
    ...(r.kind === 'z' && r.zNo !== null ? [row(l.reportNo.z, count(r.zNo))] : []),
    ...(r.training ? [row(l.mode, TRAINING_MARK)] : []),
    row(l.dayNo, count(r.dayNo)),
    row(l.terminal, r.terminalId),
    row(l.openedAt, ctx.date(r.openedAt)),
    row(l.takenAt, ctx.date(r.takenAt)),
    ...(r.takenBy === null ? [] : [row(l.takenBy, r.takenBy)]),
  ];
}

function sales(ctx: Ctx): ReportRow[] {
  const { report: r, l, money } = ctx;
  return [
    row(l.count, count(r.sales.count)),
    row(l.items, count(r.sales.items)),
    row(l.gross, money(r.sales.grossMinor)),
    row(l.discounts, money(r.sales.discountMinor)),
    row(l.total, money(r.sales.totalMinor)),
    row(l.tax, money(r.sales.taxMinor)),
  ];
}

function returns(ctx: Ctx): ReportRow[] {
  const { report: r, l, money } = ctx;
  return [
    row(l.count, count(r.returns.count)),
    row(l.amount, money(r.returns.amountMinor)),
    row(l.tax, money(r.returns.taxMinor)),
  ];
}

/** "现金", "银行卡 VISA", "微信支付". */
function tenderName(t: TenderFigures, ctx: Ctx): string {
  if (t.kind === 'cash') return ctx.l.cash;
  if (t.kind === 'qr') return paymentName('qr', t.brand, null, ctx.locale);
  const brand = paymentName('card', t.brand, null, ctx.locale);
  return brand === '' ? ctx.l.card : `${ctx.l.card} ${brand}`;
}

const KIND_ORDER = ['cash', 'card', 'qr'] as const;

/** Each tender with its count and amount (cash: the change given under it), then refunds per tender kind. */
function tenders(ctx: Ctx): ReportRow[] {
  const { report: r, l, money } = ctx;
  const out: ReportRow[] = [];
  for (const t of r.tenders) {
    out.push(row(tenderName(t, ctx), count(t.count), money(t.amountMinor)));
    if (t.kind === 'cash') out.push(row(`  ${l.change}`, '', money(t.changeMinor)));
  }
  const kindName = { cash: l.cash, card: l.card, qr: l.qr };
  for (const kind of KIND_ORDER) {
    const ofKind = r.tenders.filter((t) => t.kind === kind);
    if (ofKind.length === 0) continue;
    const refunded = ofKind.reduce((sum, t) => sum + t.refundedMinor, 0);
    out.push(row(`${l.refundedTo} ${kindName[kind]}`, '', money(refunded)));
  }
  return out;
}

/** A cashier's sales, then (when any) their returns, voided carts and removed lines under them. */
function cashier(c: CashierFigures, ctx: Ctx): ReportRow[] {
  const { l, money } = ctx;
  const who = c.operatorId === null ? l.noOperator : [c.code, c.name].filter((p) => p !== null).join(' ');
  return [
    row(who, count(c.sales.count), money(c.sales.totalMinor)),
    ...(c.returns.count === 0
      ? []
      : [row(`  ${l.returnsOf}`, count(c.returns.count), money(-c.returns.amountMinor))]),
    ...(c.voids === 0 ? [] : [row(`  ${l.voids}`, count(c.voids), '')]),
    ...(c.lineVoids === 0 ? [] : [row(`  ${l.lineVoids}`, count(c.lineVoids), '')]),
  ];
}

/** "08:00" and the count and total of the sales in that hour of the business time zone. */
const hourly = (ctx: Ctx): ReportRow[] =>
  ctx.report.hourly.map((h) =>
    row(`${String(h.hour).padStart(2, '0')}:00`, count(h.count), ctx.money(h.totalMinor)),
  );

/** "Reconciled: 2026-12-05   (3 resolved)": each settlement date completed since the previous Z. */
const reconciled = (ctx: Ctx): ReportRow[] =>
  ctx.report.reconciledDays.map((d) => row(ctx.l.reconciledDay(d.day), ctx.l.resolvedCount(d.resolved)));

function counts(ctx: Ctx): ReportRow[] {
  const { report: r, l } = ctx;
  const c = r.counts;
  return [
    row(l.count, count(c.sales)),
    row(l.items, count(c.items)),
    row(l.noSaleOpens, count(c.noSaleOpens)),
    row(l.reprints, count(c.reprints)),
    row(l.overrides, count(c.overrides)),
    row(l.voids, count(c.voids)),
    row(l.lineVoids, count(c.lineVoids)),
  ];
}

function offline(ctx: Ctx): ReportRow[] {
  const { report: r, l, money } = ctx;
  const { stored, declinedAfterForwarding: declined } = r.offline;
  return [
    row(l.offlineStored, count(stored.count), money(stored.amountMinor)),
    row(l.declinedAfterForwarding, count(declined.count), money(declined.amountMinor)),
  ];
}

function shift(s: ShiftFigures, ctx: Ctx): ReportRow[] {
  const { l, money } = ctx;
  const orNot = (minor: number | null): string => (minor === null ? l.notCounted : money(minor));
  return [
    row(`${l.drawer} ${s.drawerId}`, l.shiftStates[s.state]),
    row(`  ${l.openedAt}`, ctx.date(s.openedAt)),
    ...(s.closedAt === null ? [] : [row(`  ${l.closedAt}`, ctx.date(s.closedAt))]),
    row(`  ${l.float}`, money(s.floatMinor)),
    row(`  ${l.paidIn}`, money(s.paidInMinor)),
    row(`  ${l.paidOut}`, money(s.paidOutMinor)),
    row(`  ${l.drops}`, money(s.dropsMinor)),
    row(`  ${l.expected}`, orNot(s.expectedMinor)),
    row(`  ${l.counted}`, orNot(s.countedMinor)),
    row(`  ${l.shiftVariance}`, orNot(s.varianceMinor)),
    ...(s.signOff === null
      ? []
      : [
          { label: `  ${l.signOffNote}`, values: [s.signOff.note], note: true as const },
          row(`  ${l.approvedBy}`, s.signOff.approvedBy),
        ]),
  ];
}

function chain(ctx: Ctx): ReportRow[] {
  const c = ctx.report.chain;
  if (c === null) return [];
  return [
    row(ctx.l.chainHash, c.chainSha256.slice(0, CHAIN_HASH_SHOWN)),
    row(ctx.l.journalSeq, count(c.journalSeq)),
  ];
}

/** `report` as the labelled tables every rendering of it shares. */
export function reportTables(report: ReportView, opts: ReportTablesOptions): ReportTables {
  const l = reportLabels(opts.locale);
  const timeZone = opts.timeZone ?? DEFAULT_STORE_TIME_ZONE;
  const ctx: Ctx = {
    report,
    l,
    locale: opts.locale,
    money: (minor) => formatMajor(minor, report.currency),
    date: (iso) => formatReceiptDate(iso, timeZone),
  };
  const s = l.sections;
  const pair = [l.count, l.amount];
  const sections: ReportSection[] = [
    { id: 'header', title: s.header, columns: [], rows: header(ctx) },
    { id: 'sales', title: s.sales, columns: [], rows: sales(ctx) },
    { id: 'returns', title: s.returns, columns: [], rows: returns(ctx) },
    { id: 'net', title: s.net, columns: [], rows: [row(l.netSales, ctx.money(report.netSalesMinor))] },
    {
      id: 'taxes',
      title: s.taxes,
      columns: [l.taxable, l.tax],
      rows: report.taxes.map((t) =>
        row(formatRate(t.rateBp), ctx.money(t.taxableMinor), ctx.money(t.taxMinor)),
      ),
    },
    { id: 'tenders', title: s.tenders, columns: pair, rows: tenders(ctx) },
    {
      id: 'cashiers',
      title: s.cashiers,
      columns: pair,
      rows: report.cashiers.flatMap((c) => cashier(c, ctx)),
    },
    { id: 'counts', title: s.counts, columns: [], rows: counts(ctx) },
    { id: 'offline', title: s.offline, columns: pair, rows: offline(ctx) },
    { id: 'shifts', title: s.shifts, columns: [], rows: report.shifts.flatMap((sh) => shift(sh, ctx)) },
    {
      id: 'variance',
      title: s.variance,
      columns: [],
      rows: [row(l.cashVariance, ctx.money(report.cashVarianceMinor))],
    },
    ...(report.hourly.length === 0
      ? []
      : [{ id: 'hourly' as const, title: s.hourly, columns: pair, rows: hourly(ctx) }]),
    ...(report.reconciledDays.length === 0
      ? []
      : [{ id: 'reconciled' as const, title: s.reconciled, columns: [], rows: reconciled(ctx) }]),
    ...(report.chain === null
      ? []
      : [{ id: 'chain' as const, title: s.chain, columns: [], rows: chain(ctx) }]),
  ];
  return { title: l.title[report.kind], store: row(l.store, report.storeName), sections };
}
