// The breakdown on its own (pure over arrays): both sides per tender, brand, cashier, terminal and the day,
// each row labelled for the screen and the exports: a cashier by code and name, the rest by their own id.
import { describe, expect, it } from 'vitest';
import { breakdown } from '../../../main/reconciliation/breakdown';
import type { LocalSide, LocalTender } from '../../../main/reconciliation/local-side';
import type { SettlementRow } from '../../../main/reconciliation/settlement-row';

const AT = '2026-12-06T04:00:00.000Z';
const tender = (attemptId: string, operatorId: string | null, amountMinor: number): LocalTender => ({
  ...{ saleId: `s-${attemptId}`, receiptNo: `R-${attemptId}`, kind: 'card', amountMinor, attemptId },
  ...{ attemptState: 'approved', brand: 'visa', at: AT, operatorId, terminalId: 'T01' },
});
const side = (tenders: LocalTender[]): LocalSide => ({
  tenders,
  refunds: [],
  attempt: () => null,
  refundsOf: () => [],
});
const charge = (reference: string, amountMinor: number): SettlementRow => ({
  ...{ line: 1, source: 'gateway', kind: 'charge', reference, providerId: `p-${reference}`, refundId: null },
  ...{
    tender: 'card',
    brand: 'visa',
    amountMinor,
    feeMinor: 0,
    at: AT,
    status: 'approved',
    terminalId: 'T01',
  },
});
const names: Record<string, string> = { 'op-101': '101 王芳', 'op-102': '102 Li Lei' };

describe('breakdown', () => {
  it('labels cashiers by code and name, a tender, brand or terminal by its id, the day not at all', () => {
    const asked: string[] = [];
    const rows = breakdown(
      [charge('a1', 500), charge('a2', 300), charge('a3', 200)],
      side([tender('a1', 'op-101', 500), tender('a2', 'op-102', 300), tender('a3', 'op-101', 200)]),
      (id) => {
        asked.push(id);
        return names[id] ?? null;
      },
    );
    const cashiers = rows.filter((r) => r.by === 'cashier');
    expect(cashiers).toEqual([
      { by: 'cashier', key: 'op-101', label: '101 王芳', localMinor: 700, settledMinor: 700 },
      { by: 'cashier', key: 'op-102', label: '102 Li Lei', localMinor: 300, settledMinor: 300 },
    ]);
    expect(asked.sort()).toEqual(['op-101', 'op-102']);
    const labels = Object.fromEntries(rows.filter((r) => r.by !== 'cashier').map((r) => [r.by, r.label]));
    expect(labels).toEqual({ tender: 'card', brand: 'visa', terminal: 'T01', day: null });
  });

  it('a sale nobody was signed in for has no label; an operator no longer on file shows their id', () => {
    const rows = breakdown(
      [charge('a1', 500)],
      side([tender('a1', null, 500), tender('a2', 'op-gone', 300)]),
      () => null,
    );
    expect(rows.filter((r) => r.by === 'cashier').map((r) => [r.key, r.label])).toEqual([
      ['', null],
      ['op-gone', 'op-gone'],
    ]);
  });
});
