// A set of settlement rows' own totals: what was charged (settled charges only: a declined row moved no
// money), what was refunded and what the provider kept in fees.
import type { SettlementTotals } from '../api/contract/reconciliation';
import { chargeSettled } from './match';
import type { SettlementRow } from './settlement-row';

export function settlementTotals(rows: readonly SettlementRow[]): SettlementTotals {
  let chargedMinor = 0;
  let refundedMinor = 0;
  let feeMinor = 0;
  for (const r of rows) {
    if (r.kind === 'charge' && chargeSettled(r)) chargedMinor += r.amountMinor;
    else if (r.kind === 'refund') refundedMinor += r.amountMinor;
    else if (r.kind === 'fee') feeMinor += r.amountMinor;
    feeMinor += r.feeMinor;
  }
  return { chargedMinor, refundedMinor, feeMinor };
}
