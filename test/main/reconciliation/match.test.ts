// The matcher on its own (pure over arrays): cases the till cannot easily be driven into.
import { describe, expect, it } from 'vitest';
import type { LocalSide, LocalTender } from '../../../main/reconciliation/local-side';
import { matchDay } from '../../../main/reconciliation/match';
import type { SettlementRow } from '../../../main/reconciliation/settlement-row';

const AT = '2026-12-06T04:00:00.000Z';
const tender = (attemptId: string, attemptState: string): LocalTender => ({
  ...{ saleId: `s-${attemptId}`, receiptNo: `R-${attemptId}`, kind: 'card', amountMinor: 500, attemptId },
  ...{ attemptState, brand: 'visa', at: AT, operatorId: 'op1', terminalId: 'T01' },
});
const side = (tenders: LocalTender[]): LocalSide => ({
  tenders,
  refunds: [],
  attempt: () => null,
  refundsOf: () => [],
});
const row = (reference: string, status: string, providerId = `p-${reference}`): SettlementRow => ({
  ...{ line: 1, source: 'gateway', kind: 'charge', reference, providerId, refundId: null, tender: 'card' },
  ...{ brand: 'visa', amountMinor: 500, feeMinor: 0, at: AT, status, terminalId: 'T01' },
});
const classes = (rows: SettlementRow[], local: LocalSide) => matchDay(rows, local).map((i) => i.class);

describe('matchDay', () => {
  it('a forwarded payment the gateway declined, though the till was told approved, is declined_after_forward', () => {
    expect(classes([row('a1', 'declined')], side([tender('a1', 'forward_approved')]))).toEqual([
      'declined_after_forward',
    ]);
    expect(classes([row('a1', 'declined')], side([tender('a1', 'approved')]))).toEqual(['status_mismatch']);
  });

  it('a payment charged twice is matched once and charged_no_sale once', () => {
    const items = matchDay(
      [row('a1', 'approved'), row('a1', 'approved', 'p-dup')],
      side([tender('a1', 'approved')]),
    );
    expect(items.map((i) => [i.class, i.key])).toEqual([
      ['matched', 'matched:a1'],
      ['charged_no_sale', 'charged_no_sale:gateway:p-dup'],
    ]);
  });

  it('a declined payment with no sale moved nothing: no item', () => {
    expect(classes([row('zz', 'declined')], side([]))).toEqual([]);
  });
});
