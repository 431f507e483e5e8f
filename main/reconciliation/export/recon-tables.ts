// A day's reconciliation as labelled tables in one locale: the one layout both the CSV and the PDF render, so
// the two never disagree on a figure. Amounts are plain decimals ("1234.50"), times in the business time zone.
import type { Locale } from '../../api/contract';
import type { ReconDayView, ReconItemView, ReconResolutionView } from '../../api/contract/reconciliation';
import { formatMajor } from '../../api/money';
import { formatReceiptDate } from '../../printing/receipt-format';
import { reconLabels, type ReconLabels } from './recon-labels';

/** What an export is made from: the day as recon.day shows it (each item with its resolution), the till. */
export interface ReconExportData {
  readonly view: ReconDayView;
  readonly storeName: string;
  readonly terminalId: string;
  readonly currency: string;
  readonly training: boolean;
}

export interface ReconTable {
  readonly title: string;
  /** empty: label/value rows */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface ReconTables {
  readonly title: string;
  readonly tables: readonly ReconTable[];
}

export interface ReconTableOptions {
  readonly locale: Locale;
  /** IANA zone the times are given in */
  readonly timeZone: string;
  /** the CSV's form: stable class and action ids beside their labels, and every matched item listed */
  readonly forCsv: boolean;
}

interface Ctx {
  readonly l: ReconLabels;
  readonly money: (minor: number) => string;
  readonly time: (iso: string) => string;
  readonly forCsv: boolean;
}

function summary(d: ReconExportData, c: Ctx): ReconTable {
  const { view: v } = d;
  const { l } = c;
  return {
    title: l.sections.summary,
    columns: [],
    rows: [
      [l.day, v.day],
      [l.store, d.storeName],
      [l.terminal, d.terminalId],
      [l.state, v.reconciled ? l.reconciled : l.notReconciled],
      [l.open, String(v.open)],
      [l.resolved, String(v.resolved)],
      [l.sections.matched, String(v.items.filter((i) => i.class === 'matched').length)],
      [l.rows, String(v.rows)],
      [l.charged, c.money(v.totals.chargedMinor)],
      [l.refunded, c.money(v.totals.refundedMinor)],
      [l.fees, c.money(v.totals.feeMinor)],
    ],
  };
}

function imports(v: ReconDayView, c: Ctx): ReconTable {
  const { l } = c;
  return {
    title: l.sections.imports,
    columns: [l.source, l.file, l.rows, l.importedAt],
    rows: v.imports.map((i) => [i.source, i.fileName ?? l.fetched, String(i.rows), c.time(i.importedAt)]),
  };
}

function breakdownTable(v: ReconDayView, c: Ctx): ReconTable {
  const { l } = c;
  return {
    title: l.sections.breakdown,
    columns: [l.by, l.key, l.local, l.settled, l.difference],
    rows: v.breakdown.map((b) => [
      l.groups[b.by],
      b.label ?? b.key,
      c.money(b.localMinor),
      c.money(b.settledMinor),
      c.money(b.settledMinor - b.localMinor),
    ]),
  };
}

function cash(v: ReconDayView, c: Ctx): ReconTable {
  const { l } = c;
  const amount = (m: number | null): string => (m === null ? l.notCounted : c.money(m));
  return {
    title: l.sections.cash,
    columns: [l.shift, l.drawer, l.expected, l.counted, l.difference],
    rows: v.cash.map((r) => [
      r.shiftId,
      r.drawerId,
      amount(r.expectedMinor),
      amount(r.countedMinor),
      r.expectedMinor === null || r.countedMinor === null ? '' : c.money(r.countedMinor - r.expectedMinor),
    ]),
  };
}

/** class (id and label in the CSV), reference, sale, local, settled, difference */
function itemCells(i: ReconItemView, c: Ctx): string[] {
  const cls = c.l.classes[i.class];
  return [
    ...(c.forCsv ? [i.class, cls] : [cls]),
    i.reference ?? '',
    i.saleId ?? '',
    c.money(i.localMinor),
    c.money(i.settledMinor),
    c.money(i.settledMinor - i.localMinor),
  ];
}

function itemColumns(c: Ctx): string[] {
  const { l } = c;
  const cls = c.forCsv ? [l.classId, l.className] : [l.className];
  return [...cls, l.reference, l.sale, l.local, l.settled, l.difference];
}

/** who approved a resolution as the journal names them: "王经理 (900)" */
const approver = (by: ReconResolutionView['by']): string => `${by.name} (${by.code})`;

function differences(d: ReconExportData, c: Ctx): ReconTable {
  const { l } = c;
  const action = c.forCsv ? [l.actionId, l.action] : [l.action];
  const resolution = (r: ReconResolutionView | null): string[] => {
    if (!r) return [...(c.forCsv ? ['', ''] : ['']), '', '', ''];
    const label = c.l.actions[r.action];
    return [...(c.forCsv ? [r.action, label] : [label]), r.note, approver(r.by), c.time(r.at)];
  };
  return {
    title: l.sections.differences,
    columns: [...itemColumns(c), l.state, ...action, l.note, l.who, l.when],
    rows: d.view.items
      .filter((i) => i.class !== 'matched')
      .map((i) => [
        ...itemCells(i, c),
        i.state === 'resolved' ? l.resolved : l.open,
        ...resolution(i.resolution),
      ]),
  };
}

function matched(v: ReconDayView, c: Ctx): ReconTable {
  return {
    title: c.l.sections.matched,
    columns: itemColumns(c),
    rows: v.items.filter((i) => i.class === 'matched').map((i) => itemCells(i, c)),
  };
}

/**
 * formatReceiptDate, once per minute: a UTC instant (as stored, "…Z") shows only to the minute, and a busy
 * day's thousand resolutions fall in a few minutes (each call builds an Intl formatter: most of a CSV's time).
 */
function minuteTimes(timeZone: string): (iso: string) => string {
  const shown = new Map<string, string>();
  return (iso) => {
    const key = iso.endsWith('Z') && iso.length >= 17 ? iso.slice(0, 16) : iso;
    let s = shown.get(key);
    if (s === undefined) {
      s = formatReceiptDate(iso, timeZone);
      shown.set(key, s);
    }
    return s;
  };
}

export function reconTables(d: ReconExportData, o: ReconTableOptions): ReconTables {
  const l = reconLabels(o.locale);
  const c: Ctx = {
    l,
    money: (minor) => formatMajor(minor, d.currency),
    time: minuteTimes(o.timeZone),
    forCsv: o.forCsv,
  };
  const v = d.view;
  const tables = [summary(d, c), imports(v, c), breakdownTable(v, c), cash(v, c), differences(d, c)];
  return {
    title: `${d.training ? `${l.training} ` : ''}${l.title} ${v.day}`,
    tables: o.forCsv ? [...tables, matched(v, c)] : tables,
  };
}
