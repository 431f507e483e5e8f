// A refund is attributed to the operator signed in at the till when the manager approved it
// (refunds.operator_id), and its journal entry names them beside the approver; with nobody signed in, NULL.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../../main/api/contract';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import { call, cartOf } from '../payments/fixtures';
import { CASHIER, journal, rows, signInTill, type Till } from '../../support/signed-in-till';
import { cleanup } from '../../support/temp-host';

afterEach(cleanup);

const approval = { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin };

async function refundFirstLine(h: Till): Promise<string> {
  const cart = await cartOf(h);
  const sale: SaleView = await call(h, 'sale.tenderCash', {
    cartId: cart.cartId,
    cartVersion: cart.version,
    tenderedMinor: cart.totals.totalMinor,
  });
  const refundId = randomUUID();
  await call(h, 'refund.issue', {
    refundId,
    saleId: sale.saleId,
    lines: [{ lineNo: 1, qtyMilli: sale.lines[0]?.qtyMilli ?? 1000 }],
    reason: 'defective',
    approval,
  });
  return refundId;
}

const operatorOf = (h: Till, refundId: string) =>
  rows<{ operator_id: string | null }>(h.dataDir, 'SELECT operator_id FROM refunds WHERE id = ?', refundId)[0]
    ?.operator_id;

describe('refund attribution', () => {
  it('is the signed-in cashier’s, journalled with them; with nobody signed in, NULL', async () => {
    const h = await signInTill();
    const nobodys = await refundFirstLine(h);
    expect(operatorOf(h, nobodys)).toBeNull();
    const cashier = await call(h, 'session.signIn', { operatorCode: CASHIER.code, pin: CASHIER.pin });
    const theirs = await refundFirstLine(h);
    expect(operatorOf(h, theirs)).toBe(cashier.operatorId);
    const [, completed] = journal(h.dataDir, 'refund.completed');
    expect(completed).toMatchObject({
      refundId: theirs,
      approvedBy: { code: TRAINING_MANAGER.code, signedIn: { code: CASHIER.code } },
    });
  });
});
