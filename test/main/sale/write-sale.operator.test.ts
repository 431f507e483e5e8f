// A sale is attributed to the operator signed in at the till, in the sale's own transaction (sales.operator_id);
// with nobody signed in (training mode sells without a sign-in) it is NULL and the sale goes through as before.
// The journal of an approved action names who was signed in beside who approved it.
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../../main/api/contract';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import { call, cartOf } from '../payments/fixtures';
import { CASHIER, journal, rows, signInTill, type Till } from '../../support/signed-in-till';
import { cleanup } from '../../support/temp-host';

afterEach(cleanup);

async function cashSale(h: Till): Promise<SaleView> {
  const cart = await cartOf(h);
  return call(h, 'sale.tenderCash', {
    cartId: cart.cartId,
    cartVersion: cart.version,
    tenderedMinor: cart.totals.totalMinor,
  });
}

const operatorOf = (h: Till, saleId: string) =>
  rows<{ operator_id: string | null }>(h.dataDir, 'SELECT operator_id FROM sales WHERE id = ?', saleId)[0]
    ?.operator_id;
const idOf = (h: Till, code: string) =>
  rows<{ id: string }>(h.dataDir, 'SELECT id FROM operators WHERE code = ?', code)[0]?.id;

describe('sale attribution', () => {
  it('training mode sells with nobody signed in: operator NULL', async () => {
    const h = await signInTill();
    const sale = await cashSale(h);
    expect(sale.training).toBe(true);
    expect(operatorOf(h, sale.saleId)).toBeNull();
  });

  it('a sale made while a cashier is signed in is theirs; after sign-out nobody’s', async () => {
    const h = await signInTill();
    await call(h, 'session.signIn', { operatorCode: CASHIER.code, pin: CASHIER.pin });
    const theirs = await cashSale(h);
    expect(operatorOf(h, theirs.saleId)).toBe(idOf(h, CASHIER.code));
    await call(h, 'session.signOut', {});
    const nobodys = await cashSale(h);
    expect(operatorOf(h, nobodys.saleId)).toBeNull();
  });

  it('a no-sale drawer opening approved by a manager names the signed-in cashier in its journal entry', async () => {
    const h = await signInTill();
    const approval = { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin };
    await call(h, 'drawer.open', { reason: 'float', approval });
    await call(h, 'session.signIn', { operatorCode: CASHIER.code, pin: CASHIER.pin });
    await call(h, 'drawer.open', { reason: 'change', approval });
    const [before, after] = journal(h.dataDir, 'drawer.no-sale');
    expect(before?.['approvedBy']).not.toHaveProperty('signedIn');
    expect(after?.['approvedBy']).toMatchObject({
      code: TRAINING_MANAGER.code,
      signedIn: { operatorId: idOf(h, CASHIER.code), code: CASHIER.code },
    });
  });
});
