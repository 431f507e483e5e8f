import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PosFailure } from '../../../../main/api/result';
import { SettlementSchema, type Settlement } from '../../../../main/gateway/protocol/schemas';
import { isSettledStatus, settlementRows } from '../../../../main/reconciliation/formats/gateway-rows';
import { fixture } from '../../../support/settlement-files';

const answer = (): Settlement =>
  SettlementSchema.parse(JSON.parse(fs.readFileSync(fixture('gateway-settlement-2026-12-05.json'), 'utf8')));

describe("the gateway's settlement answer as rows", () => {
  it('gives the rows and summary the fetch keeps, fees on the charge rows', () => {
    const { rows, summary } = settlementRows(answer());
    expect(summary).toEqual({ rows: 4, chargedMinor: 7130, refundedMinor: 1000, feeMinor: 42 });
    expect(rows.map((r) => [r.kind, r.feeMinor, r.terminalId])).toEqual([
      ['charge', 27, 'T-0001'],
      ['charge', 15, 'T-0001'],
      ['refund', 0, 'T-0001'],
      ['charge', 0, 'T-0001'],
    ]);
  });

  it('counts as settled what the gateway counts in approvedMinor, and nothing else', () => {
    expect(['approved', 'refunded'].every((s) => isSettledStatus('card', s))).toBe(true);
    expect(['success', 'reversed'].every((s) => isSettledStatus('qr', s))).toBe(true);
    expect(['declined', 'voided', 'referral'].some((s) => isSettledStatus('card', s))).toBe(false);
    expect(['closed', 'failed', 'approved'].some((s) => isSettledStatus('qr', s))).toBe(false);
  });

  it('refuses an answer whose totals disagree with its payments, or with a status it does not know', () => {
    const s = answer();
    expect(() =>
      settlementRows({ ...s, totals: { ...s.totals, approvedMinor: 7131, netMinor: 6131 } }),
    ).toThrow(PosFailure);
    const odd = { ...s, payments: s.payments.map((p, i) => (i === 1 ? { ...p, status: 'user_paying' } : p)) };
    expect(() => settlementRows(odd)).toThrow(/line 2: status/);
  });
});
