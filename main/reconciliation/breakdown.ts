// The day's two sides per tender kind, wallet/brand, cashier, terminal and in all: the local side from the
// day's tenders less its refunds, the settled side from the settled charges less the settled refunds. A
// settled row is put under the cashier and terminal of the sale it pays for, when there is one. Each row
// carries what a screen shows for its key: the cashier's code and name, a tender, brand or terminal's own id.
import type { ReconBreakdownRow } from '../api/contract/reconciliation';
import type { LocalSide, LocalTender } from './local-side';
import type { CashierName } from './cashier-names';
import { chargeSettled } from './match';
import type { SettlementRow } from './settlement-row';

type By = ReconBreakdownRow['by'];

export function breakdown(
  rows: readonly SettlementRow[],
  local: LocalSide,
  cashierName: CashierName,
): ReconBreakdownRow[] {
  const sums = new Map<string, { by: By; key: string; localMinor: number; settledMinor: number }>();
  const add = (side: 'localMinor' | 'settledMinor', keys: Record<By, string>, minor: number): void => {
    for (const [by, key] of Object.entries(keys) as [By, string][]) {
      const id = `${by}\u0000${key}`;
      const s = sums.get(id) ?? { by, key, localMinor: 0, settledMinor: 0 };
      s[side] += minor;
      sums.set(id, s);
    }
  };
  const tenderOf = new Map<string, LocalTender>(local.tenders.map((t) => [t.attemptId, t]));
  const keysOf = (
    kind: string,
    brand: string | null,
    t: LocalTender | undefined,
    terminal: string | null,
  ) => ({
    tender: kind,
    brand: (brand ?? t?.brand ?? '').toLowerCase(),
    cashier: t?.operatorId ?? '',
    terminal: t?.terminalId ?? terminal ?? '',
    day: '',
  });
  for (const t of local.tenders) add('localMinor', keysOf(t.kind, t.brand, t, null), t.amountMinor);
  for (const r of local.refunds) {
    const t = tenderOf.get(r.attemptId);
    add('localMinor', { ...keysOf(r.kind, null, t, null), cashier: r.operatorId ?? '' }, -r.amountMinor);
  }
  for (const r of rows) {
    if (r.kind === 'fee' || (r.kind === 'charge' && !chargeSettled(r))) continue;
    const t = r.reference === null ? undefined : tenderOf.get(r.reference);
    add(
      'settledMinor',
      keysOf(r.tender, r.brand, t, r.terminalId),
      r.kind === 'refund' ? -r.amountMinor : r.amountMinor,
    );
  }
  // No key (the day, a sale nobody was signed in for): no label. A cashier no longer on file: their id.
  const label = (by: By, key: string): string | null =>
    key === '' ? null : by === 'cashier' ? (cashierName(key) ?? key) : key;
  return [...sums.values()].map((s) => ({ ...s, label: label(s.by, s.key) }));
}
