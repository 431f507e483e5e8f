// A day's reconciliation as the exporters take it: a fetched and a WeChat import, every difference class,
// one resolved (with a staff-typed note that starts like a formula), matched items, a cashier's labelled
// breakdown row and a cash count.
import {
  actionsFor,
  DIFFERENCE_CLASSES,
  type ReconClass,
  type ReconDayView,
  type ReconItemView,
  type ReconResolutionView,
} from '../../main/api/contract/reconciliation';
import type { ReconExportData } from '../../main/reconciliation/export/recon-tables';

const DIFFERENCES = DIFFERENCE_CLASSES;

/** how the first difference was resolved: a staff-typed note that starts like a formula */
const RESOLVED: ReconResolutionView = {
  action: 'refund_online',
  note: '=已退款给顾客',
  by: { id: 'op-900', code: '900', name: '王经理' },
  at: '2026-12-06T02:15:00.000Z',
};

function item(n: number, cls: ReconClass, resolution: ReconResolutionView | null = null): ReconItemView {
  return {
    id: `item-${n}`,
    class: cls,
    reference: `ref-${String(n).padStart(5, '0')}`,
    saleId: cls === 'charged_no_sale' || cls === 'fee' ? null : `sale-${n}`,
    attemptId: null,
    refundId: null,
    localMinor: cls === 'charged_no_sale' || cls === 'fee' ? 0 : 1250 + n,
    settledMinor:
      cls === 'sale_no_charge' ? 0 : cls === 'fee' ? 36 : 1250 + n + (cls === 'amount_mismatch' ? 1 : 0),
    details: {},
    state: resolution ? 'resolved' : 'open',
    resolution,
  };
}

/** The day with its seven differences (the first resolved) and `matched` matched items. */
export function reconExportData(matched = 3): ReconExportData {
  const items = [
    ...DIFFERENCES.map((c, i) => item(i + 1, c, i === 0 ? RESOLVED : null)),
    ...Array.from({ length: matched }, (_, i) => item(100 + i, 'matched')),
  ];
  const view: ReconDayView = {
    day: '2026-12-05',
    imports: [
      { source: 'gateway', fileName: null, rows: matched + 5, importedAt: '2026-12-05T16:30:00.000Z' },
      {
        source: 'wechat',
        fileName: '微信账单-20261205.csv',
        rows: 2,
        importedAt: '2026-12-06T01:02:00.000Z',
      },
    ],
    rows: matched + 7,
    totals: { chargedMinor: 123456, refundedMinor: 2500, feeMinor: 36 },
    items,
    breakdown: [
      { by: 'tender', key: 'card', label: 'card', localMinor: 100000, settledMinor: 99999 },
      { by: 'cashier', key: 'op-101', label: '101 王芳', localMinor: 60000, settledMinor: 60000 },
      { by: 'cashier', key: 'op-gone', label: null, localMinor: 500, settledMinor: 0 },
      { by: 'day', key: '2026-12-05', label: '2026-12-05', localMinor: 120000, settledMinor: 123456 },
    ],
    cash: [
      { shiftId: 'shift-1', drawerId: 'D1', expectedMinor: 50000, countedMinor: 49750 },
      { shiftId: 'shift-2', drawerId: 'D1', expectedMinor: 1000, countedMinor: null },
    ],
    reconciled: false,
    open: 6,
    resolved: 1,
  };
  return {
    view,
    storeName: '好又多便利店',
    terminalId: 'T01',
    currency: 'CNY',
    training: false,
  };
}

/** The note a manager types on a busy day's k-th difference: every 25th long enough to wrap in the PDF. */
const busyNote = (k: number): string =>
  k % 25 === 0
    ? `第 ${k} 笔：已致电收单机构核对，对方确认次日重新结算；顾客已收到短信通知，无需另行退款。`
    : `已核对 #${k}`;

/**
 * A busy day (bench/reconcile-export.bench.ts): `differences` items of every class in turn, every other one
 * resolved with a note by the manager, and `matched` matched items.
 */
export function busyReconExportData(differences: number, matched: number): ReconExportData {
  const base = reconExportData(0);
  const items = [
    ...Array.from({ length: differences }, (_, k) => {
      const cls = DIFFERENCES[k % DIFFERENCES.length] as ReconClass;
      const action = actionsFor(cls)[0] ?? 'escalate_acquirer';
      const at = new Date(Date.parse(RESOLVED.at) + k * 1000).toISOString();
      return item(1000 + k, cls, k % 2 ? null : { ...RESOLVED, action, note: busyNote(k), at });
    }),
    ...Array.from({ length: matched }, (_, k) => item(100_000 + k, 'matched')),
  ];
  const resolved = items.filter((i) => i.state === 'resolved').length;
  const view = { ...base.view, items, open: differences - resolved, resolved, rows: differences + matched };
  return { ...base, view };
}
